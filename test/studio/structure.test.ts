import {describe, expect, it} from 'vitest'

import {createInMemoryClient} from '../../offline/in-memory-client.ts'
import {COOKIE_POLICY_ID} from '../../schemas/constants/ids.ts'
import {allFixtures, deputyHeads2023, article, cnipaCooperation, variant} from '../fixtures/documents.ts'
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

  it('has Articles, Events, Reference data and Settings', () => {
    expect(itemIds(root)).toEqual(['articles', 'events', 'reference-data', 'settings'])
    expect(root.items?.filter((item) => item.type !== 'divider').map((item) => item.title)).toEqual([
      'Articles',
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
    expect(await documentsIn(news)).toEqual([article._id, `${article._id}.zh-hans`])
    expect(await documentsIn(await open(articles, 'section-case'))).toEqual([])
  })

  it('lists articles by language, each list creating new articles in its language', async () => {
    const articles = await open(root, 'articles')
    const chinese = await open(articles, 'language-zh-Hans')
    expect(chinese.title).toBe('Chinese (Simplified)')
    expect(chinese.options?.filter).toBe('_type == "article" && language == $language')
    expect(chinese.options?.defaultOrdering).toEqual([{field: 'publishedAt', direction: 'desc'}])
    expect(chinese.initialValueTemplates?.map(({templateId}) => templateId)).toEqual(['article-zh-Hans'])
    expect(await documentsIn(chinese)).toEqual(['article.ip5-deputy-heads-2023.zh-hans'])
    expect(await documentsIn(await open(articles, 'language-en'))).toEqual([article._id])
  })

  it('creates new articles in the section being viewed', async () => {
    const alerts = await open(await open(root, 'articles'), 'section-alert')
    expect(alerts.initialValueTemplates?.map(({templateId, parameters}) => ({templateId, parameters}))).toEqual([
      {templateId: 'article-in-section', parameters: {section: 'alert'}},
    ])
    const template = workspace.templates.find((candidate) => candidate.id === 'article-in-section')!
    const value = template.value as (params: unknown) => unknown
    expect(value({section: 'alert'})).toEqual({section: 'alert'})
    expect(() => value({section: 'blog'})).toThrow('Unknown article section "blog"')
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
    expect(await documentsIn(await open(offices, 'offices-intergovernmental'))).toEqual(['office.wo'])
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
})
