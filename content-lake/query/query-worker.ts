/**
 * A query worker: a copy of the dataset, kept in step with the store's transactions, answering GROQ
 * with the same StoreQueries the lake would run on its main thread. Runs in a worker thread so two
 * cores answer two queries, and a slow query holds only its own worker (see query-pool.ts).
 */
import {parentPort, workerData} from 'node:worker_threads'

import {LakeError} from '../errors.ts'
import {DocumentSet} from '../store/document-set.ts'
import type {Doc, DocumentStore} from '../store/document-store.ts'
import {indexEntryOf} from '../store/indexes.ts'
import {addToSnapshotLines, emptySnapshotLines, encodeSnapshotHead, snapshotEntriesInSteps} from '../store/snapshot-index.ts'
import {TransactionLog} from '../store/transaction-log.ts'
import {StoreQueries} from './query-store.ts'
import {queryErrorOf, withDeadline} from './time-limit.ts'
import type {WorkerReply, WorkerRequest} from './query-pool.ts'

// The dataset from disk, read here rather than copied from the main thread, which goes on serving. The
// transactions the store sends from now on (queued until the handler below is attached) bring it to the
// store's state; replaying one this copy already has is harmless, as each carries whole documents.
// Only queries run here: no strong-reference index (the main thread's referential integrity reads its own).
// The reference and slug indexes are built once the main thread has what it needs (below).
const documents = new DocumentSet([], {strongReferences: false, deferReferences: true})
// The worker preloaded as the store opens also tells the main thread what it found in the snapshot, so
// that the main thread need not parse it too (DocumentStore.openWithSnapshotIndex).
const snapshotLines = workerData.snapshotIndex === true ? emptySnapshotLines() : undefined
new TransactionLog(workerData.directory as string).replay(
  {
    document: (doc, text) => {
      const entry = indexEntryOf(doc)
      documents.put(doc._id, doc, entry)
      if (snapshotLines) addToSnapshotLines(snapshotLines, doc, text.length, entry)
    },
    transaction: (record) => documents.apply(record.changes),
  },
  {repair: false},
)
// StoreQueries reads only all(), indexes and get(): the worker's copy has them.
const queries = new StoreQueries(documents as unknown as DocumentStore)

// A worker thread's port, not a window: no target origin, the second argument is the list of buffers to move.
const reply = (message: WorkerReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer)

// Results go to the main thread as UTF-8 bytes in buffers of their own, moved rather than copied: the main
// thread writes them to the response as they are, without encoding (or copying) the text again.
const encoder = new TextEncoder()

// What opening needs first; then this worker is ready for queries; then, while the main thread opens the
// store and starts listening, the index entries it needs later, and this worker's own deferred indexes.
if (snapshotLines) {
  const head = encodeSnapshotHead(snapshotLines)
  reply({type: 'snapshotIndex', bytes: head}, [head.buffer as ArrayBuffer])
}
reply({type: 'ready'})
// A part at a time, so that a query coming meanwhile (the first comes as soon as the server listens) is
// answered between two parts rather than after the whole.
let entriesStep = snapshotLines && snapshotEntriesInSteps(snapshotLines)
// First the dataset in `_id` order and the views sites and the Studio ask in, which the first query would otherwise wait for.
let viewsBuilt = false
const background = () => {
  if (!viewsBuilt) {
    viewsBuilt = true
    for (const perspective of ['published', 'raw'] as const) queries.view(perspective)
    return setImmediate(background)
  }
  if (entriesStep) {
    const entries = entriesStep()
    if (entries) {
      entriesStep = undefined
      reply({type: 'snapshotEntries', bytes: entries}, [entries.buffer as ArrayBuffer])
    }
    return setImmediate(background)
  }
  if (!documents.indexes.settle(5_000)) setImmediate(background)
}
setImmediate(background)

parentPort!.on('message', async (message: WorkerRequest) => {
  if (message.type === 'changes') {
    for (const change of message.changes) documents.put(change.id, change.after as Doc | null)
    return
  }
  const started = performance.now()
  try {
    const pending = withDeadline(message.timeoutMs, () => queries.answerJson(message.query, message.params, message.perspective as never, {sourceMap: message.sourceMap}))
    const {json: text, syncTags, resultSourceMap} = await pending
    const sourceMapJson = resultSourceMap && JSON.stringify(resultSourceMap)
    const json = encoder.encode(text)
    const sourceMap = sourceMapJson ? encoder.encode(sourceMapJson) : undefined
    const transfer = [json.buffer, ...(sourceMap ? [sourceMap.buffer] : [])]
    reply({type: 'result', id: message.id, json, syncTags, ms: performance.now() - started, ...(sourceMap ? {sourceMap} : {})}, transfer)
  } catch (error) {
    const lakeError = queryErrorOf(error)
    reply({type: 'error', id: message.id, status: lakeError.status, errorType: lakeError.type, message: lakeError.message})
  }
})

export type {LakeError}
