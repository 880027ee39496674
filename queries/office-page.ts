import {defineQuery} from 'groq'

/**
 * An office page: the office, its departments, the people who hold a position there now, the latest
 * articles about it and the events it hosted. Params: $id (for example "office-cn") and $language: names and
 * titles in that language where the dataset has them, else English; the articles those in $language.
 * The reverse lookups run for this one office only.
 */
export const officePageQuery = defineQuery(`*[_type == "office" && _id == $id][0] {
  _id,
  "name": coalesce(officialNames[language == $language][0].name, name),
  "englishName": name,
  abbreviation,
  kind,
  st3Code,
  country,
  website,
  headquarters,
  description,
  "logo": logo{alt, "url": asset->url},
  officialNames[]{language, name},
  formerNames[]{name, abbreviation, until},
  "parent": parent->{_id, "name": coalesce(officialNames[language == $language][0].name, name), abbreviation, st3Code},
  "departments": *[_type == "office" && parent._ref == ^._id] | order(name asc) {_id, "name": coalesce(officialNames[language == $language][0].name, name)},
  // Reverse lookups by the field that carries the meaning, not references(), which also matches links in body text.
  "people": *[_type == "person" && ^._id in positions[].office._ref] {
    _id,
    "slug": slug.current,
    "name": coalesce(localizedNames[language == $language][0].name, array::join(select(nameOrder == "familyFirst" => [familyName, givenName], [givenName, familyName])[defined(@)], " ")),
    "position": positions[office._ref == ^.^._id && !defined(endDate)][0]{
      "title": coalesce(localizedTitles[language == $language][0].name, title),
      startDate
    }
  }[defined(position)],
  "latestArticles": *[_type == "article" && language == $language && ^._id in offices[]._ref] | order(publishedAt desc, _id desc) [0...10] {
    _id,
    title,
    "slug": slug.current,
    section,
    publishedAt
  },
  "hostedEvents": *[_type == "event" && host._ref == ^._id] | order(startDate desc) [0...20] {
    _id,
    "title": coalesce(localizedTitles[language == $language][0].name, title),
    "slug": slug.current,
    startDate,
    datePrecision
  }
}`)
