import {cpSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {preloadQueryWorker} from '../../content-lake/query/query-pool.ts'
import {DocumentStore, type Doc} from '../../content-lake/store/document-store.ts'
import {DocumentSet} from '../../content-lake/store/document-set.ts'
import type {Indexes} from '../../content-lake/store/indexes.ts'
import type {SnapshotIndex} from '../../content-lake/store/snapshot-index.ts'
import {DatasetDamagedError} from '../../content-lake/store/transaction-log.ts'

// Opening with the snapshot parsed by the preloaded query worker (what `npm run lake` does) loads
// exactly what opening alone loads: the same documents, revisions, index contents and order, the log
// replayed and repaired the same way; a damaged file is refused the same way.

const ref = (id: string, weak = false) => ({_type: 'reference', _ref: id, ...(weak ? {_weak: true} : {})})

const fresh = () => join(mkdtempSync(join(tmpdir(), 'lake-snapshot-index-')), 'production')

function makeDataset(): string {
  const directory = fresh()
  const lines: Doc[] = [
    {_id: 'person.a', _type: 'person', _rev: 'r1', slug: {current: 'a'}},
    {_id: 'person.b', _type: 'person', _rev: 'r2', slug: {current: 'b'}, boss: ref('person.a')},
    // Text beyond ASCII: the lines around it are decoded as UTF-8, the rest of the file as latin1 (transaction-log.ts).
    {_id: 'office.cn', _type: 'office', _rev: 'r6', name: '中华人民共和国国家知识产权局 (CNIPA) 😀', slug: {current: 'cnipa-é'}},
    {_id: 'article.1', _type: 'article', _rev: 'r3', people: [ref('person.a'), ref('person.b', true)], body: [{children: [{markDefs: [ref('person.b')]}]}]},
    // A line that spans two of the 4 MB chunks, and an id twice (the later line wins).
    {_id: 'article.big', _type: 'article', _rev: 'r4', text: 'x'.repeat(5 * 1024 * 1024), author: ref('person.a')},
    {_id: 'person.a', _type: 'person', _rev: 'r5', slug: {current: 'a2'}},
    {_id: 'article.2', _type: 'article', slug: {current: 'two'}, author: ref('person.b')},
  ]
  DocumentStore.open(directory, () => []).close()
  // Written by hand: an empty line, and the last line without its newline (still a document).
  writeFileSync(join(directory, 'snapshot.ndjson'), `${lines.slice(0, 4).map((doc) => JSON.stringify(doc)).join('\n')}\n\n${lines.slice(4).map((doc) => JSON.stringify(doc)).join('\n')}`)
  const store = DocumentStore.open(directory)
  store.commit([{id: 'article.1', after: {_id: 'article.1', _type: 'article', people: [ref('person.b')]}}])
  store.commit([{id: 'article.2', after: null}])
  store.commit([{id: 'event.1', after: {_id: 'event.1', _type: 'event', slug: {current: 'a'}, host: ref('person.a', true)}}])
  store.close()
  // A torn last line: dropped with a message by whichever way opens.
  writeFileSync(join(directory, 'transactions.ndjson'), `${readFileSync(join(directory, 'transactions.ndjson'), 'utf8')}{"transactionId":"torn"`)
  return directory
}

let template: string | undefined
/** A copy of one dataset made once (transaction ids and times are drawn as it is made). */
function dataset(): string {
  template ??= makeDataset()
  const directory = fresh()
  cpSync(template, directory, {recursive: true})
  return directory
}

const sets = (index: Map<string, Set<string>>) => [...index].map(([key, ids]) => [key, [...ids]])
const indexContents = (indexes: Indexes) => [indexes.byType, indexes.byReference, indexes.byStrongReference, indexes.bySlug].map(sets)

function contents(store: DocumentStore) {
  return {
    ids: [...store.ids()],
    documents: [...store.ids()].map((id) => store.get(id)),
    revisions: ['r1', 'r2', 'r3', 'r4', 'r5', 'torn', 'nope'].map((id) => store.hasTransaction(id)),
  }
}

/**
 * The dataset opened alone, and opened with the index a preloaded worker sends (each on its own copy of
 * the files): with the entries the worker sends after its head, or, with `withoutEntries`, as if they
 * never came (the main thread then makes them from the documents).
 */
async function bothWays(make: () => string, {withoutEntries = false} = {}) {
  const warnings: string[][] = [[], []]
  const alone = DocumentStore.open(make(), undefined, {warn: (message) => warnings[0]!.push(message)})
  const directory = make()
  const preloaded = preloadQueryWorker(directory)
  const sent = await preloaded.snapshotIndex
  await preloaded.entriesArrived
  const index = sent && withoutEntries ? {...sent, entries: () => undefined} : sent
  const withIndex = await DocumentStore.openWithSnapshotIndex(directory, Promise.resolve(index), undefined, {warn: (message) => warnings[1]!.push(message)})
  await preloaded.worker.terminate()
  return {alone, withIndex, index, warnings}
}

describe('opening with the snapshot index of the preloaded worker', () => {
  it.each([{withoutEntries: false}, {withoutEntries: true}])('loads what opening alone loads: documents, revisions, indexes in the same order, the log repaired alike (%o)', async (options) => {
    const {alone, withIndex, index, warnings} = await bothWays(dataset, options)
    expect(index?.ids).toHaveLength(7)
    expect(index?.entries()?.length ?? 0).toBe(options.withoutEntries ? 0 : 7)
    expect(contents(withIndex)).toEqual(contents(alone))
    expect(indexContents(withIndex.indexes)).toEqual(indexContents(alone.indexes))
    expect(warnings[1]!.map((message) => message.replace(/^.*transactions/, ''))).toEqual(warnings[0]!.map((message) => message.replace(/^.*transactions/, '')))
    expect(warnings[1]).toHaveLength(1)
    // Both go on alike: referential integrity, a change and a compaction, then opening again.
    for (const store of [alone, withIndex]) {
      expect(() => store.commit([{id: 'person.a', after: null}])).toThrow(/article.big/)
      store.commit([{id: 'person.b', after: {_id: 'person.b', _type: 'person', slug: {current: 'b2'}}}], {transactionId: 'tx-b2', now: new Date(0)})
      store.compact()
    }
    expect(contents(withIndex)).toEqual(contents(alone))
    expect(indexContents(withIndex.indexes)).toEqual(indexContents(alone.indexes))
    const reopened = DocumentStore.open(withIndex.directory)
    // (Revisions only of the documents as compacted: a compaction forgets the transactions it folds in.)
    expect(contents(reopened).documents).toEqual(contents(alone).documents)
    for (const store of [alone, withIndex, reopened]) store.close()
  }, 30_000)

  it('builds the indexes only once read, with every change since in them', async () => {
    const {alone, withIndex} = await bothWays(dataset)
    // By type before they are built (what the release scheduler asks), order included: the snapshot's
    // documents by the types the worker sent first, the log's by their own.
    for (const type of ['person', 'article', 'office', 'event', 'nothing']) expect([...withIndex.idsOfType(type)], type).toEqual([...alone.indexes.idsOfType(type)])
    for (const store of [alone, withIndex]) {
      store.commit([{id: 'person.c', after: {_id: 'person.c', _type: 'person', friend: ref('person.a')}}])
      store.commit([{id: 'article.big', after: null}])
    }
    expect(indexContents(withIndex.indexes)).toEqual(indexContents(alone.indexes))
    for (const type of ['person', 'article']) expect([...withIndex.idsOfType(type)]).toEqual([...alone.indexes.idsOfType(type)])
    for (const store of [alone, withIndex]) store.close()
  }, 30_000)

  it('opens as opening alone does when the index does not describe the lines read, or does not come', async () => {
    const directory = dataset()
    const alone = contents(DocumentStore.open(dataset(), undefined, {warn: () => {}}))
    const preloaded = preloadQueryWorker(directory)
    const index = (await preloaded.snapshotIndex)!
    await preloaded.worker.terminate()
    const wrong: SnapshotIndex = {...index, lengths: index.lengths.map((length, i) => (i === 2 ? length + 1 : length))}
    expect(contents(await DocumentStore.openWithSnapshotIndex(directory, Promise.resolve(wrong), undefined, {warn: () => {}}))).toEqual(alone)
    expect(contents(await DocumentStore.openWithSnapshotIndex(dataset(), Promise.resolve(undefined), undefined, {warn: () => {}}))).toEqual(alone)
  }, 30_000)

  it('refuses a damaged snapshot as opening alone does: the worker stops, the index never comes', async () => {
    const directory = dataset()
    const snapshotPath = join(directory, 'snapshot.ndjson')
    const lines = readFileSync(snapshotPath, 'utf8').split('\n')
    lines[1] = '{"_id": "person.b", "_type": '
    writeFileSync(snapshotPath, lines.join('\n'))
    const preloaded = preloadQueryWorker(directory)
    expect(await preloaded.snapshotIndex).toBeUndefined()
    const refused = await DocumentStore.openWithSnapshotIndex(directory, preloaded.snapshotIndex).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(DatasetDamagedError)
    expect((refused as DatasetDamagedError).message).toMatch(/snapshot\.ndjson, line 2: not valid JSON/)
    expect(() => DocumentStore.open(directory)).toThrow((refused as Error).message)
  }, 30_000)

  it('loads the same documents and indexes in a query worker, whose reference and slug indexes wait until read', async () => {
    const directory = dataset()
    const alone = DocumentStore.open(dataset(), undefined, {warn: () => {}})
    // As the worker keeps them: built as documents come, or deferred, through puts, replacements and deletions.
    const eager = new DocumentSet([], {strongReferences: false})
    const deferred = new DocumentSet([], {strongReferences: false, deferReferences: true})
    for (const set of [eager, deferred]) {
      for (const id of alone.ids()) set.put(id, alone.get(id)!)
      set.put('person.b', {_id: 'person.b', _type: 'person', slug: {current: 'b2'}, boss: ref('office.cn')})
      set.put('article.1', null)
      set.put('article.3', {_id: 'article.3', _type: 'article', people: [ref('person.b')], slug: {current: 'b2'}})
    }
    const readable = (indexes: Indexes) => [indexes.byType, indexes.byReference, indexes.bySlug].map(sets)
    expect(readable(deferred.indexes)).toEqual(readable(eager.indexes))
    expect([...deferred.indexes.idsReferencing('office.cn')]).toEqual(['person.b'])
    expect([...deferred.indexes.idsWithSlug('b2')]).toEqual(['person.b', 'article.3'])
    // The worker's index, from its own parse, describes the main thread's documents line for line.
    const preloaded = preloadQueryWorker(directory)
    const index = (await preloaded.snapshotIndex)!
    await preloaded.entriesArrived
    await preloaded.worker.terminate()
    expect(index.ids).toContain('office.cn')
    expect(index.entries()?.[index.ids.indexOf('office.cn')]).toEqual({type: 'office', slug: 'cnipa-é', all: [], strong: []})
    alone.close()
  }, 30_000)
})
