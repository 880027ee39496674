/**
 * Content source maps (`resultSourceMap`) as @sanity/client asks for them and as stega and the
 * Presentation tool read them: every mapped string of a result must be the value at its source path in
 * its source document (the one the perspective showed, a draft included), values the query computes
 * are not mapped, and a query that asks for no map gets none and pays nothing for it.
 */
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {createClient, type ContentSourceMap, type SanityClient} from '@sanity/client'
import {parseJsonPath} from '@sanity/client/csm'
import {stegaClean} from '@sanity/client/stega'
import {vercelStegaDecode} from '@vercel/stega'
import * as fc from 'fast-check'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {LOCAL_USERS} from '../../content-lake/http/identity.ts'
import {StoreQueries, type QueryableStore} from '../../content-lake/query/query-store.ts'
import {namesReadByContent} from '../../content-lake/query/source-map.ts'
import {DocumentStore, type Doc} from '../../content-lake/store/document-store.ts'
import {articleBySlugQuery, cookiePolicyQuery, eventPageQuery, eventsByYearQuery, forumPageQuery, latestArticlesQuery, officePageQuery, personPageQuery, sitemapQuery} from '../../queries/index.ts'
import {parse} from 'groq-js'
import {raw, startLake, TEST_TOKEN, type InProcessLake} from '../support/lake.ts'
import {seed} from '../support/seed.ts'

// The local certificate is self-signed; this test process talks only to its own server on 127.0.0.1.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'

const ARTICLE = 'article-ip5-deputy-heads-2023'
const SLUG = '2023-meeting-of-ip5-deputy-heads-of-office-held-online'
const articleParams = {slug: SLUG, language: 'en'}

type Segment = string | number | {_key: string; _index: number}

/** The value at a parsed JSON path (`['body'][?(@._key=='p1')]...`), or undefined. */
function valueAt(value: unknown, path: Segment[]): unknown {
  let at = value
  for (const segment of path) {
    if (at === null || typeof at !== 'object') return undefined
    if (typeof segment === 'object') at = (at as {_key?: string}[]).find?.((item) => item?._key === segment._key)
    else at = (at as Record<string | number, unknown>)[segment]
  }
  return at
}

/** Each mapping of a map: its result path, source document id and type, and source path. */
function sourcesOf(map: ContentSourceMap) {
  return Object.entries(map.mappings).map(([resultPath, mapping]) => {
    if (mapping.source.type !== 'documentValue') throw new Error(`unexpected source ${mapping.source.type}`)
    const document = map.documents[mapping.source.document]!
    return {resultPath, id: document._id, type: document._type, path: map.paths[mapping.source.path]!}
  })
}

/** Every mapping of a result names a document that exists, of its type, holding the result's value at the path. */
function expectFaithful(result: unknown, map: ContentSourceMap, getDocument: (id: string) => Doc | undefined) {
  for (const source of sourcesOf(map)) {
    const document = getDocument(source.id)
    expect(document, source.id).toBeDefined()
    expect(document!._type).toBe(source.type)
    const resultValue = valueAt(result, parseJsonPath(source.resultPath))
    expect(typeof resultValue, source.resultPath).toBe('string')
    expect(valueAt(document, parseJsonPath(source.path)), `${source.resultPath} <- ${source.id} ${source.path}`).toBe(resultValue)
  }
}

let lake: InProcessLake
let client: SanityClient

beforeAll(async () => {
  lake = await startLake({users: LOCAL_USERS})
  client = createClient({projectId: 'local', dataset: 'production', apiHost: `https://127.0.0.1:${lake.port}`, useProjectHostname: false, useCdn: false, apiVersion: '2025-02-19', token: TEST_TOKEN})
})

afterAll(async () => lake?.close())

const fetchWithMap = async (query: string, params: Record<string, unknown>, options: {resultSourceMap: true | 'withKeyArraySelector'; perspective?: 'published' | 'drafts'}) => {
  const response = await client.fetch(query, params, {...options, filterResponse: false})
  return response as unknown as {result: unknown; resultSourceMap: ContentSourceMap}
}

describe('resultSourceMap over HTTP through @sanity/client', () => {
  it('maps the article page: its title, an office named through ->, and a body span by key selectors', async () => {
    const {result, resultSourceMap: map} = await fetchWithMap(articleBySlugQuery, articleParams, {resultSourceMap: 'withKeyArraySelector'})
    const article = result as {title: string; source: {office: {_id: string; name: string}}; offices: {_id: string; name: string}[]; body: {_key: string; children: {_key: string; text: string}[]}[]}
    const byResultPath = new Map(sourcesOf(map).map((source) => [source.resultPath, source]))

    expect(byResultPath.get("$['title']")).toEqual({resultPath: "$['title']", id: ARTICLE, type: 'article', path: "$['title']"})
    expect(byResultPath.get("$['source']['office']['name']")).toMatchObject({id: article.source.office._id, type: 'office', path: "$['name']"})
    expect(byResultPath.get("$['offices'][1]['name']")).toMatchObject({id: article.offices[1]!._id, path: "$['name']"})
    const [block] = article.body
    expect(byResultPath.get("$['body'][0]['children'][0]['text']")).toMatchObject({
      id: ARTICLE,
      path: `$['body'][?(@._key=='${block!._key}')]['children'][?(@._key=='${block!.children[0]!._key}')]['text']`,
    })
    expectFaithful(result, map, (id) => lake.store.get(id))
  })

  it('uses array indices without withKeyArraySelector, and follows the language the query picks', async () => {
    const {result, resultSourceMap: map} = await fetchWithMap(articleBySlugQuery, {slug: SLUG, language: 'zh-Hans'}, {resultSourceMap: true})
    const byResultPath = new Map(sourcesOf(map).map((source) => [source.resultPath, source]))
    expect(byResultPath.get("$['title']")?.id).toBe(`${ARTICLE}-zh-hans`)
    expect(byResultPath.get("$['body'][0]['children'][0]['text']")?.path).toBe("$['body'][0]['children'][0]['text']")
    // The Chinese name comes from the office's officialNames, picked by a filter on its language.
    expect(byResultPath.get("$['source']['office']['name']")?.path).toBe("$['officialNames'][0]['name']")
    expect(map.paths.some((path) => path.includes('?(@._key'))).toBe(false)
    expectFaithful(result, map, (id) => lake.store.get(id))
  })

  it('maps a value seen through the drafts perspective to the draft it came from', async () => {
    const published = lake.store.get(ARTICLE)!
    const office = lake.store.get('office-jp')!
    await client.createOrReplace({...published, _id: `drafts.${ARTICLE}`, title: 'A draft title'} as never)
    await client.createOrReplace({...office, _id: 'drafts.office-jp', name: 'Japan Patent Office (draft)'} as never)
    try {
      const {result, resultSourceMap: map} = await fetchWithMap(articleBySlugQuery, articleParams, {resultSourceMap: 'withKeyArraySelector', perspective: 'drafts'})
      const byResultPath = new Map(sourcesOf(map).map((source) => [source.resultPath, source]))
      expect((result as {title: string}).title).toBe('A draft title')
      expect(byResultPath.get("$['title']")?.id).toBe(`drafts.${ARTICLE}`)
      const offices = (result as {offices: {_id: string; name: string}[]}).offices
      const jp = offices.findIndex((item) => item._id === 'office-jp')
      expect(offices[jp]!.name).toBe('Japan Patent Office (draft)')
      expect(byResultPath.get(`$['offices'][${jp}]['name']`)?.id).toBe('drafts.office-jp')
      expect(byResultPath.get("$['offices'][0]['name']")?.id).toBe('office-cn') // no draft: the published document
      expectFaithful(result, map, (id) => lake.store.get(id))

      // The published perspective still maps to the published documents.
      const publishedAnswer = await fetchWithMap(articleBySlugQuery, articleParams, {resultSourceMap: true, perspective: 'published'})
      expect(sourcesOf(publishedAnswer.resultSourceMap).every((source) => !source.id.startsWith('drafts.'))).toBe(true)
    } finally {
      await client.delete(`drafts.${ARTICLE}`)
      await client.delete('drafts.office-jp')
    }
  })

  it('leaves computed values unmapped, and fields the query reads the text of', async () => {
    const query = `*[_id == $id][0]{
      "plain": title,
      "text": pt::text(body),
      "joined": title + " / " + section,
      "upper": upper(summary),
      "summary": summary,
      "picked": coalesce(subtitle, title),
      "offices": offices[]->{abbreviation, name} | order(name),
      "label": select(defined(summary) => "with summary", "without"),
      "constant": "no source"
    }`
    const {result, resultSourceMap: map} = await fetchWithMap(query, {id: ARTICLE}, {resultSourceMap: true})
    const mapped = new Set(Object.keys(map.mappings))
    expect(mapped.has("$['plain']")).toBe(true)
    // One source, whole: coalesce returned the title itself.
    expect(mapped.has("$['picked']")).toBe(true)
    for (const path of ["$['text']", "$['joined']", "$['upper']", "$['constant']", "$['label']"]) expect(mapped.has(path), path).toBe(false)
    // upper() reads the summary's text, so the summary keeps it and is not mapped anywhere in this query.
    expect(mapped.has("$['summary']")).toBe(false)
    // Ordered by name: names keep their text (and are not mapped), abbreviations are.
    expect(mapped.has("$['offices'][0]['name']")).toBe(false)
    expect(mapped.has("$['offices'][0]['abbreviation']")).toBe(true)
    expectFaithful(result, map, (id) => lake.store.get(id))
  })

  it('answers without resultSourceMap when the request does not ask, and evaluates once', async () => {
    const path = `/v2025-02-19/data/query/production?query=${encodeURIComponent(articleBySlugQuery)}&%24slug=${encodeURIComponent(JSON.stringify(SLUG))}&%24language=%22en%22`
    for (const flag of ['', '&resultSourceMap=false']) {
      const response = await raw(lake.port, path + flag)
      expect(response.status).toBe(200)
      expect(Object.keys(response.json())).not.toContain('resultSourceMap')
    }
    const asked = await raw(lake.port, `${path}&resultSourceMap=true`)
    expect(asked.json().resultSourceMap.documents.length).toBeGreaterThan(0)
    // Cached answers are kept apart: the same query without the flag still comes back without a map.
    expect(Object.keys((await raw(lake.port, path)).json())).not.toContain('resultSourceMap')

    // The query path reads the store once per evaluation: without the flag, as before; with it, again.
    let gets = 0
    const store = lake.store
    const counting: QueryableStore = {all: () => store.all(), indexes: store.indexes, get: (id) => (gets++, store.get(id))}
    const queries = new StoreQueries(counting)
    await queries.answer(articleBySlugQuery, articleParams, 'raw')
    const once = gets
    gets = 0
    const plain = await queries.answer(articleBySlugQuery, articleParams, 'raw')
    expect(gets).toBe(once)
    expect(plain.resultSourceMap).toBeUndefined()
    gets = 0
    const mapped = await queries.answer(articleBySlugQuery, articleParams, 'raw', {sourceMap: 'true'})
    expect(gets).toBeGreaterThan(once)
    expect(mapped.result).toEqual(plain.result)
  })
})

describe('stega through @sanity/client', () => {
  it('encodes edit links that name the source document and path', async () => {
    const stegaClient = client.withConfig({stega: {enabled: true, studioUrl: '/'}})
    const article = await stegaClient.fetch<{title: string; source: {office: {_id: string; name: string}}; body: {_key: string; children: {_key: string; text: string}[]}[]}>(articleBySlugQuery, articleParams)
    const plain = await client.fetch<typeof article>(articleBySlugQuery, articleParams)
    expect(article.title).not.toBe(plain.title)
    expect(stegaClean(article)).toEqual(plain)

    const editLink = (value: string) => {
      const decoded = vercelStegaDecode(value) as {origin: string; href: string}
      expect(decoded.origin).toBe('sanity.io')
      const [route, search] = decoded.href.split('?')
      return {route: decodeURIComponent(route!), search: new URLSearchParams(search)}
    }
    const title = editLink(article.title)
    expect(title.search.get('id')).toBe(ARTICLE)
    expect(title.search.get('type')).toBe('article')
    expect(title.search.get('path')).toBe('title')
    expect(title.route).toContain(`id=${ARTICLE};type=article;path=title`)

    const office = editLink(article.source.office.name)
    expect(office.search.get('id')).toBe(plain.source.office._id)
    expect(office.search.get('path')).toBe('name')

    const [block] = plain.body
    const span = editLink(article.body[0]!.children[0]!.text)
    expect(span.search.get('id')).toBe(ARTICLE)
    expect(span.search.get('path')).toBe(`body[_key=="${block!._key}"].children[_key=="${block!.children[0]!._key}"].text`)
  })
})

// ---------------------------------------------------------------------------------------------------
// Property: over the seed with drafts, for site queries and generated ones, every mapped value is the
// value at its source path, and a row's strings map to the document the row shows.

const drafts: Doc[] = [
  {...structuredClone(seed.find((doc) => doc._id === 'office-jp')!), _id: 'drafts.office-jp', name: 'JPO draft name', abbreviation: 'JPO-D'} as Doc,
  {...structuredClone(seed.find((doc) => doc._id === ARTICLE)!), _id: `drafts.${ARTICLE}`, title: 'Draft title'} as Doc,
  {...structuredClone(seed.find((doc) => doc._id === 'office-kr')!), _id: 'versions.r1.office-kr', name: 'KIPO in release r1'} as Doc,
  {...structuredClone(seed.find((doc) => doc._id === 'office-jp')!), _id: 'versions.r1.office-jp', abbreviation: 'JPO-R1'} as Doc,
  {_id: 'drafts.office.new', _type: 'office', name: 'An unpublished office', abbreviation: 'NEW', country: 'CN', st3Code: 'XX'} as Doc,
  // Two offices with the same name: an order by name must not swap their sources.
  {_id: 'office.twin-a', _type: 'office', name: 'Twin Office', abbreviation: 'TWA', country: 'ZZ', st3Code: 'TA'} as Doc,
  {_id: 'office.twin-b', _type: 'office', name: 'Twin Office', abbreviation: 'TWB', country: 'ZZ', st3Code: 'TB'} as Doc,
]

function openStore(): DocumentStore {
  return DocumentStore.open(mkdtempSync(join(tmpdir(), 'lake-csm-')), () => structuredClone([...seed, ...drafts]) as Doc[])
}

const publishedIdOf = (id: string) => id.replace(/^drafts\./, '').replace(/^versions\.[^.]+\./, '')

/**
 * Rows of `*[...]{_id, fields of the row's own document}`: a string directly in a row must come from the
 * document with the row's (published) id; in the drafts perspective, from its draft when there is one.
 */
function expectRowsFromTheirDocuments(result: unknown, map: ContentSourceMap, perspective: string, store: DocumentStore) {
  for (const source of sourcesOf(map)) {
    const path = parseJsonPath(source.resultPath)
    const row = valueAt(result, path.slice(0, -1)) as {_id?: unknown} | undefined
    if (!row || typeof row._id !== 'string' || path.length < 1) continue
    if (parseJsonPath(source.path).length !== 1) continue // a nested value (`officialNames[0].name`)
    expect(publishedIdOf(source.id), source.resultPath).toBe(publishedIdOf(row._id))
    const published = publishedIdOf(row._id)
    const layers = perspective === 'raw' ? [row._id] : perspective === 'published' ? [published] : perspective === 'drafts' ? [`drafts.${published}`, published] : [`versions.r1.${published}`, `drafts.${published}`, published]
    const expected = layers.find((id) => store.get(id))
    expect(source.id, source.resultPath).toBe(expected)
  }
}

const rowFields = fc.constantFrom('name', 'abbreviation', 'country', '"n": name', '"a": abbreviation', '"both": name + abbreviation', '"lower": lower(name)', '"c": coalesce(missing, name)', '"first": officialNames[0].name', '"former": formerNames[]{name, abbreviation}', '"k": kind')
const filters = fc.constantFrom('_type == "office"', '_type == "office" && country == "CN"', '_type == "office" && name match "Office"', '_type == "office" && defined(abbreviation)', '_type == "office" && kind == "national"', '_type in ["office", "person"]')
const orders = fc.constantFrom('', '| order(name)', '| order(abbreviation desc)', '| order(country, name)', '| order(_id)')
const slices = fc.constantFrom('', '[0...5]', '[0]', '[2...4]')
const generated = fc.record({filter: filters, fields: fc.uniqueArray(rowFields, {minLength: 1, maxLength: 4}), order: orders, slice: slices, perspective: fc.constantFrom('raw', 'published', 'drafts', 'r1,drafts')})

describe('property: mapped values are the values at their sources', () => {
  const store = openStore()
  const queries = new StoreQueries(store)
  afterAll(() => store.close())

  const siteQueries: [string, Record<string, unknown>][] = [
    [articleBySlugQuery, articleParams],
    [articleBySlugQuery, {slug: SLUG, language: 'zh-Hans'}],
    [latestArticlesQuery, {section: 'news', language: 'en', limit: 10, afterPublishedAt: null, afterId: null}],
    [eventsByYearQuery, {language: 'en', from: '2023-01-01', to: '2024-01-01'}],
    [forumPageQuery, {id: 'forum-ip5', language: 'en'}],
    [officePageQuery, {id: 'office-cn', language: 'en'}],
    [personPageQuery, {slug: 'liao-tao', language: 'en'}],
    [eventPageQuery, {slug: 'ip5-deputy-heads-2023', language: 'en'}],
    [cookiePolicyQuery, {}],
    [sitemapQuery, {}],
    ['*[_type == "office"]{_id, name, "refs": *[_type == "article" && references(^._id)]{_id, title}}', {}],
    ['*[_type == "article"]{_id, title, "office": source.office->{_id, name, abbreviation}, offices[]->{_id, name}}', {}],
  ]

  it.each(['raw', 'published', 'drafts', 'r1,drafts'])('site queries in the %s perspective', async (perspective) => {
    let mapped = 0
    for (const [query, params] of siteQueries) {
      const answer = await queries.answer(query, params, perspective, {sourceMap: 'withKeyArraySelector'})
      const plain = await queries.answer(query, params, perspective)
      expect(answer.result).toEqual(plain.result)
      expectFaithful(answer.result, answer.resultSourceMap!, (id) => store.get(id))
      mapped += Object.keys(answer.resultSourceMap!.mappings).length
    }
    expect(mapped).toBeGreaterThan(50)
  })

  it('shapes that read text under another name, or through @, are not mapped by it', async () => {
    const mappedPaths = async (query: string) => {
      const answer = await queries.answer(query, {}, 'published', {sourceMap: 'true'})
      expectFaithful(answer.result, answer.resultSourceMap!, (id) => store.get(id))
      return {result: answer.result as unknown[], map: answer.resultSourceMap!, paths: Object.keys(answer.resultSourceMap!.mappings)}
    }
    // A projection's key compared and ordered on: the field it came from keeps its text.
    const renamed = await mappedPaths('*[_type == "office"]{"t": name, abbreviation}[t match "Office"] | order(t desc)')
    expect(renamed.result.length).toBeGreaterThan(3)
    expect(renamed.paths).toContain("$[0]['abbreviation']")
    expect(renamed.paths.some((path) => path.endsWith("['t']"))).toBe(false)
    // `@` compared: no name covers what is read, so nothing is marked.
    const whole = await mappedPaths('*[_type == "office"].name[@ match "Office"]')
    expect(whole.result.length).toBeGreaterThan(3)
    expect(whole.paths).toEqual([])
    // A sorted slice (answered from the lake's sorted lists) maps each row to its own document.
    const top = await mappedPaths('*[_type == "office"] | order(name) [0...4]{_id, name, abbreviation}')
    expect(top.paths).toContain("$[3]['abbreviation']")
    expectRowsFromTheirDocuments(top.result, top.map, 'published', store)
  })

  it('generated queries', async () => {
    let mapped = 0
    await fc.assert(
      fc.asyncProperty(generated, async ({filter, fields, order, slice, perspective}) => {
        const query = `*[${filter}]{_id, ${fields.join(', ')}} ${order} ${slice}`
        const answer = await queries.answer(query, {}, perspective, {sourceMap: 'withKeyArraySelector'})
        expect(answer.result).toEqual((await queries.answer(query, {}, perspective)).result)
        expectFaithful(answer.result, answer.resultSourceMap!, (id) => store.get(id))
        expectRowsFromTheirDocuments(answer.result, answer.resultSourceMap!, perspective, store)
        // Fields whose text the query reads (filters, orderings, functions) are never mapped.
        const read = namesReadByContent(parse(query))!
        for (const source of sourcesOf(answer.resultSourceMap!)) for (const segment of parseJsonPath(source.path)) expect(typeof segment === 'string' && read.has(segment)).toBe(false)
        mapped += Object.keys(answer.resultSourceMap!.mappings).length
      }),
      {seed: 20_261_126, numRuns: 150},
    )
    expect(mapped).toBeGreaterThan(500)
  })
})
