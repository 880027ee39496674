import {defineQuery} from 'groq'

/** Every public page: its type, id or slug, and when it last changed. Offices and forums have pages by id. */
export const sitemapQuery = defineQuery(`*[_type in ["article", "person", "event", "office", "forum"]] | order(_type asc, _id asc) {
  _type,
  _id,
  "slug": slug.current,
  "lastModified": coalesce(_updatedAt, updatedAt, publishedAt)
}`)
