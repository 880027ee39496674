import {defineQuery} from 'groq'

/**
 * Latest articles in one language, newest first, a page at a time, optionally in one section.
 * Params: $language (a BCP 47 tag such as "en" or "zh-Hans"), $section (a section value or null), $limit (page size),
 * $afterPublishedAt and $afterId (the last item of the previous page, or null for the first page).
 * Cursor pagination on (publishedAt, _id): no deep offsets, and ties on the date are broken by id.
 */
export const latestArticlesQuery = defineQuery(`*[
  _type == "article"
  && language == $language
  && (!defined($section) || section == $section)
  && (
    !defined($afterPublishedAt)
    || publishedAt < $afterPublishedAt
    || (publishedAt == $afterPublishedAt && _id < $afterId)
  )
] | order(publishedAt desc, _id desc) [0...$limit] {
  _id,
  title,
  "slug": slug.current,
  section,
  publishedAt,
  language,
  summary,
  "image": mainImage{alt, "url": asset->url},
  "offices": offices[]->{_id, abbreviation, st3Code}
}`)
