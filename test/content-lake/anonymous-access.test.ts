import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {connect} from 'node:http2'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {createClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {perspectiveDocuments} from '../../content-lake/query/perspectives.ts'
import {evaluateGroq} from '../../offline/evaluate-groq.ts'
import {postJson, raw, startLake, TEST_AUTHORIZATION, TEST_TOKEN, type InProcessLake} from '../support/lake.ts'

// A request without a token or the Studio's session is anonymous, as on a hosted public dataset: it reads
// only documents whose ids are root paths (no "."), in every perspective, and writes nothing.

const v = '/v2025-02-19'
const NONE = {authorization: ''}
let lake: InProcessLake
let studioDir: string

// Beside the seed: a draft of a seed article, a document on a dotted path, and a version in a release.
const EXTRA = [
  {_id: 'drafts.office-kr', _type: 'office', name: 'Draft name of the office', abbreviation: 'KIPO'},
  {_id: 'office.legacy', _type: 'office', name: 'An office on a dotted path', abbreviation: 'OLD'},
  {_id: 'versions.r1.office-jp', _type: 'office', name: 'The JPO in release r1', abbreviation: 'JPO'},
]

beforeAll(async () => {
  studioDir = mkdtempSync(join(tmpdir(), 'lake-studio-'))
  mkdirSync(studioDir, {recursive: true})
  writeFileSync(join(studioDir, 'index.html'), '<!doctype html><title>Studio</title>')
  lake = await startLake({corsOrigins: ['http://localhost:3000'], studioDir})
  lake.store.commit(EXTRA.map((doc) => ({id: doc._id, after: doc})))
})
afterAll(async () => lake?.close())

const query = async (groq: string, perspective: string, headers: Record<string, string> = NONE) => {
  const response = await raw(lake.port, `${v}/data/query/production?query=${encodeURIComponent(groq)}&perspective=${perspective}`, {headers})
  expect(response.status, response.text).toBe(200)
  return response.json().result
}

describe('requests without a token', () => {
  it('read only root-path documents, in every perspective, exactly as groq-js over those documents', async () => {
    const groq = '*[_type == "office" && !(_id in path("office-cn-*"))]{_id, name, _originalId} | order(_id)'
    const rootPathOnly = lake.store.all().filter((doc) => !doc._id.includes('.'))
    for (const perspective of ['raw', 'published', 'drafts', 'r1']) {
      const anonymous = await query(groq, perspective)
      const expected = await evaluateGroq(groq, {}, perspectiveDocuments(rootPathOnly, perspective))
      expect(anonymous, perspective).toEqual(expected)
      const ids = (anonymous as {_id: string}[]).map((doc) => doc._id)
      expect(ids, perspective).toContain('office-kr')
      expect(ids.some((id) => id.includes('.')), perspective).toBe(false)
      // The draft, the version and the dotted document are nowhere in what it reads.
      expect(JSON.stringify(anonymous), perspective).not.toMatch(/Draft name|release r1|dotted path/)
    }
    // With a token, the same query sees them: the drafts perspective shows the draft and the dotted office.
    const authorised = (await query(groq, 'drafts', TEST_AUTHORIZATION)) as {_id: string; name: string}[]
    expect(authorised.find((doc) => doc._id === 'office-kr')?.name).toBe('Draft name of the office')
    expect(authorised.map((doc) => doc._id)).toContain('office.legacy')
  })

  it('find nothing by a dotted id, a reference or a count, and the cache keeps their answers apart', async () => {
    const byId = '*[_id in ["drafts.office-kr", "office.legacy", "versions.r1.office-jp"]]._id'
    expect(await query(byId, 'raw', TEST_AUTHORIZATION)).toHaveLength(3)
    expect(await query(byId, 'raw')).toEqual([])
    expect(await query('*[_type == "office"][0...1000]._id', 'raw')).not.toContain('office.legacy')
    expect(await query('count(*[_id in path("drafts.**")])', 'raw')).toBe(0)
    expect(await query('*[_id == "office-kr"][0]{"draft": *[_id == "drafts." + ^._id][0].name}', 'raw')).toEqual({draft: null})
  })

  it('get dotted documents omitted for "permission" from /data/doc, and root-path ones as usual', async () => {
    const response = await raw(lake.port, `${v}/data/doc/production/office-kr,drafts.office-kr,office.legacy,office-nowhere`, {headers: NONE})
    expect(response.json()).toEqual({
      documents: [expect.objectContaining({_id: 'office-kr'})],
      omitted: [
        {id: 'drafts.office-kr', reason: 'permission'},
        {id: 'office.legacy', reason: 'permission'},
        {id: 'office-nowhere', reason: 'existence'},
      ],
    })
  })

  it('write nothing and read no history: 401, with what to send', async () => {
    const before = structuredClone(lake.store.get('office-kr'))
    const refused = [
      await postJson(lake.port, `${v}/data/mutate/production`, {mutations: [{patch: {id: 'office-kr', set: {name: 'Anonymous'}}}]}, NONE),
      await postJson(lake.port, `${v}/data/actions/production`, {actions: [{actionType: 'sanity.action.document.delete', publishedId: 'office-kr'}]}, NONE),
      await raw(lake.port, `${v}/assets/images/production`, {method: 'POST', headers: {...NONE, 'content-type': 'image/png'}, body: readFileSync(new URL('../fixtures/red-3x2.png', import.meta.url))}),
      await raw(lake.port, `${v}/data/history/production/transactions/office-kr`, {headers: NONE}),
      await raw(lake.port, `${v}/data/history/production/events/documents/office-kr`, {headers: NONE}),
      await raw(lake.port, `${v}/data/references/production/documents/office-kr/to`, {headers: NONE}),
      await raw(lake.port, `${v}/users/me/keyvalue/studio.x`, {headers: NONE}),
    ]
    for (const response of refused) {
      expect(response.status, response.text).toBe(401)
      expect(response.json().error.description).toMatch(/needs a token \(Authorization: Bearer <token>\)/)
    }
    expect(lake.store.get('office-kr')).toEqual(before)
  })

  it('are nobody to /users/me, and get the grants they are held to from /acl', async () => {
    expect((await raw(lake.port, `${v}/users/me`, {headers: NONE})).json()).toEqual({})
    expect((await raw(lake.port, '/v2021-06-07/projects/local/datasets/production/acl', {headers: NONE})).json()).toEqual([{filter: '_id in path("*")', permissions: ['read']}])
    expect((await raw(lake.port, `${v}/users/me`)).json()).toMatchObject({id: 'local-admin'})
  })

  it('hear only root-path documents change when they listen, and may not ask the Live Content API for drafts', async () => {
    const session = connect(`https://127.0.0.1:${lake.port}`, {rejectUnauthorized: false})
    try {
      const stream = session.request({':path': `${v}/data/listen/production?query=${encodeURIComponent('*[_type == "office"]')}`, ':authority': `localhost:${lake.port}`})
      let received = ''
      stream.on('data', (chunk: Buffer) => (received += chunk.toString()))
      await expect.poll(() => received).toContain('event: welcome')
      lake.store.commit([{id: 'drafts.office-jp', after: {_id: 'drafts.office-jp', _type: 'office', name: 'A secret draft'}}])
      lake.store.commit([{id: 'office.legacy', after: {_id: 'office.legacy', _type: 'office', name: 'A secret rename'}}])
      lake.store.commit([{id: 'office-ep', after: {...lake.store.get('office-ep')!, headquarters: 'Munich (heard)'}}])
      await expect.poll(() => received).toContain('Munich (heard)')
      expect(received).not.toMatch(/secret|drafts\.office-jp|office\.legacy/)

      const live = session.request({':path': `${v}/data/live/events/production?includeDrafts=true`, ':authority': `localhost:${lake.port}`})
      const status = await new Promise<number>((resolve) => live.once('response', (headers) => resolve(Number(headers[':status']))))
      expect(status).toBe(401)
      live.close()
    } finally {
      session.close()
    }
  })

  it('from a named origin, read as anonymous without a token and as a viewer with one', async () => {
    const site = {origin: 'http://localhost:3000'}
    expect(await query('*[_id == "drafts.office-kr"][0].name', 'raw', {...site, ...NONE})).toBeNull()
    expect(await query('*[_id == "drafts.office-kr"][0].name', 'raw', {...site, authorization: 'Bearer site-read-token'})).toBe('Draft name of the office')
    expect((await raw(lake.port, `${v}/users/me`, {headers: {...site, authorization: 'Bearer site-read-token'}})).json().role).toBe('viewer')
    const write = await postJson(lake.port, `${v}/data/mutate/production`, {mutations: [{delete: {id: 'office-kr'}}]}, {...site, authorization: 'Bearer site-read-token'})
    expect(write.status).toBe(403)
  })
})

describe("the Studio's session", () => {
  it('is given with the Studio and acts as the lake\'s user, for the Studio\'s own origin only', async () => {
    const page = await raw(lake.port, '/structure', {headers: NONE})
    expect(page.status).toBe(200)
    const [setCookie] = page.headers['set-cookie'] as string[]
    expect(setCookie).toMatch(/^sanity-local-session=[\w-]{40,}; Path=\/; Secure; HttpOnly; SameSite=Strict$/)
    const cookie = setCookie!.split(';')[0]!
    const own = `https://local.localhost:${lake.port}`
    expect((await raw(lake.port, `${v}/users/me`, {headers: {...NONE, cookie, origin: own}})).json()).toMatchObject({id: 'local-admin'})
    expect(await query('*[_id == "drafts.office-kr"][0].name', 'raw', {...NONE, cookie})).toBe('Draft name of the office')
    // A guessed or stale session is no session.
    expect((await raw(lake.port, `${v}/users/me`, {headers: {...NONE, cookie: 'sanity-local-session=guess'}})).json()).toEqual({})
    // A page of a named origin never writes with it (it acts as anonymous without a token).
    const fromSite = await postJson(lake.port, `${v}/data/mutate/production`, {mutations: [{delete: {id: 'office-kr'}}]}, {...NONE, cookie, origin: 'http://localhost:3000'})
    expect(fromSite.status).toBe(401)
  })

  it('lets @sanity/client with a token do what it does against the hosted lake, and refuses it without one', async () => {
    const config = {projectId: 'local', dataset: 'production', apiHost: `https://127.0.0.1:${lake.port}`, useProjectHostname: false, useCdn: false, apiVersion: '2025-02-19'} as const
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'
    const anonymous = createClient(config)
    await expect(anonymous.create({_type: 'forum', name: 'Anonymous forum'})).rejects.toMatchObject({statusCode: 401})
    expect(await anonymous.getDocument('drafts.office-kr')).toBeUndefined()
    expect(await anonymous.fetch('*[_id == "office-kr"][0].abbreviation')).toBe('KIPO')
    const withToken = createClient({...config, token: TEST_TOKEN})
    const created = await withToken.create({_type: 'forum', name: 'Forum with a token'})
    expect(await anonymous.getDocument(created._id)).toMatchObject({name: 'Forum with a token'})
  })
})
