import {getPublishedId} from 'sanity'
import type {DocumentLocation, DocumentLocationResolvers, DocumentResolver, PresentationPluginOptions} from 'sanity/presentation'

import {COOKIE_POLICY_ID} from '../schemas/constants/ids.ts'
import {BASE_LANGUAGE, DEFAULT_LANGUAGES, type SiteLanguage} from '../schemas/constants/languages.ts'
import {sectionTitle} from '../schemas/constants/article-sections.ts'

/** The site's origin when none is configured: the reference site's `next dev` / `next start`. */
export const DEFAULT_PREVIEW_ORIGIN = 'http://localhost:3000'

/** The site route that checks the Presentation tool's secret and turns draft mode on (next-sanity's `defineEnableDraftMode`). */
export const ENABLE_DRAFT_MODE_PATH = '/api/draft-mode/enable'

/**
 * The pages of the reference site (`site/`), by language: `/<language>/articles/<slug>` and so on. A site with
 * other addresses passes its own to `sitePresentation({paths})`.
 */
export interface SitePaths {
  home: (language: string) => string
  section: (language: string, section: string) => string
  article: (language: string, slug: string) => string
  office: (language: string, id: string) => string
  person: (language: string, slug: string) => string
  event: (language: string, slug: string) => string
  forum: (language: string, id: string) => string
  cookiePolicy: (language: string) => string
}

const segment = encodeURIComponent

export const SITE_PATHS: SitePaths = {
  home: (language) => `/${segment(language)}`,
  section: (language, section) => `/${segment(language)}/section/${segment(section)}`,
  article: (language, slug) => `/${segment(language)}/articles/${segment(slug)}`,
  office: (language, id) => `/${segment(language)}/offices/${segment(id)}`,
  person: (language, slug) => `/${segment(language)}/people/${segment(slug)}`,
  event: (language, slug) => `/${segment(language)}/events/${segment(slug)}`,
  forum: (language, id) => `/${segment(language)}/forums/${segment(id)}`,
  cookiePolicy: (language) => `/${segment(language)}/cookie-policy`,
}

export interface SitePresentationOptions {
  /** The site's origin, such as https://www.example.org (default http://localhost:3000). */
  origin?: string
  /** The languages the site has pages in, English first (default: English and Simplified Chinese). */
  languages?: readonly SiteLanguage[]
  paths?: SitePaths
}

const isString = (value: unknown): value is string => typeof value === 'string' && value !== ''

/**
 * Where each document shows on the site, as the Presentation tool lists it above the form ("Used on N
 * pages") and opens it: an article on its page in its own language, its section list and the home page;
 * reference data and events on their pages in every language (their names are translated in place).
 */
export function siteLocations({languages = DEFAULT_LANGUAGES, paths = SITE_PATHS}: Omit<SitePresentationOptions, 'origin'> = {}): DocumentLocationResolvers {
  const everyLanguage = (title: string, href: (language: string) => string): DocumentLocation[] =>
    languages.map((language) => ({title: languages.length > 1 ? `${title} · ${language.title}` : title, href: href(language.id)}))
  const bySlug = (pathOf: (language: string, slug: string) => string) => ({
    select: {title: 'title', slug: 'slug.current'},
    resolve: (value: Record<'title' | 'slug', unknown> | null) =>
      value && isString(value.slug) ? {locations: everyLanguage(isString(value.title) ? value.title : value.slug, (language) => pathOf(language, value.slug as string))} : null,
  })
  const byId = (pathOf: (language: string, id: string) => string) => ({
    select: {title: 'name', id: '_id'},
    resolve: (value: Record<'title' | 'id', unknown> | null) => {
      if (!value || !isString(value.id)) return null
      const id = getPublishedId(value.id)
      return {locations: everyLanguage(isString(value.title) ? value.title : id, (language) => pathOf(language, id))}
    },
  })
  return {
    article: {
      select: {title: 'title', slug: 'slug.current', language: 'language', section: 'section'},
      resolve: (value) => {
        if (!value || !isString(value.slug)) return {message: 'The article has no page until it has a slug.', tone: 'caution'}
        const language = isString(value.language) ? value.language : BASE_LANGUAGE
        const locations: DocumentLocation[] = [{title: isString(value.title) ? value.title : value.slug, href: paths.article(language, value.slug)}]
        if (isString(value.section)) locations.push({title: sectionTitle(value.section) ?? value.section, href: paths.section(language, value.section)})
        locations.push({title: 'Home page', href: paths.home(language)})
        return {locations}
      },
    },
    office: byId(paths.office),
    forum: byId(paths.forum),
    person: {
      select: {given: 'givenName', family: 'familyName', slug: 'slug.current'},
      resolve: (value) => {
        if (!value || !isString(value.slug)) return null
        const slug = value.slug
        const name = [value.given, value.family].filter(isString).join(' ') || slug
        return {locations: everyLanguage(name, (language) => paths.person(language, slug))}
      },
    },
    event: bySlug(paths.event),
    cookiePolicy: {locations: everyLanguage('Cookie policy', paths.cookiePolicy)},
  }
}

/**
 * Which document a site page is about, so the Presentation tool opens it beside the page: the route
 * parameters become the query's parameters.
 */
export function siteMainDocuments(): DocumentResolver[] {
  return [
    {
      route: '/:lang/articles/:slug',
      // The page shows the article in the route's language, else the English one (as the site's query does).
      filter: `_type == "article" && slug.current == $slug && (language == $lang || (language == "${BASE_LANGUAGE}" && count(*[_type == "article" && slug.current == $slug && language == $lang]) == 0))`,
      params: ({params}) => ({slug: params.slug ?? '', lang: params.lang ?? ''}),
    },
    {route: '/:lang/offices/:id', filter: '_type == "office" && _id == $id', params: ({params}) => ({id: params.id ?? ''})},
    {route: '/:lang/forums/:id', filter: '_type == "forum" && _id == $id', params: ({params}) => ({id: params.id ?? ''})},
    {route: '/:lang/people/:slug', filter: '_type == "person" && slug.current == $slug', params: ({params}) => ({slug: params.slug ?? ''})},
    {route: '/:lang/events/:slug', filter: '_type == "event" && slug.current == $slug', params: ({params}) => ({slug: params.slug ?? ''})},
    {route: '/:lang/cookie-policy', filter: `_id == "${COOKIE_POLICY_ID}"`},
  ]
}

/**
 * The Presentation tool's options for a site built like the reference site: its pages in an iframe,
 * draft mode turned on through `/api/draft-mode/enable` with a secret the tool creates
 * (`@sanity/preview-url-secret`), and each document's pages. Give it to `presentationTool()` in the
 * Studio's own config: the site's address belongs to the Studio, not to the content model.
 */
export function sitePresentation({origin = DEFAULT_PREVIEW_ORIGIN, languages = DEFAULT_LANGUAGES, paths = SITE_PATHS}: SitePresentationOptions = {}): PresentationPluginOptions {
  const siteOrigin = new URL(origin).origin
  return {
    previewUrl: {
      initial: `${siteOrigin}${paths.home(languages[0]?.id ?? BASE_LANGUAGE)}`,
      previewMode: {enable: ENABLE_DRAFT_MODE_PATH},
    },
    allowOrigins: [siteOrigin],
    resolve: {locations: siteLocations({languages, paths}), mainDocuments: siteMainDocuments()},
  }
}
