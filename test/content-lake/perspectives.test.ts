import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {parse} from 'groq-js'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {LakeError} from '../../content-lake/errors.ts'
import {localCertificate} from '../../content-lake/http/certificate.ts'
import {createLakeServer} from '../../content-lake/http/server.ts'
import {apiVersionOfPath, DRAFTS, parsePerspective, PUBLISHED, RAW} from '../../content-lake/query/perspectives.ts'
import {StoreQueries} from '../../content-lake/query/query-store.ts'
import {DocumentStore, type Doc} from '../../content-lake/store/document-store.ts'
import {needsAsyncEvaluation} from '../../offline/evaluate-groq.ts'
import {applyPerspective} from '../../offline/in-memory-client.ts'
import {projectRoot} from '../support/cli.ts'

const documents: Doc[] = [
  {_id: 'a1', _type: 'article', title: 'Published a1'},
  {_id: 'drafts.a1', _type: 'article', title: 'Draft a1'},
  {_id: 'versions.r1.a1', _type: 'article', title: 'R1 a1'},
  {_id: 'versions.r2.a1', _type: 'article', title: 'R2 a1'},
  {_id: 'versions.r1.new', _type: 'article', title: 'Only in r1'},
  {_id: 'drafts.b2', _type: 'article', title: 'Draft-only b2'},
  {_id: 'c3', _type: 'person', name: 'C3', author: {_type: 'reference', _ref: 'a1'}},
]

const perspective = (search: string, apiVersion?: string) => parsePerspective(new URLSearchParams(search), apiVersion)

describe('perspectives of a query', () => {
  it('reads names, previewDrafts, release ids and stacks as @sanity/client and the Studio send them', () => {
    expect(perspective('perspective=raw', '2025-02-19')).toEqual(RAW)
    expect(perspective('perspective=published', '2025-02-19')).toEqual(PUBLISHED)
    expect(perspective('perspective=drafts', '2025-02-19')).toEqual(DRAFTS)
    expect(perspective('perspective=previewDrafts', '2025-02-19')).toEqual(DRAFTS)
    expect(perspective('perspective=r1,drafts', '2025-02-19')).toEqual({type: 'stack', layers: ['r1', 'drafts', 'published']})
    expect(perspective(`perspective=${encodeURIComponent('["r1","drafts"]')}`, 'X')).toEqual({type: 'stack', layers: ['r1', 'drafts', 'published']})
    expect(perspective('perspective=rABC', '2025-02-19')).toEqual({type: 'stack', layers: ['rABC', 'published']})
    expect(perspective('perspective=r1,published', '2025-02-19')).toEqual({type: 'stack', layers: ['r1', 'published']})
  })

  it('defaults to raw before API v2025-02-19 and to published from then on, as hosted', () => {
    expect(perspective('', '2021-06-07')).toEqual({type: 'raw', versions: false})
    expect(perspective('', '1')).toEqual({type: 'raw', versions: false})
    expect(perspective('perspective=raw', '2024-01-01')).toEqual({type: 'raw', versions: false})
    expect(perspective('', '2025-02-19')).toEqual(PUBLISHED)
    expect(perspective('perspective=', '2026-01-01')).toEqual(PUBLISHED)
    expect(perspective('', 'X')).toEqual(PUBLISHED)
    expect(apiVersionOfPath('/v2025-02-19/data/query/production')).toBe('2025-02-19')
    expect(apiVersionOfPath('/vX/data/query/production')).toBe('X')
    expect(apiVersionOfPath('/data/query/production')).toBeUndefined()
  })

  it('refuses raw in a stack and names that are no perspective, with a 400', () => {
    for (const bad of ['raw,drafts', 'drafts,raw', 'a.b', '["r1", 2]', '[not json']) {
      const error = (() => {
        try {
          return perspective(`perspective=${encodeURIComponent(bad)}`, '2025-02-19')
        } catch (caught) {
          return caught
        }
      })()
      expect(error, bad).toBeInstanceOf(LakeError)
      expect((error as LakeError).status).toBe(400)
    }
  })

  it('shows each document once, from the first layer of the stack that has it, in _id order, with _originalId', () => {
    const titles = (name: Parameters<typeof applyPerspective>[1]) => applyPerspective(documents, name).map((doc) => [doc._id, doc._originalId ?? null, doc.title ?? doc.name])
    expect(titles('published')).toEqual([
      ['a1', null, 'Published a1'],
      ['c3', null, 'C3'],
    ])
    expect(titles('drafts')).toEqual(titles('previewDrafts'))
    expect(titles('drafts')).toEqual([
      ['a1', 'drafts.a1', 'Draft a1'],
      ['b2', 'drafts.b2', 'Draft-only b2'],
      ['c3', 'c3', 'C3'],
    ])
    expect(titles(['r1', 'drafts'])).toEqual([
      ['a1', 'versions.r1.a1', 'R1 a1'],
      ['b2', 'drafts.b2', 'Draft-only b2'],
      ['c3', 'c3', 'C3'],
      ['new', 'versions.r1.new', 'Only in r1'],
    ])
    expect(titles('r2')).toEqual([
      ['a1', 'versions.r2.a1', 'R2 a1'],
      ['c3', 'c3', 'C3'],
    ])
    expect(applyPerspective(documents, 'raw').map((doc) => doc._id)).toEqual(documents.map((doc) => doc._id).toSorted())
  })
})

describe('GROQ functions through the store', () => {
  const store = DocumentStore.open(mkdtempSync(join(tmpdir(), 'lake-functions-')), () => structuredClone(documents))
  const queries = new StoreQueries(store)

  it('evaluates the functions groq-js has only in its asynchronous evaluator', async () => {
    const query = 'diff::changedAny(*[_id == "a1"][0], *[_id == "drafts.a1"][0], (title))'
    expect(needsAsyncEvaluation(parse(query))).toBe(true)
    expect(needsAsyncEvaluation(parse('*[_type == "article"]{title}'))).toBe(false)
    expect(await queries.query(query, {}, 'raw')).toBe(true)
    // _id and _rev changed too: not only the title.
    expect(await queries.query('diff::changedOnly(*[_id == "a1"][0], *[_id == "drafts.a1"][0], (title))', {}, 'raw')).toBe(false)
    expect(await queries.query('*[_type == "article" && diff::changedAny(@, @, (title))]._id', {}, 'published')).toEqual([])
  })

  it('answers sanity::versionOf and sanity::partOfRelease as groq-js does', async () => {
    expect(await queries.query('*[sanity::versionOf("a1")]._id', {}, 'raw')).toEqual(['a1', 'drafts.a1', 'versions.r1.a1', 'versions.r2.a1'])
    expect(await queries.query('*[sanity::partOfRelease("r1")]._id', {}, 'raw')).toEqual(['versions.r1.a1', 'versions.r1.new'])
    expect(await queries.query('*[sanity::partOfRelease("r1")]._id', {}, 'published')).toEqual([])
  })

  it('keeps versions out of the published and drafts perspectives, through an index or not', async () => {
    for (const name of ['published', 'drafts'] as const) {
      expect(await queries.query('*[_type == "article"]._id', {}, name)).toEqual(await queries.query('*[_type == "article" || title == "x"]._id', {}, name))
    }
    expect(await queries.query('*[_type == "article"].title', {}, 'drafts')).toEqual(['Draft a1', 'Draft-only b2'])
  })

  it('refuses functions groq-js does not implement with a 400 that names them', async () => {
    for (const query of ['*[_type == "article"]{"d": geo::distance(geo::latLng(1, 2), geo::latLng(3, 4))}', '*[_id == text::query("x")]', 'documents::get("a1")']) {
      const error = await queries.query(query, {}, 'raw').catch((caught: unknown) => caught)
      expect(error, query).toBeInstanceOf(LakeError)
      expect((error as LakeError).status).toBe(400)
      expect((error as LakeError).message).toMatch(/(geo::distance|geo::latLng|text::query|documents::get)\(\).* not supported by the local Content Lake/)
    }
  })
})

describe('perspectives over HTTP', () => {
  let baseUrl: string
  let close: () => Promise<void>

  beforeAll(async () => {
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'
    const store = DocumentStore.open(mkdtempSync(join(tmpdir(), 'lake-perspectives-')), () => structuredClone(documents))
    const started = await createLakeServer({store, projectId: 'local', dataset: 'production', certificate: localCertificate(`${projectRoot}test/.tmp/certificate`), port: 0})
    close = started.close
    baseUrl = `https://127.0.0.1:${started.port}`
  })
  afterAll(async () => close?.())

  const ids = async (version: string, search = '') => {
    const response = await fetch(`${baseUrl}/v${version}/data/query/production?query=${encodeURIComponent('*[_type == "article"]._id')}${search}`, {headers: {authorization: 'Bearer any-token'}})
    return {status: response.status, body: (await response.json()) as {result?: string[]}}
  }

  it('answers with the default perspective of the API version in the path', async () => {
    expect((await ids('2021-06-07')).body.result).toEqual(['a1', 'drafts.a1', 'drafts.b2'])
    expect((await ids('2025-02-19')).body.result).toEqual(['a1'])
    expect((await ids('X')).body.result).toEqual(['a1'])
    expect((await ids('2025-02-19', '&perspective=raw')).body.result).toEqual(['a1', 'drafts.a1', 'drafts.b2', 'versions.r1.a1', 'versions.r1.new', 'versions.r2.a1'])
  })

  it('takes previewDrafts and release stacks, and refuses raw in a stack', async () => {
    expect((await ids('2025-02-19', '&perspective=previewDrafts')).body.result).toEqual(['a1', 'b2'])
    expect((await ids('2025-02-19', '&perspective=r1,drafts')).body.result).toEqual(['a1', 'b2', 'new'])
    const refused = await ids('2025-02-19', '&perspective=raw,drafts')
    expect(refused.status).toBe(400)
  })
})
