import {BellIcon} from '@sanity/icons/Bell'
import {CalendarIcon} from '@sanity/icons/Calendar'
import {CaseIcon} from '@sanity/icons/Case'
import {ClipboardIcon} from '@sanity/icons/Clipboard'
import {CogIcon} from '@sanity/icons/Cog'
import {ComposeIcon} from '@sanity/icons/Compose'
import {ControlsIcon} from '@sanity/icons/Controls'
import {DatabaseIcon} from '@sanity/icons/Database'
import {DocumentsIcon} from '@sanity/icons/Documents'
import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import {EarthGlobeIcon} from '@sanity/icons/EarthGlobe'
import {LinkIcon} from '@sanity/icons/Link'
import {TranslateIcon} from '@sanity/icons/Translate'
import {UserIcon} from '@sanity/icons/User'
import {UsersIcon} from '@sanity/icons/Users'
import type {ComponentType} from 'react'
import type {StructureBuilder, StructureResolver} from 'sanity/structure'

import {articleSections, type ArticleSection} from '../schemas/constants/article-sections.ts'
import {COOKIE_POLICY_ID, STUDIO_API_VERSION} from '../schemas/constants/ids.ts'
import {DEFAULT_LANGUAGES, type SiteLanguage} from '../schemas/constants/languages.ts'
import {officeKinds} from '../schemas/constants/office-kinds.ts'
import {articleSectionTemplateId} from './templates.ts'

type Ordering = {field: string; direction: 'asc' | 'desc'}[]

const newestArticlesFirst: Ordering = [{field: 'publishedAt', direction: 'desc'}]
const newestEventsFirst: Ordering = [{field: 'startDate', direction: 'desc'}]
// The same orders as the types' own "Name" / "Family name" orderings, applied when a list opens.
// Office previews start with the abbreviation (see officePreview): lists sort by it, then by name.
const officesByAbbreviation: Ordering = [
  {field: 'abbreviation', direction: 'asc'},
  {field: 'name', direction: 'asc'},
]
const peopleByFamilyName: Ordering = [
  {field: 'familyName', direction: 'asc'},
  {field: 'givenName', direction: 'asc'},
]
const forumsByName: Ordering = [{field: 'name', direction: 'asc'}]

/** One icon per section, so the lists and their items tell the sections apart. */
export const sectionIcons: Record<ArticleSection, ComponentType> = {
  news: EarthGlobeIcon,
  alert: BellIcon,
  article: DocumentTextIcon,
  case: ClipboardIcon,
  link: LinkIcon,
}

interface FilteredListOptions {
  id: string
  title: string
  schemaType: string
  /** A GROQ filter with `$params` only: values never go into the string. */
  filter: string
  params: Record<string, string>
  ordering: Ordering
  icon?: ComponentType
  /** Templates for "New" inside the list; by default the type's own. */
  templates?: ReturnType<StructureBuilder['initialValueTemplateItem']>[]
}

/**
 * A list at any depth claims the new documents of its own templates. Sanity's default for a filtered
 * list only claims intents one level below the root, so "+" in Alerts (two levels down) opened the new
 * article under All articles instead.
 */
const createsFrom =
  (templateIds: readonly (string | undefined)[]) =>
  (intentName: string, params: {template?: string}) =>
    intentName === 'create' && typeof params.template === 'string' && templateIds.includes(params.template)

/** A list item that opens the documents of one type matching a parameterised filter. */
function filteredListItem(S: StructureBuilder, options: FilteredListOptions) {
  const {id, title, schemaType, filter, params, ordering, icon, templates} = options
  const list = S.documentList()
    .id(id)
    .title(title)
    .schemaType(schemaType)
    .apiVersion(STUDIO_API_VERSION)
    .filter(filter)
    .params(params)
    .defaultOrdering(ordering)
  const item = S.listItem()
    .id(id)
    .title(title)
    .schemaType(schemaType)
    // initialValueTemplates last: a later clone of a document list infers the type's templates again.
    .child(templates ? list.canHandleIntent(createsFrom(templates.map((template) => template.getTemplateId()))).initialValueTemplates(templates) : list)
  return icon ? item.icon(icon) : item
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
      icon: TranslateIcon,
      templates: [S.initialValueTemplateItem(`article-${id}`)],
    }),
  )
}

/**
 * The articles, all, by section and by language. Called "News desk", not "Articles": one of the site's
 * sections is called Articles, and "Articles > Articles" read as a name clash.
 */
function articles(S: StructureBuilder, languages: readonly SiteLanguage[]) {
  return S.listItem()
    .id('articles')
    .title('News desk')
    .icon(ComposeIcon)
    .child(
      S.list()
        .id('articles')
        .title('News desk')
        .items([
          S.listItem()
            .id('all-articles')
            .title('All articles')
            .icon(DocumentsIcon)
            .child(
              S.documentTypeList('article')
                .id('all-articles')
                .title('All articles')
                .defaultOrdering(newestArticlesFirst)
                // Only the plain article template: the section templates belong to their lists.
                .initialValueTemplates([S.initialValueTemplateItem('article')]),
            ),
          S.divider(),
          ...articleSections.map(({title, value}) =>
            filteredListItem(S, {
              id: `section-${value}`,
              title,
              schemaType: 'article',
              filter: '_type == "article" && section == $section',
              params: {section: value},
              ordering: newestArticlesFirst,
              icon: sectionIcons[value],
              // "+" inside a section list starts the article in that section, and opens it in this list.
              templates: [S.initialValueTemplateItem(articleSectionTemplateId(value))],
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
            .child(S.documentTypeList('office').id('all-offices').title('All offices').defaultOrdering(officesByAbbreviation)),
          S.divider(),
          ...officeKinds.map(({title, value}) =>
            filteredListItem(S, {
              id: `offices-${value}`,
              title,
              schemaType: 'office',
              filter: '_type == "office" && kind == $kind',
              params: {kind: value},
              ordering: officesByAbbreviation,
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
        .items([
          offices,
          S.documentTypeListItem('person')
            .title('People')
            .icon(UserIcon)
            .child(S.documentTypeList('person').id('person').title('People').defaultOrdering(peopleByFamilyName)),
          S.documentTypeListItem('forum')
            .title('Forums')
            .icon(UsersIcon)
            .child(S.documentTypeList('forum').id('forum').title('Forums').defaultOrdering(forumsByName)),
        ]),
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
