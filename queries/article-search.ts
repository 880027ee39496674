import {defineQuery} from 'groq'

/**
 * Articles in $language whose title, summary or body match $search (words; a trailing * matches prefixes),
 * best title matches first, at most $limit.
 */
export const articleSearchQuery = defineQuery(`*[
  _type == "article" && language == $language && [title, summary, pt::text(body)] match $search
] | score(title match $search, summary match $search) | order(_score desc, publishedAt desc) [0...$limit] {
  _id,
  title,
  "slug": slug.current,
  section,
  publishedAt,
  language,
  summary
}`)
