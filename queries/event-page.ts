import {defineQuery} from 'groq'

/**
 * An event page: forum, host, chair, delegations with heads and members, related articles. Params: $slug and
 * $language: title and names in that language where the dataset has them, else English; the articles those in $language.
 */
export const eventPageQuery = defineQuery(`*[_type == "event" && slug.current == $slug][0] {
  _id,
  "title": coalesce(localizedTitles[language == $language][0].name, title),
  "slug": slug.current,
  kind,
  summary,
  datePrecision,
  startDate,
  endDate,
  attendanceMode,
  location {venue, city, country},
  videoLinkNote,
  agendaTopics,
  "forum": forum->{_id, abbreviation, "name": coalesce(localizedNames[language == $language][0].name, name)},
  "host": host->{_id, "name": coalesce(officialNames[language == $language][0].name, name), abbreviation, st3Code},
  "chair": chair.person->{
    "slug": slug.current,
    "name": coalesce(localizedNames[language == $language][0].name, array::join(select(nameOrder == "familyFirst" => [familyName, givenName], [givenName, familyName])[defined(@)], " "))
  },
  "chairTitle": chair.titleAsReported,
  delegations[] {
    role,
    "office": office->{_id, "name": coalesce(officialNames[language == $language][0].name, name), abbreviation, st3Code},
    "head": head.person->{
      "slug": slug.current,
      "name": coalesce(localizedNames[language == $language][0].name, array::join(select(nameOrder == "familyFirst" => [familyName, givenName], [givenName, familyName])[defined(@)], " "))
    },
    "headTitle": head.titleAsReported,
    // Departments by name, people with the slug of their page.
    "members": members[]->{
      "name": coalesce(
        officialNames[language == $language][0].name,
        localizedNames[language == $language][0].name,
        name,
        array::join(select(nameOrder == "familyFirst" => [familyName, givenName], [givenName, familyName])[defined(@)], " ")
      ),
      _type == "person" => {"slug": slug.current}
    }
  },
  // Reverse lookups by the field that carries the meaning, not references(), which also matches links in body text.
  "relatedArticles": *[_type == "article" && language == $language && ^._id in events[]._ref] | order(publishedAt desc, _id desc) [0...10] {
    title,
    "slug": slug.current,
    publishedAt
  }
}`)
