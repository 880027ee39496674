import {describe, expect, it} from 'vitest'

import {createInMemoryClient} from '../../offline/in-memory-client.ts'
import {COOKIE_POLICY_ID} from '../../schemas/constants/ids.ts'
import {allFixtures, deputyHeads2023, article, cnipaCooperation, variant} from '../fixtures/documents.ts'
import {referencingQuery, referencingSummary} from '../../studio/views/referencing-documents.tsx'
import {itemIds, open, structureOf, type Node} from '../support/structure.ts'
import {workspaceFor} from '../support/workspace.ts'

const olderEvent = variant(deputyHeads2023, {_id: 'event.ip5-heads-2021', startDate: '2021-01-01', slug: {_type: 'slug', current: 'ip5-heads-2021'}})
const dataset = [...allFixtures, olderEvent]

/** Runs a document list's own filter and params with groq-js over the fixtures. */
async function documentsIn(list: Node) {
  const {filter, params} = list.options ?? {}
  const ids = await createInMemoryClient(dataset).fetch<string[]>(`*[${filter}]._id`, params ?? {})
  return ids.toSorted()
}

describe('desk structure', async () => {
  const workspace = await workspaceFor(undefined, dataset)
  const {root, S} = structureOf(workspace)

  it('has the News desk, Events, Reference data and Settings', () => {
    expect(itemIds(root)).toEqual(['articles', 'events', 'reference-data', 'settings'])
    expect(root.items?.filter((item) => item.type !== 'divider').map((item) => item.title)).toEqual([
      'News desk',
      'Events',
      'Reference data',
      'Settings',
    ])
  })

  it('lists all articles and each section, newest first', async () => {
    const articles = await open(root, 'articles')
    expect(itemIds(articles)).toEqual([
      'all-articles',
      'section-news',
      'section-alert',
      'section-article',
      'section-case',
      'section-link',
      'language-en',
      'language-zh-Hans',
    ])
    const all = await open(articles, 'all-articles')
    expect(all.options?.filter).toBe('_type == $type')
    expect(all.options?.defaultOrdering).toEqual([{field: 'publishedAt', direction: 'desc'}])

    const news = await open(articles, 'section-news')
    expect(news.title).toBe('IP News')
    expect(news.options?.defaultOrdering).toEqual([{field: 'publishedAt', direction: 'desc'}])
    expect(await documentsIn(news)).toEqual([article._id, `${article._id}-zh-hans`])
    expect(await documentsIn(await open(articles, 'section-case'))).toEqual([])
  })

  it('creates new articles in the section being viewed, and opens them in that list', async () => {
    const articles = await open(root, 'articles')
    const alerts = await open(articles, 'section-alert')
    expect(alerts.initialValueTemplates?.map(({templateId}) => templateId)).toEqual(['article-in-alert'])
    expect(workspace.templates.find((candidate) => candidate.id === 'article-in-alert')?.value).toEqual({section: 'alert'})
    // The structure tool opens a new document in the first list (closest to the root, then topmost) whose
    // canHandleIntent accepts the create intent "+" sends: Alerts, never All articles or another section.
    const intent = {type: 'article', template: 'article-in-alert', id: 'new'}
    const claims = async (itemId: string) => {
      const list = await open(articles, itemId)
      const canHandle = list.canHandleIntent as (name: string, params: unknown, context: unknown) => boolean
      return canHandle('create', intent, {pane: list, index: 2})
    }
    expect(await claims('all-articles')).toBe(false)
    expect(await claims('section-news')).toBe(false)
    expect(await claims('section-alert')).toBe(true)
    // All articles still opens a plain new article and every article edited from it.
    const all = await open(articles, 'all-articles')
    expect(all.initialValueTemplates?.map(({templateId}) => templateId)).toEqual(['article'])
  })

  it('gives each section its own icon and the global "Create" menu one plain article', async () => {
    const articles = await open(root, 'articles')
    const icons = articles.items?.filter((item) => item.id.startsWith('section-')).map((item) => item.icon)
    expect(icons).toHaveLength(5)
    expect(new Set(icons).size).toBe(icons?.length)
    const global = workspace.document.resolveNewDocumentOptions({type: 'global'}).map((item) => item.templateId)
    expect(global).toContain('article')
    expect(global.filter((id) => id.startsWith('article-in-'))).toEqual([])
    const inStructure = workspace.document.resolveNewDocumentOptions({type: 'structure', schemaType: 'article'}).map((item) => item.templateId)
    expect(inStructure).toContain('article-in-case')
  })

  it('lists articles by language, each list creating new articles in its language', async () => {
    const articles = await open(root, 'articles')
    const chinese = await open(articles, 'language-zh-Hans')
    expect(chinese.title).toBe('Chinese (Simplified)')
    expect(chinese.options?.filter).toBe('_type == "article" && language == $language')
    expect(chinese.options?.defaultOrdering).toEqual([{field: 'publishedAt', direction: 'desc'}])
    expect(chinese.initialValueTemplates?.map(({templateId}) => templateId)).toEqual(['article-zh-Hans'])
    expect(await documentsIn(chinese)).toEqual(['article-ip5-deputy-heads-2023-zh-hans'])
    expect(await documentsIn(await open(articles, 'language-en'))).toEqual([article._id])
  })

  it('groups events by year, newest first', async () => {
    const events = await open(root, 'events')
    expect(itemIds(events)).toEqual(['all-events', 'year-2023', 'year-2021'])
    expect(await documentsIn(await open(events, 'year-2023'))).toEqual([deputyHeads2023._id])
    expect(await documentsIn(await open(events, 'year-2021'))).toEqual([olderEvent._id])
    expect((await open(events, 'all-events')).options?.defaultOrdering).toEqual([{field: 'startDate', direction: 'desc'}])
  })

  it('keeps offices by kind, people and forums under reference data', async () => {
    const referenceData = await open(root, 'reference-data')
    expect(itemIds(referenceData)).toEqual(['offices', 'person', 'forum'])
    const offices = await open(referenceData, 'offices')
    expect(itemIds(offices)).toEqual(['all-offices', 'offices-national', 'offices-regional', 'offices-intergovernmental', 'offices-department'])
    expect(await documentsIn(await open(offices, 'offices-department'))).toContain(cnipaCooperation._id)
    expect(await documentsIn(await open(offices, 'offices-department'))).toHaveLength(7)
    expect(await documentsIn(await open(offices, 'offices-intergovernmental'))).toEqual(['office-wo'])
  })

  it('sorts offices by abbreviation (their titles\' start), people by family name and forums by name when their lists open', async () => {
    const referenceData = await open(root, 'reference-data')
    const offices = await open(referenceData, 'offices')
    const byAbbreviation = [
      {field: 'abbreviation', direction: 'asc'},
      {field: 'name', direction: 'asc'},
    ]
    for (const id of ['all-offices', 'offices-national', 'offices-department']) {
      expect((await open(offices, id)).options?.defaultOrdering).toEqual(byAbbreviation)
    }
    // The office type offers that order in the list's sort menu too.
    expect((workspace.schema.get('office') as {orderings?: {name: string}[]}).orderings?.map((ordering) => ordering.name)).toContain('abbreviationAsc')
    expect((await open(referenceData, 'person')).options?.defaultOrdering).toEqual([
      {field: 'familyName', direction: 'asc'},
      {field: 'givenName', direction: 'asc'},
    ])
    expect((await open(referenceData, 'forum')).options?.defaultOrdering).toEqual([{field: 'name', direction: 'asc'}])
  })

  it('opens the one cookie policy directly', async () => {
    const settings = await open(root, 'settings')
    const cookiePolicy = await open(settings, 'cookie-policy')
    expect(cookiePolicy.type).toBe('document')
    expect(cookiePolicy.options).toMatchObject({id: COOKIE_POLICY_ID, type: 'cookiePolicy'})
  })

  it('shows the referencing articles beside the form of offices, people and events', () => {
    for (const schemaType of ['office', 'person', 'event']) {
      const node = S.defaultDocument({schemaType, documentId: 'x'}).serialize() as unknown as Node
      expect(node.views?.map((view) => view.id)).toEqual(['editor', 'articles'])
    }
    const articleNode = S.defaultDocument({schemaType: 'article', documentId: 'x'}).serialize() as unknown as Node
    expect(articleNode.views?.map((view) => view.id)).toEqual(['editor'])
  })

  it('shows a forum\'s events beside its form, newest first', async () => {
    const node = S.defaultDocument({schemaType: 'forum', documentId: 'forum-ip5'}).serialize() as unknown as Node
    expect(node.views?.map((view) => view.id)).toEqual(['editor', 'events'])
    expect(node.views?.[1]?.title).toBe('Events')
    const events = await createInMemoryClient(dataset).fetch<{_id: string}[]>(referencingQuery('startDate desc'), {type: 'event', id: 'forum-ip5'})
    expect(events.map((event) => event._id)).toEqual([deputyHeads2023._id, olderEvent._id])
  })

  it('says "1 article refers", "2 articles refer" above the referencing documents', () => {
    const articles = {singular: 'article', plural: 'articles'}
    expect(referencingSummary(1, articles, 'office')).toBe('1 article refers to this office.')
    expect(referencingSummary(2, articles, 'person')).toBe('2 articles refer to this person.')
    expect(referencingSummary(0, {singular: 'event', plural: 'events'}, 'forum')).toBe('No event refers to this forum yet.')
    expect(referencingSummary(100, articles, 'office')).toBe('The 100 newest articles that refer to this office.')
  })
})
