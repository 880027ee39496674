import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {postJson, startLake, type InProcessLake} from '../support/lake.ts'

// `patch: {query}` and `delete: {query}`, as @sanity/preview-url-secret cleans up its secrets.

const v = '/v2025-02-19'
let lake: InProcessLake

beforeAll(async () => {
  lake = await startLake()
})
afterAll(async () => lake?.close())

const mutate = (mutations: unknown[], search = '') => postJson(lake.port, `${v}/data/mutate/production${search}`, {mutations})
const secret = (id: string, updatedAt: string) => ({_id: `drafts.secret.${id}`, _type: 'sanity.previewUrlSecret', secret: id, studioUrl: '/', stamp: updatedAt})

describe('mutations by query', () => {
  it('deletes every document a query selects, with params, in one transaction', async () => {
    expect((await mutate([{create: secret('old1', '2020')}, {create: secret('old2', '2021')}, {create: secret('new', '2030')}])).status).toBe(200)
    const response = await mutate([{delete: {query: '*[_type == "sanity.previewUrlSecret" && stamp < $before]', params: {before: '2025'}}}], '?returnIds=true')
    expect(response.status).toBe(200)
    expect(response.json().results).toEqual([{id: 'drafts.secret.old1', operation: 'delete'}, {id: 'drafts.secret.old2', operation: 'delete'}])
    expect(lake.store.get('drafts.secret.old1')).toBeUndefined()
    expect(lake.store.get('drafts.secret.new')).toBeDefined()
  })

  it('patches every document a query selects; a query selecting nothing changes nothing', async () => {
    const response = await mutate([{patch: {query: '*[_type == "office" && _id in ["office-gb", "office-de"]]', set: {note: 'checked'}}}])
    expect(response.status).toBe(200)
    expect(lake.store.get('office-gb')?.note).toBe('checked')
    expect(lake.store.get('office-de')?.note).toBe('checked')
    expect((await mutate([{delete: {query: '*[_type == "nothing"]'}}])).status).toBe(200)
  })

  it('keeps referential integrity and all-or-nothing for the documents a query selects', async () => {
    const response = await mutate([{delete: {query: '*[_type == "office" && _id in ["office-gb", "office-kr"]]'}}])
    expect(response.status).toBe(409)
    expect(lake.store.get('office-gb')).toBeDefined()
  })

  it('answers a dry run as the commit would and writes nothing', async () => {
    const dry = await mutate([{delete: {query: '*[_id == "office-gb"]'}}], '?dryRun=true')
    expect(dry.status).toBe(200)
    expect(lake.store.get('office-gb')).toBeDefined()
    expect((await mutate([{delete: {query: '*[_id == "office-kr"]'}}], '?dryRun=true')).status).toBe(409)
  })

  it('refuses queries that select no documents, bad GROQ, and id with query, with 400', async () => {
    for (const mutation of [{delete: {query: 'count(*)'}}, {delete: {query: '*[_type == '}}, {patch: {query: '*', id: 'office-gb', set: {a: 1}}}, {delete: {query: ''}}]) {
      const response = await mutate([mutation])
      expect(response.status, JSON.stringify(mutation)).toBe(400)
      expect(response.json().error.description).toBeTruthy()
    }
  })
})
