import {CalendarIcon} from '@sanity/icons/Calendar'
import {CaseIcon} from '@sanity/icons/Case'
import {CogIcon} from '@sanity/icons/Cog'
import {ControlsIcon} from '@sanity/icons/Controls'
import {DatabaseIcon} from '@sanity/icons/Database'
import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import type {StructureBuilder, StructureResolver} from 'sanity/structure'

import {articleSections} from '../schemas/constants/article-sections.ts'
import {COOKIE_POLICY_ID, STUDIO_API_VERSION} from '../schemas/constants/ids.ts'
import {officeKinds} from '../schemas/constants/office-kinds.ts'
import {ARTICLE_IN_SECTION_TEMPLATE} from './templates.ts'

const newestArticlesFirst = [{field: 'publishedAt', direction: 'desc' as const}]
const newestEventsFirst = [{field: 'startDate', direction: 'desc' as const}]

function articles(S: StructureBuilder) {
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
            S.listItem()
              .id(`section-${value}`)
              .title(title)
              .icon(DocumentTextIcon)
              .child(
                S.documentList()
                  .id(`section-${value}`)
                  .title(title)
                  .schemaType('article')
                  .apiVersion(STUDIO_API_VERSION)
                  .filter('_type == "article" && section == $section')
                  .params({section: value})
                  .defaultOrdering(newestArticlesFirst)
                  .initialValueTemplates([S.initialValueTemplateItem(ARTICLE_IN_SECTION_TEMPLATE, {section: value})]),
              ),
          ),
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
            S.listItem()
              .id(`year-${year}`)
              .title(String(year))
              .icon(CalendarIcon)
              .child(
                S.documentList()
                  .id(`year-${year}`)
                  .title(`Events in ${year}`)
                  .schemaType('event')
                  .apiVersion(STUDIO_API_VERSION)
                  // A range on the date string, not a function of it, so the filter can use an index.
                  .filter('_type == "event" && startDate >= $from && startDate < $to')
                  .params({from: `${year}-01-01`, to: `${year + 1}-01-01`})
                  .defaultOrdering(newestEventsFirst),
              ),
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
            S.listItem()
              .id(`offices-${value}`)
              .title(title)
              .icon(CaseIcon)
              .child(
                S.documentList()
                  .id(`offices-${value}`)
                  .title(title)
                  .schemaType('office')
                  .apiVersion(STUDIO_API_VERSION)
                  .filter('_type == "office" && kind == $kind')
                  .params({kind: value})
                  .defaultOrdering([{field: 'name', direction: 'asc'}]),
              ),
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

/** Articles by section, events by year, reference data, settings. */
export const structure: StructureResolver = (S, context) => {
  const fetchStartDates = () =>
    context
      .getClient({apiVersion: STUDIO_API_VERSION})
      .fetch<(string | null)[]>('*[_type == "event" && defined(startDate)].startDate')
  return S.list()
    .id('root')
    .title('Content')
    .items([articles(S), events(S, fetchStartDates), S.divider(), referenceData(S), settings(S)])
}
