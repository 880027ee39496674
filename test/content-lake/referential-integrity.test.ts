import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {postJson, startLake, type InProcessLake} from '../support/lake.ts'

// As on the hosted lake: a document strong references point at cannot be deleted or unpublished;
// weak references do not hold it; the judgement is on the dataset as the transaction leaves it.

const v = '/v2025-02-19'
let lake: InProcessLake

beforeAll(async () => {
  lake = await startLake()
})
afterAll(async () => lake?.close())

const mutate = (mutations: unknown[]) => postJson(lake.port, `${v}/data/mutate/production`, {mutations})
const act = (actions: unknown[]) => postJson(lake.port, `${v}/data/actions/production`, {actions})

describe('referential integrity', () => {
  it('refuses to delete a referenced office with 409 naming every document that refers to it, and keeps it', async () => {
    for (const response of [
      await mutate([{delete: {id: 'office-kr'}}]),
      await act([{actionType: 'sanity.action.document.delete', publishedId: 'office-kr', includeDrafts: []}]),
    ]) {
      expect(response.status).toBe(409)
      const description = response.json().error.description as string
      for (const referrer of ['article-ip5-deputy-heads-2023', 'event-ip5-deputy-heads-2023', 'forum-id5', 'forum-ip5', 'forum-tm5', 'person-ryu-donghyun']) expect(description).toContain(referrer)
    }
    expect(lake.store.get('office-kr')).toBeDefined()
  })

  it('refuses to unpublish a referenced document (the published document would go)', async () => {
    const response = await act([{actionType: 'sanity.action.document.unpublish', draftId: 'drafts.person-ryu-donghyun', publishedId: 'person-ryu-donghyun'}])
    expect(response.status).toBe(409)
    expect(response.json().error.description).toContain('event-ip5-deputy-heads-2023')
    expect(lake.store.get('person-ryu-donghyun')).toBeDefined()
    expect(lake.store.get('drafts.person-ryu-donghyun')).toBeUndefined()
  })

  it('lets weak references point at a deleted document', async () => {
    expect((await mutate([{create: {_id: 'office.weak-target', _type: 'office', name: 'Weak target'}}, {create: {_id: 'article.weak', _type: 'article', title: 'Weak', offices: [{_key: 'a', _type: 'reference', _ref: 'office.weak-target', _weak: true}]}}])).status).toBe(200)
    expect((await mutate([{delete: {id: 'office.weak-target'}}])).status).toBe(200)
    expect(lake.store.get('article.weak')?.offices).toEqual([{_key: 'a', _type: 'reference', _ref: 'office.weak-target', _weak: true}])
  })

  it('judges the state after the transaction: deleting the referring documents or weakening their references in it is fine', async () => {
    await mutate([{create: {_id: 'office.held', _type: 'office', name: 'Held'}}, {create: {_id: 'article.holder', _type: 'article', title: 'Holder', offices: [{_key: 'a', _type: 'reference', _ref: 'office.held'}]}}, {create: {_id: 'article.holder2', _type: 'article', title: 'Holder 2', office: {_type: 'reference', _ref: 'office.held'}}}])
    expect((await mutate([{delete: {id: 'office.held'}}])).status).toBe(409)
    const response = await mutate([{delete: {id: 'office.held'}}, {delete: {id: 'article.holder'}}, {patch: {id: 'article.holder2', set: {'office._weak': true}}}])
    expect(response.status).toBe(200)
    expect(lake.store.get('office.held')).toBeUndefined()
  })

  it('refuses a new strong reference to a document that does not exist, unless it is created in the same transaction', async () => {
    const dangling = await mutate([{create: {_id: 'article.dangling', _type: 'article', title: 'Dangling', offices: [{_key: 'a', _type: 'reference', _ref: 'office.nowhere'}]}}])
    expect(dangling.status).toBe(409)
    expect(dangling.json().error.description).toContain('"office.nowhere"')
    const together = await mutate([{create: {_id: 'article.together', _type: 'article', title: 'Together', offices: [{_key: 'a', _type: 'reference', _ref: 'office.new'}]}}, {create: {_id: 'office.new', _type: 'office', name: 'New'}}])
    expect(together.status).toBe(200)
  })

  it('publishing a draft whose reference is to be strengthened needs its target published', async () => {
    await act([{actionType: 'sanity.action.document.create', publishedId: 'article.early', ifExists: 'fail', attributes: {_id: 'drafts.article.early', _type: 'article', title: 'Early', offices: [{_key: 'a', _type: 'reference', _ref: 'office.unpublished', _weak: true, _strengthenOnPublish: {type: 'office'}}]}}])
    const response = await act([{actionType: 'sanity.action.document.publish', draftId: 'drafts.article.early', publishedId: 'article.early'}])
    expect(response.status).toBe(409)
    expect(lake.store.get('article.early')).toBeUndefined()
  })
})
