import {CalendarIcon} from '@sanity/icons/Calendar'
import {CaseIcon} from '@sanity/icons/Case'
import {CogIcon} from '@sanity/icons/Cog'
import {ControlsIcon} from '@sanity/icons/Controls'
import {DatabaseIcon} from '@sanity/icons/Database'
import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import type {StructureBuilder, StructureResolver} from 'sanity/structure'

import {articleSections} from '../schemas/constants/article-sections.ts'
import {COOKIE_POLICY_ID, STUDIO_API_VERSION} from '../schemas/constants/ids.ts'
import {DEFAULT_LANGUAGES, type SiteLanguage} from '../schemas/constants/languages.ts'
import {officeKinds} from '../schemas/constants/office-kinds.ts'
import {ARTICLE_IN_SECTION_TEMPLATE} from './templates.ts'

type Ordering = {field: string; direction: 'asc' | 'desc'}[]

const newestArticlesFirst: Ordering = [{field: 'publishedAt', direction: 'desc'}]
const newestEventsFirst: Ordering = [{field: 'startDate', direction: 'desc'}]

interface FilteredListOptions {
  id: string
  title: string
  schemaType: string
  /** A GROQ filter with `$params` only: values never go into the string. */
  filter: string
  params: Record<string, string>
  ordering: Ordering
  /** Templates for "New" inside the list; by default the type's own. */
  templates?: ReturnType<StructureBuilder['initialValueTemplateItem']>[]
}

/** A list item that opens the documents of one type matching a parameterised filter. */
function filteredListItem(S: StructureBuilder, options: FilteredListOptions) {
  const {id, title, schemaType, filter, params, ordering, templates} = options
  const list = S.documentList()
    .id(id)
    .title(title)
    .schemaType(schemaType)
    .apiVersion(STUDIO_API_VERSION)
    .filter(filter)
    .params(params)
    .defaultOrdering(ordering)
  return S.listItem()
    .id(id)
    .title(title)
    .schemaType(schemaType)
    .child(templates ? list.initialValueTemplates(templates) : list)
}

/**
 * Articles in one language each, newest first; "New" in a list starts the article in that language (the
 * translation plugin's template for it).
 */
function articlesByLanguage(S: StructureBuilder, languages: readonly SiteLanguage[]) {
  return languages.map(({id, title}) =>
    filteredListItem(S, {
      id: `language-${id}`,
      title,
      schemaType: 'article',
      filter: '_type == "article" && language == $language',
      params: {language: id},
      ordering: newestArticlesFirst,
      templates: [S.initialValueTemplateItem(`article-${id}`)],
    }),
  )
}

function articles(S: StructureBuilder, languages: readonly SiteLanguage[]) {
  return S.listItem()
    .id('articles')
    .title('Articles')
    .icon(DocumentTextIcon)
    .child(
      S.list()
        .id('articles')
        .title('Articles')
        .items([
          S.listItem()
            .id('all-articles')
            .title('All articles')
            .icon(DocumentTextIcon)
            .child(S.documentTypeList('article').id('all-articles').title('All articles').defaultOrdering(newestArticlesFirst)),
          S.divider(),
          ...articleSections.map(({title, value}) =>
            filteredListItem(S, {
              id: `section-${value}`,
              title,
              schemaType: 'article',
              filter: '_type == "article" && section == $section',
              params: {section: value},
              ordering: newestArticlesFirst,
              // "New" inside a section list starts the article in that section.
              templates: [S.initialValueTemplateItem(ARTICLE_IN_SECTION_TEMPLATE, {section: value})],
            }),
          ),
          S.divider(),
          ...articlesByLanguage(S, languages),
        ]),
    )
}

/** Distinct years of the events' start dates, newest first. */
export function eventYears(startDates: readonly (string | null)[]): number[] {
  const years = new Set(startDates.filter((date): date is string => Boolean(date)).map((date) => Number(date.slice(0, 4))))
  return [...years].filter(Number.isInteger).toSorted((a, b) => b - a)
}

function events(S: StructureBuilder, fetchStartDates: () => Promise<(string | null)[]>) {
  return S.listItem()
    .id('events')
    .title('Events')
    .icon(CalendarIcon)
    .child(async () => {
      const years = eventYears(await fetchStartDates())
      return S.list()
        .id('events')
        .title('Events')
        .items([
          S.listItem()
            .id('all-events')
            .title('All events')
            .icon(CalendarIcon)
            .child(S.documentTypeList('event').id('all-events').title('All events').defaultOrdering(newestEventsFirst)),
          S.divider(),
          ...years.map((year) =>
            filteredListItem(S, {
              id: `year-${year}`,
              title: String(year),
              schemaType: 'event',
              // A range on the date string, not a function of it, so the filter can use an index.
              filter: '_type == "event" && startDate >= $from && startDate < $to',
              params: {from: `${year}-01-01`, to: `${year + 1}-01-01`},
              ordering: newestEventsFirst,
            }),
          ),
        ])
    })
}

function referenceData(S: StructureBuilder) {
  const offices = S.listItem()
    .id('offices')
    .title('Offices')
    .icon(CaseIcon)
    .child(
      S.list()
        .id('offices')
        .title('Offices')
        .items([
          S.listItem()
            .id('all-offices')
            .title('All offices')
            .icon(CaseIcon)
            .child(S.documentTypeList('office').id('all-offices').title('All offices')),
          S.divider(),
          ...officeKinds.map(({title, value}) =>
            filteredListItem(S, {
              id: `offices-${value}`,
              title,
              schemaType: 'office',
              filter: '_type == "office" && kind == $kind',
              params: {kind: value},
              ordering: [{field: 'name', direction: 'asc'}],
            }),
          ),
        ]),
    )

  return S.listItem()
    .id('reference-data')
    .title('Reference data')
    .icon(DatabaseIcon)
    .child(
      S.list()
        .id('reference-data')
        .title('Reference data')
        .items([offices, S.documentTypeListItem('person').title('People'), S.documentTypeListItem('forum').title('Forums')]),
    )
}

function settings(S: StructureBuilder) {
  return S.listItem()
    .id('settings')
    .title('Settings')
    .icon(CogIcon)
    .child(
      S.list()
        .id('settings')
        .title('Settings')
        .items([
          S.listItem()
            .id('cookie-policy')
            .title('Cookie policy')
            .icon(ControlsIcon)
            .child(S.document().id('cookie-policy').schemaType('cookiePolicy').documentId(COOKIE_POLICY_ID).title('Cookie policy')),
        ]),
    )
}

/** Articles by section and by language, events by year, reference data, settings. */
export const structureFor = (languages: readonly SiteLanguage[] = DEFAULT_LANGUAGES): StructureResolver => (S, context) => {
  const fetchStartDates = () =>
    context
      .getClient({apiVersion: STUDIO_API_VERSION})
      .fetch<(string | null)[]>('*[_type == "event" && defined(startDate)].startDate')
  return S.list()
    .id('root')
    .title('Content')
    .items([articles(S, languages), events(S, fetchStartDates), S.divider(), referenceData(S), settings(S)])
}

/** The structure for the default languages, English and Simplified Chinese. */
export const structure: StructureResolver = structureFor()
