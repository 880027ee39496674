import type {SiteOptions} from 'sanity-plugin-ip-news/jsonld'

import {languages, type Language} from './i18n'

/** The site's origin, for absolute URLs (JSON-LD, hreflang, sitemap, feeds). */
export const siteUrl = () => (process.env.SITE_URL || 'http://localhost:3000').replace(/\/$/, '')

const segment = (value: string) => encodeURIComponent(value)

export const paths = {
  home: (language: Language) => `/${language}`,
  section: (language: Language, section: string) => `/${language}/section/${segment(section)}`,
  feed: (language: Language, section: string) => `/${language}/section/${segment(section)}/feed.xml`,
  article: (language: string, slug: string) => `/${segment(language)}/articles/${segment(slug)}`,
  office: (language: Language, id: string) => `/${language}/offices/${segment(id)}`,
  person: (language: Language, slug: string) => `/${language}/people/${segment(slug)}`,
  event: (language: Language, slug: string) => `/${language}/events/${segment(slug)}`,
  forum: (language: Language, id: string) => `/${language}/forums/${segment(id)}`,
  cookiePolicy: (language: Language) => `/${language}/cookie-policy`,
  search: (language: Language) => `/${language}/search`,
}

export const absolute = (path: string) => `${siteUrl()}${path}`

/** What the package's JSON-LD needs to know about this site: its origin, publisher, and page paths in `language`. */
export function siteOptions(language: Language): SiteOptions {
  return {
    siteUrl: siteUrl(),
    publisher: {name: 'IP News', url: siteUrl()},
    paths: {
      article: (slug, articleLanguage) => paths.article(articleLanguage ?? 'en', slug),
      person: (slug) => paths.person(language, slug),
      event: (slug) => paths.event(language, slug),
      office: (id) => paths.office(language, id),
      forum: (id) => paths.forum(language, id),
    },
  }
}

/** `alternates` for a page that exists in every language under the same path after the language. */
export function alternatesFor(language: Language, pathInLanguage: (language: Language) => string) {
  return {
    canonical: absolute(pathInLanguage(language)),
    languages: Object.fromEntries([...languages.map((other) => [other, absolute(pathInLanguage(other))]), ['x-default', absolute(pathInLanguage('en'))]]),
  }
}

/** A route segment as written in the dataset (Next.js may hand it over still percent-encoded). */
export function segmentValue(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * An address from the dataset, for an href: http(s) and mailto addresses and this site's own paths only
 * (the Studio validates them too; a site does not rely on that). Anything else gives undefined.
 */
export function safeHref(value: string | null | undefined): string | undefined {
  if (!value) return undefined
  if (value.startsWith('/') && !value.startsWith('//')) return value
  return /^(https?:\/\/|mailto:)/i.test(value) ? value : undefined
}
