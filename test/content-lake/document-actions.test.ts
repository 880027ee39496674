import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {postJson, raw, startLake, type InProcessLake} from '../support/lake.ts'

// The document actions the Studio 6.16 sends (datastores and structure tool of sanity/lib), as it sends them.

const v = '/v2025-02-19'
const EDITOR = {cookie: 'sanity-local-user=editor'}
let lake: InProcessLake

beforeAll(async () => {
  lake = await startLake()
})
afterAll(async () => lake?.close())

// @sanity/client sends a single action as a list of one.
const act = (actions: unknown, headers = EDITOR) => postJson(lake.port, `${v}/data/actions/production`, {actions: Array.isArray(actions) ? actions : [actions]}, headers)
const article = (id: string, title: string) => ({_id: id, _type: 'article', title})

describe('document actions as the Studio sends them', () => {
  it('discards a draft ("Discard changes"): version.discard removes the draft and leaves the published document', async () => {
    expect((await act([{actionType: 'sanity.action.document.edit', draftId: 'drafts.article-ip5-deputy-heads-2023', publishedId: 'article-ip5-deputy-heads-2023', patch: {set: {title: 'A mistaken edit'}}}])).status).toBe(200)
    expect(lake.store.get('drafts.article-ip5-deputy-heads-2023')?.title).toBe('A mistaken edit')
    const discarded = await act({actionType: 'sanity.action.document.version.discard', versionId: 'drafts.article-ip5-deputy-heads-2023'})
    expect(discarded.status).toBe(200)
    expect(lake.store.get('drafts.article-ip5-deputy-heads-2023')).toBeUndefined()
    expect(lake.store.get('article-ip5-deputy-heads-2023')?.title).toBe('2023 Meeting of IP5 Deputy Heads of Office Held Online')
  })

  it('deletes a draft that was never published: the Studio sends version.discard for each of its versions', async () => {
    expect((await act({actionType: 'sanity.action.document.create', publishedId: 'article.abandoned', attributes: article('drafts.article.abandoned', 'New article'), ifExists: 'fail'})).status).toBe(200)
    expect((await act([{actionType: 'sanity.action.document.version.discard', versionId: 'drafts.article.abandoned'}])).status).toBe(200)
    expect(lake.store.get('drafts.article.abandoned')).toBeUndefined()
  })

  it('deletes a published document with its draft and release versions (includeDrafts)', async () => {
    await act([
      {actionType: 'sanity.action.document.create', publishedId: 'article.gone', attributes: article('drafts.article.gone', 'Gone'), ifExists: 'fail'},
      {actionType: 'sanity.action.document.publish', draftId: 'drafts.article.gone', publishedId: 'article.gone'},
      {actionType: 'sanity.action.document.edit', draftId: 'drafts.article.gone', publishedId: 'article.gone', patch: {set: {title: 'Gone, edited'}}},
      {actionType: 'sanity.action.document.version.create', publishedId: 'article.gone', document: article('versions.rgone.article.gone', 'Gone, in a release')},
    ])
    const deleted = await act({actionType: 'sanity.action.document.delete', publishedId: 'article.gone', includeDrafts: ['drafts.article.gone', 'versions.rgone.article.gone']})
    expect(deleted.status).toBe(200)
    for (const id of ['article.gone', 'drafts.article.gone', 'versions.rgone.article.gone']) expect(lake.store.get(id), id).toBeUndefined()
  })

  it('edits and publishes a release version by its id (draftId is the version id, as the Studio sends it)', async () => {
    expect((await act({actionType: 'sanity.action.document.version.create', publishedId: 'article-ip5-deputy-heads-2023', baseId: 'article-ip5-deputy-heads-2023', versionId: 'versions.rnext.article-ip5-deputy-heads-2023'})).status).toBe(200)
    const edited = await act({actionType: 'sanity.action.document.edit', draftId: 'versions.rnext.article-ip5-deputy-heads-2023', publishedId: 'article-ip5-deputy-heads-2023', patch: {set: {title: 'Edited in a release'}}})
    expect(edited.status).toBe(200)
    expect(lake.store.get('versions.rnext.article-ip5-deputy-heads-2023')?.title).toBe('Edited in a release')
    // Reverting a version's "unpublish" mark is an edit of the version too.
    expect((await act({actionType: 'sanity.action.document.version.unpublish', versionId: 'versions.rnext.article-ip5-deputy-heads-2023', publishedId: 'article-ip5-deputy-heads-2023'})).status).toBe(200)
    expect(lake.store.get('versions.rnext.article-ip5-deputy-heads-2023')?._system).toEqual({delete: true})
    expect((await act({actionType: 'sanity.action.document.edit', draftId: 'versions.rnext.article-ip5-deputy-heads-2023', publishedId: 'article-ip5-deputy-heads-2023', patch: {unset: ['_system.delete']}})).status).toBe(200)
    const published = await act({actionType: 'sanity.action.document.publish', draftId: 'versions.rnext.article-ip5-deputy-heads-2023', publishedId: 'article-ip5-deputy-heads-2023'})
    expect(published.status).toBe(200)
    expect(lake.store.get('article-ip5-deputy-heads-2023')?.title).toBe('Edited in a release')
    expect(lake.store.get('versions.rnext.article-ip5-deputy-heads-2023')).toBeUndefined()
  })

  it('strengthens references marked _strengthenOnPublish when publishing, unless the schema asked for a weak one', async () => {
    await act([
      {actionType: 'sanity.action.document.create', publishedId: 'article.refs', ifExists: 'fail', attributes: {
        ...article('drafts.article.refs', 'References'),
        offices: [
          {_key: 'a', _type: 'reference', _ref: 'office-gb', _weak: true, _strengthenOnPublish: {type: 'office'}},
          {_key: 'b', _type: 'reference', _ref: 'office-de', _weak: true, _strengthenOnPublish: {type: 'office', weak: true}},
        ],
      }},
      {actionType: 'sanity.action.document.publish', draftId: 'drafts.article.refs', publishedId: 'article.refs'},
    ])
    expect(lake.store.get('article.refs')?.offices).toEqual([
      {_key: 'a', _type: 'reference', _ref: 'office-gb'},
      {_key: 'b', _type: 'reference', _ref: 'office-de', _weak: true},
    ])
  })

  it('checks ids as hosted: a draftId must be the draft of publishedId; ids of the wrong form are refused with 400', async () => {
    const cases = [
      {actionType: 'sanity.action.document.publish', draftId: 'drafts.office-gb', publishedId: 'article-ip5-deputy-heads-2023'},
      {actionType: 'sanity.action.document.unpublish', draftId: 'versions.r1.article-ip5-deputy-heads-2023', publishedId: 'article-ip5-deputy-heads-2023'},
      {actionType: 'sanity.action.document.edit', draftId: 'drafts.article.x', publishedId: 'drafts.article.x', patch: {}},
      {actionType: 'sanity.action.document.version.discard', versionId: 'article-ip5-deputy-heads-2023'},
      {actionType: 'sanity.action.document.nonsense'},
    ]
    for (const action of cases) {
      const response = await act(action)
      expect(response.status, JSON.stringify(action)).toBe(400)
      expect(response.json().error.description).toMatch(/draft|version|publishedId|not supported/)
    }
  })

  it('answers a dry run as the commit would, and changes nothing', async () => {
    const response = await postJson(lake.port, `${v}/data/actions/production`, {actions: [{actionType: 'sanity.action.release.create', releaseId: 'rdry', metadata: {title: 'Dry'}}], dryRun: true})
    expect(response.status).toBe(200)
    expect(lake.store.get('_.releases.rdry')).toBeUndefined()
  })

  it('serves the references check of the delete dialog: no cross-dataset references, and the internal ones on request', async () => {
    const studio = await raw(lake.port, `${v}/data/references/production/documents/office-kr/to?excludeInternalReferences=true&excludePaths=true`)
    expect(studio.status).toBe(200)
    expect(studio.json()).toEqual({totalCount: 0, references: []})
    const all = (await raw(lake.port, `${v}/data/references/production/documents/office-kr/to`)).json()
    expect(all.references.map((reference: {documentId: string}) => reference.documentId), JSON.stringify(all)).toEqual(['article-ip5-deputy-heads-2023', 'article-ip5-deputy-heads-2023-zh-hans', 'event-ip5-deputy-heads-2023', 'forum-id5', 'forum-ip5', 'forum-tm5', 'person-ryu-donghyun'])
  })
})
