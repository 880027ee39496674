import {defineQuery} from 'groq'

/**
 * A person page: positions with their offices, the articles and events they appear in. Params: $slug and
 * $language: the name, titles and office names in that language where the dataset has them, else in Latin
 * script and English (`latinName` always); the articles those in $language.
 */
export const personPageQuery = defineQuery(`*[_type == "person" && slug.current == $slug][0] {
  _id,
  "slug": slug.current,
  "name": coalesce(localizedNames[language == $language][0].name, array::join(select(nameOrder == "familyFirst" => [familyName, givenName], [givenName, familyName])[defined(@)], " ")),
  "latinName": array::join(select(nameOrder == "familyFirst" => [familyName, givenName], [givenName, familyName])[defined(@)], " "),
  givenName,
  familyName,
  nameOrder,
  nativeName,
  honorific,
  bio,
  "photo": photo{alt, "url": asset->url},
  positions[] {
    "title": coalesce(localizedTitles[language == $language][0].name, title),
    startDate,
    endDate,
    "office": office->{_id, "name": coalesce(officialNames[language == $language][0].name, name), abbreviation, st3Code}
  },
  // Reverse lookups by the field that carries the meaning, not references(), which also matches links in body text.
  "articles": *[_type == "article" && language == $language && ^._id in people[]._ref] | order(publishedAt desc, _id desc) [0...20] {
    _id,
    title,
    "slug": slug.current,
    section,
    publishedAt
  },
  "events": *[
    _type == "event"
    && (chair.person._ref == ^._id || ^._id in delegations[].head.person._ref || ^._id in delegations[].members[]._ref)
  ] | order(startDate desc) [0...20] {
    _id,
    "title": coalesce(localizedTitles[language == $language][0].name, title),
    "slug": slug.current,
    startDate,
    datePrecision
  }
}`)
