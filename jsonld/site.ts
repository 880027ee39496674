/** Where the site publishes each kind of page; JSON-LD needs absolute URLs. */
export interface SiteOptions {
  /** The site's origin, for example "https://ipnews.example". */
  siteUrl: string
  /** The publisher named in NewsArticle. */
  publisher: {name: string; url?: string; logoUrl?: string}
  /**
   * Paths of pages; defaults: /articles/:slug (English) and /:language/articles/:slug (other languages: the
   * language versions of an article share its slug), /people/:slug, /events/:slug, /offices/:id, /forums/:id.
   */
  paths?: Partial<SitePaths>
}

export interface SitePaths {
  article: (slug: string, language?: string) => string
  person: (slug: string) => string
  event: (slug: string) => string
  office: (id: string) => string
  forum: (id: string) => string
}

const defaultPaths: SitePaths = {
  article: (slug, language) =>
    language && language !== 'en' ? `/${encodeURIComponent(language)}/articles/${encodeURIComponent(slug)}` : `/articles/${encodeURIComponent(slug)}`,
  person: (slug) => `/people/${encodeURIComponent(slug)}`,
  event: (slug) => `/events/${encodeURIComponent(slug)}`,
  office: (id) => `/offices/${encodeURIComponent(id)}`,
  forum: (id) => `/forums/${encodeURIComponent(id)}`,
}

export function pageUrl(options: SiteOptions, kind: keyof SitePaths, key: string | null | undefined, language?: string | null): string | undefined {
  if (!key) return undefined
  const path = (options.paths?.[kind] ?? defaultPaths[kind])(key, language ?? undefined)
  return new URL(path, options.siteUrl).href
}

/** Drops undefined, null and empty-array properties, so the output carries only what is known. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)),
  ) as T
}

/**
 * The JSON for a <script type="application/ld+json"> element. "<" is escaped so text from the dataset
 * (a title containing "</script>") cannot end the element and inject markup.
 */
export function jsonLdScriptContent(data: object): string {
  return JSON.stringify(data).replaceAll('<', '\\u003c')
}
