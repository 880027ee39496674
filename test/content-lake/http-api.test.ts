import {readFileSync} from 'node:fs'

import {createClient, type SanityClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {LOCAL_USERS} from '../../content-lake/http/identity.ts'
import {eventPageQuery, officePageQuery} from '../../queries/index.ts'
import type {EventPageQueryResult, OfficePageQueryResult} from '../../sanity.types.ts'
import {projectRoot} from '../support/cli.ts'
import {startLake, TEST_AUTHORIZATION, TEST_TOKEN} from '../support/lake.ts'

// The local certificate is self-signed; this test process talks only to its own server on 127.0.0.1.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'

// What @sanity/client sends with a token; without one a request is anonymous (see the anonymous tests).
const auth = TEST_AUTHORIZATION

let client: SanityClient
let baseUrl: string
let close: () => Promise<void>

beforeAll(async () => {
  // Sanity's built-in roles: the editor may write every document here.
  const started = await startLake({users: LOCAL_USERS})
  close = started.close
  baseUrl = `https://127.0.0.1:${started.port}`
  // Node cannot resolve <project>.localhost, so Node clients address the host directly.
  client = createClient({projectId: 'local', dataset: 'production', apiHost: baseUrl, useProjectHostname: false, useCdn: false, apiVersion: '2025-02-19', token: TEST_TOKEN})
})

afterAll(async () => close?.())

describe('the local Content Lake through @sanity/client', () => {
  it('answers the package\'s queries with params', async () => {
    const event = await client.fetch<EventPageQueryResult>(eventPageQuery, {slug: 'ip5-deputy-heads-2023', language: 'en'})
    expect(event?.delegations).toHaveLength(6)
    const office = await client.fetch<OfficePageQueryResult>(officePageQuery, {id: 'office-cn', language: 'en'})
    expect(office?.people.map((person) => person.name)).toEqual(['Liao Tao'])
  })

  it('applies perspectives: drafts overlay published documents', async () => {
    await client.createOrReplace({_id: 'drafts.office-jp', _type: 'office', name: 'Japan Patent Office (draft)', kind: 'national', st3Code: 'JP'})
    const name = '*[_type == "office" && _id == "office-jp"][0].name'
    expect(await client.fetch(name, {}, {perspective: 'published'})).toBe('Japan Patent Office')
    expect(await client.fetch(name, {}, {perspective: 'drafts'})).toBe('Japan Patent Office (draft)')
    expect(await client.fetch('count(*[_id in ["office-jp", "drafts.office-jp"]])', {}, {perspective: 'raw'})).toBe(2)
  })

  it('creates, patches and deletes, and returns ids and documents', async () => {
    const created = await client.create({_id: 'forum.pph', _type: 'forum', name: 'Global PPH'}, {returnDocuments: true})
    expect(created).toMatchObject({_id: 'forum.pph', name: 'Global PPH', _rev: expect.any(String)})
    const patched = await client.patch('forum.pph').set({founded: 2014}).setIfMissing({members: []}).commit()
    expect(patched).toMatchObject({founded: 2014, members: []})
    expect(await client.getDocument('forum.pph')).toMatchObject({founded: 2014})
    const transaction = await client.transaction().delete('forum.pph').commit()
    expect(transaction.documentIds).toEqual(['forum.pph'])
    expect(await client.getDocument('forum.pph')).toBeUndefined()
  })

  it('answers a stale ifRevisionID with 409 and keeps the document', async () => {
    const doc = await client.getDocument('office-kr')
    await client.patch('office-kr').ifRevisionId(doc!._rev).set({headquarters: 'Daejeon, Republic of Korea'}).commit()
    const stale = client.patch('office-kr').ifRevisionId(doc!._rev).set({headquarters: 'Lost update'}).commit()
    await expect(stale).rejects.toMatchObject({statusCode: 409})
    expect((await client.getDocument('office-kr'))?.headquarters).toBe('Daejeon, Republic of Korea')
  })

  it('reports bad input with a 4xx and a clear message', async () => {
    await expect(client.fetch('*[_type == ')).rejects.toMatchObject({statusCode: 400, message: expect.stringContaining('Syntax error in GROQ query')})
    await expect(client.mutate([{frobnicate: {id: 'x'}} as never])).rejects.toMatchObject({statusCode: 400, message: expect.stringContaining('Unknown mutation')})
    await expect(client.create({_id: 'bad id!', _type: 'office'})).rejects.toMatchObject({statusCode: 400, message: expect.stringContaining('is not valid')})
    const raw = await fetch(`${baseUrl}/v2025-02-19/data/mutate/production`, {method: 'POST', body: '{not json', headers: {'content-type': 'application/json', ...auth}})
    expect(raw.status).toBe(400)
    expect(await raw.json()).toMatchObject({error: {type: 'invalidJson'}})
    const huge = await fetch(`${baseUrl}/v2025-02-19/data/mutate/production`, {method: 'POST', body: `{"mutations":[{"create":{"_type":"x","big":"${'x'.repeat(11 * 1024 * 1024)}"}}]}`, headers: auth})
    expect(huge.status).toBe(413)
    const elsewhere = await fetch(`${baseUrl}/v2025-02-19/data/query/staging?query=*`, {headers: auth})
    expect(elsewhere.status).toBe(404)
  })

  it('gets several documents at once, naming the missing ones', async () => {
    const response = await fetch(`${baseUrl}/v2025-02-19/data/doc/production/office-cn,office.nowhere`, {headers: auth})
    expect(await response.json()).toMatchObject({documents: [{_id: 'office-cn'}], omitted: [{id: 'office.nowhere', reason: 'existence'}]})
  })

  it('streams mutation events to listeners, with transition, result and mendoza effects', async () => {
    const events: {type: string; transition?: string; documentId?: string; result?: {name?: string}; effects?: unknown; mutations?: unknown[]}[] = []
    const welcomed = new Promise<void>((resolve) => {
      const subscription = client
        .listen('*[_type == "forum"]', {}, {includeResult: true, events: ['welcome', 'mutation'], effectFormat: 'mendoza'})
        .subscribe((event) => {
          events.push(event as never)
          if (event.type === 'welcome') resolve()
        })
      afterAll(() => subscription.unsubscribe())
    })
    await welcomed
    await client.create({_id: 'forum.listen', _type: 'forum', name: 'Listened'})
    await client.patch('forum.listen').set({name: 'Listened again'}).commit()
    await client.create({_id: 'office.not-a-forum', _type: 'office', name: 'Not listened'})
    await client.delete('forum.listen')
    await expect.poll(() => events.filter((event) => event.type === 'mutation').length, {timeout: 5000}).toBe(3)
    const mutations = events.filter((event) => event.type === 'mutation')
    expect(mutations.map((event) => [event.documentId, event.transition])).toEqual([
      ['forum.listen', 'appear'],
      ['forum.listen', 'update'],
      ['forum.listen', 'disappear'],
    ])
    expect(mutations[1]?.result?.name).toBe('Listened again')
    expect(mutations[1]?.effects).toMatchObject({apply: [0, {name: 'Listened again'}], revert: [0, {name: 'Listened'}]})
    expect(mutations[2]?.mutations).toEqual([{delete: {id: 'forum.listen'}}])
  })

  it('sends the previous revision instead of the result when a listener asks, and names the author', async () => {
    const events: {type: string; documentId?: string; previous?: {name?: string}; result?: unknown; identity?: string}[] = []
    await new Promise<void>((resolve) => {
      const subscription = client
        .listen('*[_id == "forum.previous"]', {}, {includeResult: false, includePreviousRevision: true, includeMutations: false, events: ['welcome', 'mutation']})
        .subscribe((event) => {
          events.push(event as never)
          if (event.type === 'welcome') resolve()
        })
      afterAll(() => subscription.unsubscribe())
    })
    await client.createOrReplace({_id: 'forum.previous', _type: 'forum', name: 'Before'})
    await client.patch('forum.previous').set({name: 'After'}).commit()
    await expect.poll(() => events.filter((event) => event.type === 'mutation').length, {timeout: 5000}).toBe(2)
    const [created, updated] = events.filter((event) => event.type === 'mutation')
    expect(created?.previous).toBeUndefined()
    expect(updated?.previous?.name).toBe('Before')
    expect(updated?.result).toBeUndefined()
    expect(updated).not.toHaveProperty('mutations')
    expect(updated?.identity).toBe('local-admin')
  })

  it('carries out the Studio\'s document actions: create, edit, publish, unpublish, discard, delete', async () => {
    const act = async (...actions: object[]) => {
      const response = await fetch(`${baseUrl}/v2025-02-19/data/actions/production`, {method: 'POST', body: JSON.stringify({actions}), headers: {'content-type': 'application/json', ...auth}})
      return {status: response.status, body: (await response.json()) as {transactionId?: string; error?: {description: string}}}
    }
    const ids = {draftId: 'drafts.article.action', publishedId: 'article.action'}
    expect((await act({actionType: 'sanity.action.document.create', publishedId: ids.publishedId, attributes: {_id: ids.draftId, _type: 'article', title: 'Draft'}, ifExists: 'fail'})).status).toBe(200)
    expect((await act({actionType: 'sanity.action.document.edit', ...ids, patch: {set: {title: 'Edited'}}})).status).toBe(200)
    expect(await client.getDocument(ids.draftId)).toMatchObject({title: 'Edited'})
    const published = await act({actionType: 'sanity.action.document.publish', ...ids})
    expect(published.body.transactionId).toEqual(expect.any(String))
    expect(await client.getDocument(ids.publishedId)).toMatchObject({title: 'Edited', _rev: published.body.transactionId})
    expect(await client.getDocument(ids.draftId)).toBeUndefined()
    // Editing a published document without a draft starts the draft from it.
    await act({actionType: 'sanity.action.document.edit', ...ids, patch: {set: {title: 'Second draft'}}})
    expect(await client.getDocument(ids.draftId)).toMatchObject({title: 'Second draft'})
    await act({actionType: 'sanity.action.document.discard', draftId: ids.draftId})
    expect(await client.getDocument(ids.draftId)).toBeUndefined()
    await act({actionType: 'sanity.action.document.unpublish', ...ids})
    expect(await client.getDocument(ids.publishedId)).toBeUndefined()
    expect(await client.getDocument(ids.draftId)).toMatchObject({title: 'Edited'})
    await act({actionType: 'sanity.action.document.delete', publishedId: ids.publishedId, includeDrafts: [ids.draftId]})
    expect(await client.getDocument(ids.draftId)).toBeUndefined()

    const nothing = await act({actionType: 'sanity.action.document.publish', ...ids})
    expect(nothing.status).toBe(409)
    expect(nothing.body.error?.description).toContain('Nothing to publish')
    const unknown = await act({actionType: 'sanity.action.document.frobnicate'})
    expect(unknown.status).toBe(400)
  })

  it('logs the Studio in as the local administrator, with credentials for the lake\'s own origin', async () => {
    const studioOrigin = baseUrl.replace('127.0.0.1', 'local.localhost')
    // Without the Studio's session (or a token) nobody is logged in: `{}`, as the hosted /users/me answers.
    expect(await (await fetch(`${baseUrl}/v2025-02-19/users/me`, {headers: {origin: studioOrigin}})).json()).toEqual({})
    const loggedIn = await fetch(`${baseUrl}/local/act-as/administrator`, {redirect: 'manual'})
    const cookie = loggedIn.headers.getSetCookie().map((set) => set.split(';')[0]).join('; ')
    const response = await fetch(`${baseUrl}/v2025-02-19/users/me`, {headers: {origin: studioOrigin, cookie}})
    expect(await response.json()).toMatchObject({id: 'local-admin', roles: [{name: 'administrator'}]})
    expect(response.headers.get('access-control-allow-origin')).toBe(studioOrigin)
    expect(response.headers.get('access-control-allow-credentials')).toBe('true')
  })

  it('acts as the local editor for a browser that carries the act-as cookie, with grants but no manage', async () => {
    const switched = await fetch(`${baseUrl}/local/act-as/editor`, {redirect: 'manual'})
    expect(switched.status).toBe(303)
    const cookies = switched.headers.getSetCookie().map((set) => set.split(';')[0]!)
    expect(cookies).toEqual(['sanity-local-user=editor', expect.stringMatching(/^sanity-local-session=[\w-]{40,}$/)])
    const cookie = cookies.join('; ')
    const me = await fetch(`${baseUrl}/v2025-02-19/users/me`, {headers: {cookie}})
    expect(await me.json()).toMatchObject({id: 'local-editor', roles: [{name: 'editor'}]})
    const acl = await fetch(`${baseUrl}/v2021-06-07/projects/local/datasets/production/acl`, {headers: {cookie}})
    expect(await acl.json()).toEqual([{filter: '_id in path("**")', permissions: ['read', 'create', 'update', 'history']}])
    expect((await fetch(`${baseUrl}/local/act-as/owner`, {redirect: 'manual'})).status).toBe(404)
    // The author of a change is whoever made it.
    const response = await fetch(`${baseUrl}/v2025-02-19/data/mutate/production`, {method: 'POST', headers: {cookie, 'content-type': 'application/json'}, body: JSON.stringify({mutations: [{createOrReplace: {_id: 'forum.by-editor', _type: 'forum', name: 'By the editor'}}]})})
    const {transactionId} = (await response.json()) as {transactionId: string}
    const history = await fetch(`${baseUrl}/v2025-02-19/data/history/production/transactions/forum.by-editor?excludeContent=true`, {headers: auth})
    expect((await history.text()).trim().split('\n').map((line) => JSON.parse(line))).toEqual([
      {id: transactionId, timestamp: expect.any(String), author: 'local-editor', documentIDs: ['forum.by-editor']},
    ])
  })

  it('keeps each document\'s history for the Studio\'s history panel: transactions with effects, and the document at a revision', async () => {
    const first = await client.createOrReplace({_id: 'forum.history', _type: 'forum', name: 'First name'})
    const second = await client.patch('forum.history').set({name: 'Second name'}).commit()
    const response = await fetch(`${baseUrl}/v2025-02-19/data/history/production/transactions/forum.history?effectFormat=mendoza&excludeContent=true&reverse=true`, {headers: auth})
    expect(response.headers.get('content-type')).toBe('application/x-ndjson')
    const rows = (await response.text()).trim().split('\n').map((line) => JSON.parse(line) as {id: string; author: string; effects: Record<string, unknown>})
    expect(rows.map((row) => row.id)).toEqual([second._rev, first._rev])
    expect(rows[0]!.effects['forum.history']).toMatchObject({apply: [0, {name: 'Second name'}], revert: [0, {name: 'First name'}]})
    const then = await client.request<{documents: {name: string}[]}>({url: `/data/history/production/documents/forum.history?revision=${first._rev}`})
    expect(then.documents.map((doc) => doc.name)).toEqual(['First name'])
    const missing = client.request({url: '/data/history/production/documents/forum.history?revision=no-such-revision'})
    await expect(missing).rejects.toMatchObject({statusCode: 404})
  })

  it('stores an uploaded image on disk as one asset per content, serves it back, and refuses what is not an image', async () => {
    const bytes = readFileSync(`${projectRoot}test/fixtures/red-3x2.png`)
    const asset = await client.assets.upload('image', bytes, {filename: 'red.png'})
    expect(asset).toMatchObject({_type: 'sanity.imageAsset', extension: 'png', mimeType: 'image/png', originalFilename: 'red.png', size: bytes.length})
    expect(asset._id).toMatch(/^image-[0-9a-f]{40}-3x2-png$/)
    expect(asset.metadata.dimensions).toMatchObject({width: 3, height: 2, aspectRatio: 1.5})
    const again = await client.assets.upload('image', bytes, {filename: 'same-bytes.png'})
    expect(again._id).toBe(asset._id)
    const served = await fetch(asset.url.replace(/^https:\/\/[^/]+/, baseUrl))
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true)
    // An article can reference it like any image.
    await client.createOrReplace({_id: 'article.with-image', _type: 'article', title: 'Pictured', mainImage: {_type: 'accessibleImage', asset: {_type: 'reference', _ref: asset._id}, alt: 'A red square'}})
    expect(await client.fetch('*[_id == "article.with-image"][0].mainImage.asset->url')).toBe(asset.url)

    await expect(client.assets.upload('image', Buffer.from('not an image'), {filename: 'fake.png'})).rejects.toMatchObject({statusCode: 400})
    expect(await client.fetch('count(*[_type == "sanity.imageAsset"])')).toBe(1)
    const file = await client.assets.upload('file', Buffer.from('%PDF-1.4 minimal'), {filename: 'decision.pdf', contentType: 'application/pdf'})
    expect(file).toMatchObject({_type: 'sanity.fileAsset', extension: 'pdf', mimeType: 'application/pdf'})
    expect((await fetch(`${baseUrl}/images/local/production/../../../etc/passwd`)).status).toBe(404)
  })
})
