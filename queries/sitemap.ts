import {defineQuery} from 'groq'

/**
 * Every public page: its type, id or slug, and when it last changed (`pages`). Offices and forums have
 * pages by id; articles also give their language. The groups of language versions come as a list of
 * their own (`translations`: each group's versions, language and article id) rather than looked up per
 * article, so the sitemap makes no reverse lookup per page; `languageVersionsByArticle` joins the two.
 */
export const sitemapQuery = defineQuery(`{
  "pages": *[_type in ["article", "person", "event", "office", "forum"]] | order(_type asc, _id asc) {
    _type,
    _id,
    "slug": slug.current,
    "lastModified": coalesce(_updatedAt, updatedAt, publishedAt),
    _type == "article" => {language}
  },
  "translations": *[_type == "translation.metadata"] | order(_id asc) {
    "versions": translations[]{language, "id": value._ref}
  }
}`)

/** A language version for hreflang: its language and its slug. */
export interface LanguageVersion {
  language: string
  slug: string
}

interface SitemapAnswer {
  pages: readonly {_type: string; _id: string; slug: string | null}[]
  translations: readonly {versions: readonly {language: string | null; id: string | null}[] | null}[]
}

/**
 * Each article's language versions, itself included, by article id, in the order its translation group
 * lists them: only versions that are articles of the sitemap with a slug and a language. An article in
 * no group is absent from the map.
 */
export function languageVersionsByArticle({pages, translations}: SitemapAnswer): Map<string, LanguageVersion[]> {
  const slugs = new Map<string, string>()
  for (const page of pages) if (page._type === 'article' && page.slug) slugs.set(page._id, page.slug)
  const byArticle = new Map<string, LanguageVersion[]>()
  for (const {versions} of translations) {
    const found: {id: string; version: LanguageVersion}[] = []
    for (const {language, id} of versions ?? []) {
      const slug = id ? slugs.get(id) : undefined
      if (id && slug && language) found.push({id, version: {language, slug}})
    }
    const group = found.map(({version}) => version)
    for (const {id} of found) if (!byArticle.has(id)) byArticle.set(id, group)
  }
  return byArticle
}
