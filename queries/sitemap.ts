import {defineQuery} from 'groq'

/**
 * Every public page: its type, id or slug, and when it last changed. Offices and forums have pages by id.
 * Articles also give their language and their language versions (`alternates`: language and slug, this one
 * included) for the sitemap's `xhtml:link rel="alternate" hreflang` entries.
 */
export const sitemapQuery = defineQuery(`*[_type in ["article", "person", "event", "office", "forum"]] | order(_type asc, _id asc) {
  _type,
  _id,
  "slug": slug.current,
  "lastModified": coalesce(_updatedAt, updatedAt, publishedAt),
  _type == "article" => {
    language,
    "alternates": *[_type == "translation.metadata" && ^._id in translations[].value._ref][0].translations[]{
      language,
      "slug": value->slug.current
    }[defined(slug)]
  }
}`)
