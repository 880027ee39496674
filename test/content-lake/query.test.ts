import {parse} from 'groq-js'
import {describe, expect, it} from 'vitest'

import {LakeError} from '../../content-lake/errors.ts'
import {filterCandidates, narrowTree} from '../../content-lake/query/narrow-query.ts'
import {ParsedQueries} from '../../content-lake/query/parsed-queries.ts'
import {StoreQueries} from '../../content-lake/query/query-store.ts'
import {DocumentStore, type Doc} from '../../content-lake/store/document-store.ts'
import {evaluateGroq} from '../../offline/evaluate-groq.ts'
import {applyPerspective} from '../../offline/in-memory-client.ts'
import * as site from '../../queries/index.ts'
import {seed} from '../support/seed.ts'
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

// The seed plus drafts: an edited person, a renamed event slug, and an article that exists only as a draft.
const drafts: Doc[] = [
  {...(seed.find((doc) => doc._id === 'person-liao-tao') as Doc), _id: 'drafts.person-liao-tao', givenName: 'Tao (draft)'},
  {...(seed.find((doc) => doc._id === 'event-ip5-deputy-heads-2023') as Doc), _id: 'drafts.event-ip5-deputy-heads-2023', slug: {_type: 'slug', current: 'ip5-deputy-heads-2023-draft'}},
  {_id: 'drafts.article.draft-only', _type: 'article', title: 'Draft only', language: 'en', slug: {_type: 'slug', current: 'draft-only'}, section: 'alert', publishedAt: '2024-01-01T00:00:00Z', offices: [{_key: 'a', _type: 'reference', _ref: 'office-cn'}]},
  // Not a reference Sanity makes, but GROQ's `in` finds an id in it: the reference index holds strings only.
  {_id: 'drafts.article.array-ref', _type: 'article', title: 'An array for a _ref', refs: {_ref: ['office-cn', 'office-jp']}},
]

function openStore() {
  const store = DocumentStore.open(mkdtempSync(join(tmpdir(), 'lake-query-')), () => structuredClone([...seed, ...drafts]) as Doc[])
  return {store, queries: new StoreQueries(store)}
}

/** Arrays sorted by content, so unordered results compare equal whatever order the documents came in. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical).toSorted((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, canonical(child)]))
  return value
}

const page = {language: 'en', section: null, limit: 20, afterPublishedAt: null, afterId: null}
const cases: [string, string, Record<string, unknown>][] = [
  ['latest articles', site.latestArticlesQuery, page],
  ['alerts', site.latestArticlesQuery, {...page, section: 'alert'}],
  ['article page', site.articleBySlugQuery, {slug: '2023-meeting-of-ip5-deputy-heads-of-office-held-online', language: 'en'}],
  ['article page in Chinese', site.articleBySlugQuery, {slug: '2023-meeting-of-ip5-deputy-heads-of-office-held-online', language: 'zh-Hans'}],
  ['article page, English fallback', site.articleBySlugQuery, {slug: '2023-meeting-of-ip5-deputy-heads-of-office-held-online', language: 'ko'}],
  ['draft-only article', site.articleBySlugQuery, {slug: 'draft-only', language: 'en'}],
  ['office page', site.officePageQuery, {id: 'office-cn', language: 'en'}],
  ['office page in Chinese', site.officePageQuery, {id: 'office-cn', language: 'zh-Hans'}],
  ['person page', site.personPageQuery, {slug: 'liao-tao', language: 'en'}],
  ['event page', site.eventPageQuery, {slug: 'ip5-deputy-heads-2023', language: 'en'}],
  ['event page in Chinese', site.eventPageQuery, {slug: 'ip5-deputy-heads-2023', language: 'zh-Hans'}],
  ['event page, draft slug', site.eventPageQuery, {slug: 'ip5-deputy-heads-2023-draft', language: 'en'}],
  ['events by year', site.eventsByYearQuery, {from: '2023-01-01', to: '2024-01-01', language: 'en'}],
  ['upcoming', site.upcomingEventsQuery, {today: '2022-01-01', limit: 10, language: 'en'}],
  ['forum page', site.forumPageQuery, {id: 'forum-ip5', language: 'en'}],
  ['cookie policy', site.cookiePolicyQuery, {}],
  ['sitemap', site.sitemapQuery, {}],
  ['search', site.articleSearchQuery, {search: 'deputy', limit: 10, language: 'en'}],
  ['ids', '*[_id in $ids]{_id, _type}', {ids: ['office-cn', 'drafts.person-liao-tao', 'nope']}],
  ['references', '*[references($id)]._id', {id: 'person-liao-tao'}],
  // Reverse lookups whose `_ref` is read through `->`: held by another document, so not the reference index's.
  ['grandchildren through a reference', '*[_type == "office" && _id == "office-cn"]{_id, "grandchildren": *[parent->parent._ref == ^._id]._id, "children": *[parent._ref == ^._id]._id}', {}],
  ['in a _ref that is an array', '*[_type == "office" && _id in ["office-cn", "office-jp"]]{_id, "back": *[^._id in refs._ref]._id, "either": *[^._id in refs._ref || references(^._id)]._id}', {}],
  ['grandchildren in a list of references', '*[_type == "office"]{_id, "grandchildren": *[^._id in [parent->parent][]._ref]._id, "viaParent": *[^._id == parent->parent._ref]._id}', {}],
]

describe('queries through the store', () => {
  const {queries, store} = openStore()
  for (const perspective of ['raw', 'published', 'drafts'] as const) {
    it.each(cases)(`answers %s like groq-js over the whole dataset (${perspective})`, async (_name, query, params) => {
      const expected = await evaluateGroq(query, params, applyPerspective(store.all(), perspective))
      expect(canonical(await queries.query(query, params, perspective))).toEqual(canonical(expected))
    })
  }

  it('sees drafts only in the drafts perspective', async () => {
    const name = '*[_type == "person" && slug.current == "liao-tao"][0].givenName'
    expect(await queries.query(name, {}, 'published')).toBe('Tao')
    expect(await queries.query(name, {}, 'drafts')).toBe('Tao (draft)')
    expect(await queries.query('count(*[_type == "person" && slug.current == "liao-tao"])', {}, 'raw')).toBe(2)
  })

  it('answers bad GROQ with a 400 and the parser message', async () => {
    const error = await queries.query('*[_type == ', {}).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(LakeError)
    expect((error as LakeError).status).toBe(400)
    expect((error as LakeError).message).toMatch(/Syntax error in GROQ query at position/)
  })

  it('reads a comment on the last line to the end of the query, as GROQ does (groq-js refuses it)', async () => {
    const query = '*[_type == "forum"]._id // the forums, by id'
    expect(() => parse(query)).toThrow(/Expected expression/)
    expect(await queries.query(query, {}, 'published')).toEqual(await queries.query('*[_type == "forum"]._id', {}, 'published'))
    // A query that fails with the line ended too gets groq-js's own message for it.
    const error = await queries.query('{"a": 1 // not closed', {}).catch((caught: unknown) => caught)
    expect((error as LakeError).message).toBe('Syntax error in GROQ query at position 9: Expected expression')
  })

  it('refuses score() on what is not a list of documents, as the GROQ test suite requires (groq-js evaluates it)', async () => {
    for (const query of ['*{title} | score(title match "ip5")', '*[0] | score(title match "ip5")', '(*[_type == "article"]{title}) | score(title match "ip5")']) {
      const error = await queries.query(query, {}).catch((caught: unknown) => caught)
      expect((error as LakeError).status, query).toBe(400)
      expect((error as LakeError).message).toMatch(/score\(\) scores a list of documents/)
    }
    // A filter, a slice and order() are lists of documents, and a projection after score() is fine.
    for (const query of ['*[_type == "forum"] | score(_id == "forum-ip5") {_id, _score}', '*[0..-1] | score(_type == "forum") {_id, _score}', '* | order(_id) | score(_type == "forum") {_id, _score}']) {
      // groq-js over the documents in dataset order (by _id), as the lake keeps them: score() keeps ties in that order.
      const inDatasetOrder = [...seed, ...drafts].toSorted((a, b) => (a._id < b._id ? -1 : 1))
      expect(await queries.query(query, {}), query).toEqual(await evaluateGroq(query, {}, inDatasetOrder))
    }
  })

  it('follows later changes', async () => {
    const {store: fresh, queries: freshQueries} = openStore()
    expect(await freshQueries.query('count(*[_type == "forum"])')).toBe(3)
    fresh.commit([{id: 'forum.new', after: {_id: 'forum.new', _type: 'forum', name: 'New'}}])
    expect(await freshQueries.query('count(*[_type == "forum"])')).toBe(4)
  })
})

describe('index narrowing', () => {
  const {store} = openStore()
  const candidates = (query: string, params: Record<string, unknown> = {}) => {
    const tree = parse(query, {params}) as {base?: {expr?: unknown}; expr?: unknown}
    // The filter of `*[...]`, possibly under [0] or a projection.
    let node: {type?: string; base?: unknown; expr?: unknown} | undefined = tree
    while (node && node.type !== 'Filter') node = node.base as typeof node
    return filterCandidates(node!.expr as never, store.indexes)
  }

  it('reads the candidates of a filter from the _type, _id, slug and reference indexes', () => {
    expect(candidates('*[_type == "forum"]')).toEqual(new Set(['forum-ip5', 'forum-tm5', 'forum-id5']))
    expect(candidates('*[_type == "office" && _id == $id][0]', {id: 'office-cn'})).toEqual(new Set(['office-cn']))
    expect(candidates('*[_type == "person" && slug.current == $slug]', {slug: 'liao-tao'})).toEqual(new Set(['person-liao-tao', 'drafts.person-liao-tao']))
    expect(candidates('*[_type in ["forum", "event"] && references("office-wo")]')).toEqual(new Set(['forum-ip5', 'event-ip5-deputy-heads-2023', 'drafts.event-ip5-deputy-heads-2023']))
  })

  it('reads either side of an || when the indexes answer both', () => {
    const forums = candidates('*[_type == "forum"]')!
    const either = candidates('*[_type == "office" || _type == "forum"]')!
    expect([...forums].every((id) => either.has(id))).toBe(true)
    expect(either.size).toBe(forums.size + candidates('*[_type == "office"]')!.size)
  })

  it('narrows a template once where the narrowing reads no request\'s data: a reverse lookup in its projection', () => {
    const tree = new ParsedQueries().parsed('*[_type == "event" && slug.current == $slug][0]{title, "articles": *[_type == "article" && ^._id in events[]._ref]{title}}', {slug: 'x'}).tree
    let reverse = 0
    let candidateLists = 0
    const narrow = () =>
      narrowTree(tree, {idsOfType: () => new Set(), idsReferencing: () => new Set(), idsWithSlug: () => new Set()}, () => (candidateLists++, []), () => (reverse++, {type: 'Value', value: null}) as never)
    const [first, second] = [narrow(), narrow()] as {expr: unknown}[]
    // The filter by slug is narrowed for each request (its candidates are that request's)...
    expect(candidateLists).toBe(2)
    // ...the projection with its reverse lookup once: the same frozen node comes back.
    expect(reverse).toBe(1)
    expect(second!.expr).toBe(first!.expr)
    expect(Object.isFrozen(first!.expr)).toBe(true)
  })

  it('answers a reverse lookup of a template\'s projection from each store\'s own data, after writes too', async () => {
    const query = '*[_type == "office" && _id == $id][0]{_id, "forums": *[_type == "forum" && references(^._id)] | order(_id) {_id}}'
    const {store: one, queries: first} = openStore()
    const {queries: second} = openStore()
    const params = {id: 'office-wo'}
    const expected = async (docs: Doc[]) => evaluateGroq(query, params, docs.toSorted((a, b) => (a._id < b._id ? -1 : 1)))
    expect(await first.query(query, params)).toEqual(await expected([...seed, ...drafts]))
    one.commit([{id: 'forum-new', after: {_id: 'forum-new', _type: 'forum', name: 'New', members: [{_key: 'k', _type: 'reference', _ref: 'office-wo'}]}}])
    const afterWrite = await first.query(query, params)
    expect((afterWrite as {forums: {_id: string}[]}).forums.map((forum) => forum._id)).toContain('forum-new')
    expect(afterWrite).toEqual(await expected(one.all() as Doc[]))
    // The other store never saw the write: the same template, narrowed once, reads its own indexes.
    expect(await second.query(query, params)).toEqual(await expected([...seed, ...drafts]))
  })

  it('does not narrow what the indexes cannot answer', () => {
    expect(candidates('*[_type == "office" || section == "news"]')).toBeUndefined()
    expect(candidates('*[startDate >= $from]', {from: 2020})).toBeUndefined()
    expect(candidates('*[section == "news"]')).toBeUndefined()
    expect(candidates('*[_id == ^._id]')).toBeUndefined()
  })
})

describe('text search', () => {
  const {queries} = openStore()
  const studioList = '*[_type in $types && ([@, _id] match text::query($q) || references($raw))] | order(_id asc) [0...20]._id'

  it('matches everything for an empty search, as the Studio lists documents', async () => {
    const all = (await queries.query(studioList, {types: ['forum'], q: '', raw: ''}, 'drafts')) as string[]
    expect(all).toEqual(['forum-id5', 'forum-ip5', 'forum-tm5'])
  })

  it('finds documents by the words of their names, titles and codes, with prefixes', async () => {
    expect(await queries.query(studioList, {types: ['office'], q: 'cnipa', raw: 'cnipa'}, 'drafts')).toEqual(['office-cn'])
    expect(await queries.query(studioList, {types: ['person'], q: 'katsu*', raw: 'katsu*'}, 'drafts')).toEqual(['person-katsura-masanori'])
    expect(await queries.query(studioList, {types: ['office'], q: 'nothing-like-this', raw: 'x'}, 'drafts')).toEqual([])
  })
})
