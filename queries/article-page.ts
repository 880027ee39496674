import {defineQuery} from 'groq'

/** One article with everything its page shows: body with resolved internal links, offices, people, events. Param: $slug. */
export const articleBySlugQuery = defineQuery(`*[_type == "article" && slug.current == $slug][0] {
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
        "target": reference->{_type, _id, "slug": slug.current, "title": coalesce(title, name)}
      }
    }
  },
  externalUrl,
  ipRights,
  topics,
  "offices": offices[]->{_id, name, abbreviation, st3Code},
  "people": people[]->{
    "slug": slug.current,
    "name": array::join(select(nameOrder == "familyFirst" => [familyName, givenName], [givenName, familyName])[defined(@)], " ")
  },
  "events": events[]->{title, "slug": slug.current},
  source {
    organisationName,
    url,
    "office": office->{_id, name, abbreviation, st3Code}
  },
  translation {originalLanguage, originalTitle, originalUrl, note},
  caseDetails {court, caseNumber, ecli, decisionDate, outcome, parties[]{name, role}},
  seo {title, description}
}`)
