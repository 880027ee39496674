import {readFileSync, rmSync} from 'node:fs'
import {join} from 'node:path'

import {afterAll, describe, expect, it} from 'vitest'

import {postJson, raw, startLake, type InProcessLake} from '../support/lake.ts'

// History as the Studio's history panel reads it, kept across restarts.

const v = '/v2025-02-19'
let lake: InProcessLake | undefined
afterAll(async () => lake?.close())

const act = (...actions: unknown[]) => postJson(lake!.port, `${v}/data/actions/production`, {actions})
const events = async (id: string, search = 'limit=100') => (await raw(lake!.port, `${v}/data/history/production/events/documents/${id}?${search}`)).json()
const transactions = async (id: string) =>
  (await raw(lake!.port, `${v}/data/history/production/transactions/${id}?excludeContent=true&effectFormat=mendoza`)).text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line))

describe('history', () => {
  it('lists created, published, unpublished and deleted events newest first, and keeps them and the transactions after a restart', async () => {
    lake = await startLake()
    const directory = lake.directory
    await act({actionType: 'sanity.action.document.create', publishedId: 'article.h', attributes: {_id: 'drafts.article.h', _type: 'article', title: 'H'}, ifExists: 'fail'})
    await act({actionType: 'sanity.action.document.edit', draftId: 'drafts.article.h', publishedId: 'article.h', patch: {set: {title: 'H, edited'}}})
    await act({actionType: 'sanity.action.document.publish', draftId: 'drafts.article.h', publishedId: 'article.h'})
    await act({actionType: 'sanity.action.document.unpublish', draftId: 'drafts.article.h', publishedId: 'article.h'})
    await act({actionType: 'sanity.action.document.publish', draftId: 'drafts.article.h', publishedId: 'article.h'})
    const expected = ['publishDocumentVersion', 'unpublishDocument', 'publishDocumentVersion', 'createDocumentVersion']
    expect((await events('article.h')).events['article.h'].map((event: {type: string}) => event.type)).toEqual(expected)
    const before = await transactions('drafts.article.h')

    await lake.close()
    lake = await startLake({directory})
    const after = await events('article.h')
    expect(after.events['article.h'].map((event: {type: string}) => event.type)).toEqual(expected)
    expect(after.events['article.h'][0]).toMatchObject({type: 'publishDocumentVersion', documentId: 'article.h', versionId: 'drafts.article.h', publishCause: 'document.publish', revisionId: lake.store.get('article.h')?._rev})
    // The draft's events are those of its group, under the id asked for.
    expect((await events('drafts.article.h')).events['drafts.article.h']).toHaveLength(4)
    expect(await transactions('drafts.article.h')).toEqual(before)
    const published = await raw(lake.port, `${v}/data/history/production/documents/article.h?revision=${before.at(-1).id}`)
    expect(published.json().documents[0]).toMatchObject({_id: 'article.h', title: 'H, edited'})

    expect((await postJson(lake.port, `${v}/data/actions/production`, {actions: [{actionType: 'sanity.action.document.delete', publishedId: 'article.h', includeDrafts: []}]})).status).toBe(200)
    expect((await events('article.h')).events['article.h'][0]).toMatchObject({type: 'deleteDocumentGroup', documentId: 'article.h'})
    expect(readFileSync(join(directory, 'history.ndjson'), 'utf8').split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(6)
  })

  it('answers the Studio\'s revision lookup for a published document, its draft and version together', async () => {
    await act({actionType: 'sanity.action.document.create', publishedId: 'article.r', attributes: {_id: 'drafts.article.r', _type: 'article', title: 'R'}, ifExists: 'fail'})
    await act({actionType: 'sanity.action.document.publish', draftId: 'drafts.article.r', publishedId: 'article.r'})
    const publishRevision = lake!.store.get('article.r')!._rev
    await act({actionType: 'sanity.action.document.edit', draftId: 'drafts.article.r', publishedId: 'article.r', patch: {set: {title: 'R, edited'}}})
    const editRevision = lake!.store.get('drafts.article.r')!._rev
    // As getDocumentAtRevision asks: every id of the document, one revision; each as it was then.
    const atEdit = (await raw(lake!.port, `${v}/data/history/production/documents/article.r,drafts.article.r?revision=${editRevision}`)).json().documents
    expect(atEdit.map((doc: {_id: string; title: string}) => [doc._id, doc.title])).toEqual([['article.r', 'R'], ['drafts.article.r', 'R, edited']])
    const atPublish = (await raw(lake!.port, `${v}/data/history/production/documents/article.r,drafts.article.r?revision=${publishRevision}`)).json().documents
    expect(atPublish.map((doc: {_id: string}) => doc._id)).toEqual(['article.r'])
    await postJson(lake!.port, `${v}/data/actions/production`, {actions: [{actionType: 'sanity.action.document.delete', publishedId: 'article.r', includeDrafts: ['drafts.article.r']}]})
    const last = (await raw(lake!.port, `${v}/data/history/production/documents/article.r,drafts.article.r?lastRevision=true`)).json().documents
    expect(last.map((doc: {_id: string; title: string}) => [doc._id, doc.title])).toEqual([['article.r', 'R'], ['drafts.article.r', 'R, edited']])
  })

  it('pages events with nextCursor', async () => {
    const first = await events('article.h', 'limit=2')
    expect(first.events['article.h']).toHaveLength(2)
    expect(first.nextCursor).toBe('2')
    const rest = await events('article.h', 'limit=100&nextCursor=2')
    expect(rest.events['article.h'].at(-1).type).toBe('createDocumentVersion')
    expect(rest.nextCursor).toBe('')
  })

  it('takes in the transactions of a data folder that has a log but no history file yet', async () => {
    const directory = lake!.directory
    await act({actionType: 'sanity.action.document.create', publishedId: 'article.k', attributes: {_id: 'drafts.article.k', _type: 'article', title: 'K'}, ifExists: 'fail'})
    await act({actionType: 'sanity.action.document.publish', draftId: 'drafts.article.k', publishedId: 'article.k'})
    await lake!.close()
    rmSync(join(directory, 'history.ndjson'))
    lake = await startLake({directory})
    expect((await events('article.k')).events['article.k'].map((event: {type: string}) => event.type)).toEqual(['publishDocumentVersion', 'createDocumentVersion'])
  })
})

describe('history retention', () => {
  it('keeps the newest transactions, trims its file once it holds a quarter more, and reloads what it kept', async () => {
    const {DocumentStore} = await import('../../content-lake/store/document-store.ts')
    const {HistoryLog} = await import('../../content-lake/history/history-log.ts')
    const {mkdtempSync} = await import('node:fs')
    const {tmpdir} = await import('node:os')
    const directory = mkdtempSync(join(tmpdir(), 'lake-history-'))
    const store = DocumentStore.open(directory)
    const history = new HistoryLog(store, {keep: 4})
    for (let i = 1; i <= 6; i++) store.commit([{id: 'note', after: {_id: 'note', _type: 'note', n: i}}])
    const lines = () => readFileSync(join(directory, 'history.ndjson'), 'utf8').split('\n').filter(Boolean).length
    // 6 > 4 + 1: trimmed to the newest 4, the oldest of them with the state it started from.
    expect(lines()).toBe(4)
    const query = {limit: 100, reverse: false, withEffects: true, withMutations: false}
    const kept = history.transactionRows(['note'], query) as {effects: {note: {apply: [0, {n: number}], revert: [0, {n: number} | null]}}}[]
    expect(kept.map((row) => row.effects.note.apply[1].n)).toEqual([3, 4, 5, 6])
    expect(kept[0]!.effects.note.revert[1]).toMatchObject({n: 2})
    store.close()
    const reopened = DocumentStore.open(directory)
    const again = new HistoryLog(reopened, {keep: 4})
    expect(again.transactionRows(['note'], query)).toEqual(kept)
    reopened.close()
  })
})
