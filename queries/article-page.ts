import {defineQuery} from 'groq'

/**
 * One article with everything its page shows: body with resolved internal links, offices, people, events,
 * and its language versions for `hreflang`. Params: $slug, and $language (a BCP 47 tag such as "zh-Hans").
 *
 * The article in $language, or else the English one with that slug (its `language` says which it is).
 * Names and titles of offices, people and events are in $language where the dataset has them, else English.
 * `translations` lists every published language version, this one included: language and slug.
 */
export const articleBySlugQuery = defineQuery(`coalesce(
  *[_type == "article" && slug.current == $slug && language == $language][0],
  *[_type == "article" && slug.current == $slug && language == "en"][0]
) {
  _id,
  title,
  "slug": slug.current,
  section,
  publishedAt,
  updatedAt,
  language,
  summary,
  "image": mainImage{alt, caption, "url": asset->url},
  body[] {
    ...,
    _type == "accessibleImage" => {alt, caption, "url": asset->url},
    markDefs[] {
      ...,
      _type == "internalLink" => {
        "target": reference->{
          _type,
          _id,
          "slug": slug.current,
          "title": coalesce(
            officialNames[language == $language][0].name,
            localizedNames[language == $language][0].name,
            localizedTitles[language == $language][0].name,
            title,
            name
          )
        }
      }
    }
  },
  externalUrl,
  ipRights,
  topics,
  "offices": offices[]->{_id, "name": coalesce(officialNames[language == $language][0].name, name), abbreviation, st3Code},
  "people": people[]->{
    "slug": slug.current,
    "name": coalesce(
      localizedNames[language == $language][0].name,
      array::join(select(nameOrder == "familyFirst" => [familyName, givenName], [givenName, familyName])[defined(@)], " ")
    )
  },
  "events": events[]->{"title": coalesce(localizedTitles[language == $language][0].name, title), "slug": slug.current},
  source {
    organisationName,
    url,
    "office": office->{_id, "name": coalesce(officialNames[language == $language][0].name, name), abbreviation, st3Code}
  },
  translation {originalLanguage, originalTitle, originalUrl, note},
  // The language versions linked by the translation plugin's metadata document (found by type first, then by reference).
  "translations": *[_type == "translation.metadata" && ^._id in translations[].value._ref][0].translations[]{
    language,
    "slug": value->slug.current
  }[defined(slug)],
  caseDetails {court, caseNumber, ecli, decisionDate, outcome, parties[]{name, role}},
  seo {title, description}
}`)
