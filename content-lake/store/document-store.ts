import {existsSync, mkdirSync, rmSync} from 'node:fs'

import {LakeError} from '../errors.ts'
import {historyPath} from '../history/history-file.ts'
import {newTransactionId} from './document-ids.ts'
import {assertReferentialIntegrity} from './referential-integrity.ts'
import {SerializedDocuments} from './serialized-documents.ts'
import {snapshotIndexMatches, type SnapshotIndex} from './snapshot-index.ts'
import {DatasetDamagedError, SnapshotFile, TransactionLog, type TransactionRecord} from './transaction-log.ts'

export type Doc = {_id: string; _type: string; _rev?: string; [key: string]: unknown}

export interface DocumentChange {
  id: string
  /** The document after the transaction, or null to delete it. */
  after: Doc | null
  /** When set, the transaction fails with 409 unless the document has this revision now. */
  ifRevisionId?: string
}

/** A change as a permission check sees it: the document before and after (null when absent). */
export interface CheckedChange {
  id: string
  before: Doc | null
  after: Doc | null
}

export interface CommitOptions {
  /** A client-chosen transaction id: refused with 409 when the dataset has used it before. */
  transactionId?: string
  /** Throws (a LakeError, 403) when the caller may not make a change; nothing is committed then. */
  authorize?: (change: CheckedChange) => void
  /** Who made the change: the user id the listener events and the history report. */
  author?: string
  now?: Date
  /**
   * Refuse deleting documents strong references point at, and new strong references to missing
   * documents (on unless false: only for storing datasets as they are, such as tests of queries over arbitrary data).
   */
  referentialIntegrity?: boolean
  /** Check everything and answer as the commit would, but write nothing and tell no listener. */
  dryRun?: boolean
}

type Listener = (record: TransactionRecord, before: Map<string, Doc | null>) => void

// Compact once the log holds this many transactions: replaying it stays fast on start.
const COMPACT_AFTER = 1000

/**
 * The dataset: documents by id, indexes by type and reference, and the transaction log that makes
 * every acknowledged change survive a crash. All changes go through `commit`, all or nothing.
 */
export class DocumentStore {
  private readonly documents = new SerializedDocuments()
  private readonly log: TransactionLog
  private readonly listeners = new Set<Listener>()
  private transactionsSinceCompaction = 0
  /** Readers loading the files right now (query workers): compaction waits for them. */
  private readers = 0
  private commits = 0
  /** Every transaction id in the log and every current `_rev`: a new transaction must not reuse one. */
  private readonly usedTransactionIds = new Set<string>()

  /** The data folder: snapshot, log, and what lives beside the documents (uploaded assets). */
  readonly directory: string

  private constructor(directory: string, warn?: (message: string) => void) {
    this.directory = directory
    mkdirSync(directory, {recursive: true})
    this.log = new TransactionLog(directory, warn)
  }

  /**
   * Opens the data folder, replaying snapshot and log; seeds it when it is empty and a seed is given.
   * A damaged file stops opening with DatasetDamagedError (file, line, how to recover). With `reset`,
   * the dataset is replaced by the seed without replaying anything, so it works on any data folder;
   * damaged files are kept beside it as `*.damaged-<time>`.
   */
  static open(directory: string, seed?: () => Doc[], options: {reset?: boolean; warn?: (message: string) => void} = {}): DocumentStore {
    const store = new DocumentStore(directory, options.warn)
    if (options.reset) {
      try {
        store.log.load()
      } catch (error) {
        if (!(error instanceof DatasetDamagedError)) throw error
        const moved = store.log.setAside(new Date().toISOString().replace(/[:.]/g, '-'))
        ;(options.warn ?? console.warn)(`--reset: the damaged dataset files were kept as ${moved.join(', ')}`)
      }
      store.reset(seed?.() ?? [])
      return store
    }
    store.log.replay({
      document: (doc, text) => {
        store.documents.put(doc._id, doc, {text: Buffer.from(text)})
        if (typeof doc._rev === 'string') store.usedTransactionIds.add(doc._rev)
      },
      transaction: (record) => store.replayTransaction(record),
    })
    store.opened(seed)
    return store
  }

  /**
   * As open, with the snapshot parsed and checked by a query worker loading the same files at the same
   * time (`snapshotIndex`, see query-pool's preloadQueryWorker): this thread reads the snapshot's lines
   * as text, takes ids, revisions and index entries from the worker's SnapshotIndex (the indexes are
   * built when first read), and replays the log itself as open does. When the index does not come
   * (undefined: the worker failed, a damaged snapshot among the reasons) or does not describe the lines
   * read here, it opens as open does, parsing everything: what is loaded or refused never depends on
   * the worker.
   */
  static async openWithSnapshotIndex(
    directory: string,
    snapshotIndex: Promise<SnapshotIndex | undefined>,
    seed?: () => Doc[],
    options: {reset?: boolean; warn?: (message: string) => void} = {},
  ): Promise<DocumentStore> {
    if (options.reset) return DocumentStore.open(directory, seed, options)
    const store = new DocumentStore(directory, options.warn)
    // Held open from now on: the lines found here are the ones read back later, whatever is renamed.
    const file = existsSync(store.log.snapshotPath) ? new SnapshotFile(store.log.snapshotPath) : undefined
    const {offsets, lengths} = file?.lines() ?? {offsets: [], lengths: []}
    const index = await snapshotIndex
    if (!index || !snapshotIndexMatches(index, lengths)) {
      file?.close()
      return DocumentStore.open(directory, seed, options)
    }
    store.documents.putUnparsed(file, offsets.map((offset, i) => ({id: index.ids[i]!, offset, length: lengths[i]!, entry: i})), {entries: index.entries, types: index.types})
    for (const rev of index.revs) if (typeof rev === 'string') store.usedTransactionIds.add(rev)
    store.log.replayTransactions((record) => store.replayTransaction(record))
    store.opened(seed)
    return store
  }

  private replayTransaction(record: TransactionRecord) {
    this.transactionsSinceCompaction++
    this.usedTransactionIds.add(record.transactionId)
    for (const change of record.changes) this.put(change.id, change.after)
  }

  /** After replaying: an empty data folder is seeded. */
  private opened(seed: (() => Doc[]) | undefined) {
    // Documents written by the log's transactions carry those transactions' ids as their revisions.
    if (this.documents.size === 0 && this.transactionsSinceCompaction === 0 && seed) this.reset(seed())
  }

  /**
   * Lets another reader (a query worker) load the snapshot and the log from disk: until the returned
   * function is called, no compaction replaces the snapshot and empties the log under it. Every
   * transaction is on disk before listeners hear of it, so such a reader sees at least the state at
   * the time it asked, and the transactions it hears of afterwards bring it up to date.
   */
  readLease(): () => void {
    this.readers++
    let released = false
    return () => {
      if (released) return
      released = true
      this.readers--
    }
  }

  /** The log as on disk: the snapshot and the transactions since, for history to catch up from. */
  get logFiles(): Pick<TransactionLog, 'readTransactions' | 'readSnapshot'> {
    return this.log
  }

  /** Whether a transaction id was used by a transaction or is a document's current revision. */
  hasTransaction(id: string): boolean {
    return this.usedTransactionIds.has(id)
  }

  /** Goes up with every committed transaction: whether the dataset changed between two moments. */
  get version(): number {
    return this.commits
  }

  get size() {
    return this.documents.size
  }

  /** The document, parsed anew: changing it changes nothing stored. */
  get(id: string): Doc | undefined {
    return this.documents.get(id)
  }

  has(id: string): boolean {
    return this.documents.has(id)
  }

  ids(): IterableIterator<string> {
    return this.documents.ids()
  }

  get indexes() {
    return this.documents.indexes
  }

  /** The ids of a type's documents, as `indexes.idsOfType` gives them, without building the other indexes for it. */
  idsOfType(type: string): ReadonlySet<string> {
    return this.documents.idsOfType(type)
  }

  /** All documents as one array (what groq-js evaluates over in this thread), parsed again only after a change. */
  all(): readonly Doc[] {
    return this.documents.all()
  }

  onTransaction(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Applies changes as one transaction: checks permissions, revisions and referential integrity first, writes and fsyncs the log, then
   * updates memory and tells listeners. Nothing changes when a check fails.
   */
  commit(changes: DocumentChange[], {transactionId, author, authorize, now = new Date(), referentialIntegrity = true, dryRun = false}: CommitOptions = {}): TransactionRecord {
    if (transactionId !== undefined && this.usedTransactionIds.has(transactionId)) {
      throw new LakeError(409, 'transactionIdConflict', `Transaction id "${transactionId}" has been used before: transaction ids must be unique`)
    }
    transactionId ??= this.newUnusedTransactionId()
    // Each document as it is before the transaction, parsed once.
    const before = new Map<string, Doc | null>()
    for (const change of changes) if (!before.has(change.id)) before.set(change.id, this.documents.get(change.id) ?? null)
    for (const change of changes) {
      const current = before.get(change.id)
      authorize?.({id: change.id, before: current ?? null, after: change.after})
      if (change.ifRevisionId !== undefined && current?._rev !== change.ifRevisionId) {
        throw new LakeError(
          409,
          'conflict',
          `Document "${change.id}" has revision ${current?._rev ?? '(none: it does not exist)'}, not the expected ${change.ifRevisionId}`,
        )
      }
    }
    if (referentialIntegrity) assertReferentialIntegrity(new Map(changes.map((change) => [change.id, change.after])), this.documents, this.documents.indexes)
    const timestamp = now.toISOString()
    const record: TransactionRecord = {
      transactionId,
      timestamp,
      ...(author ? {author} : {}),
      changes: changes.map((change) => {
        const current = before.get(change.id) ?? null
        const after = change.after && {
          ...change.after,
          _id: change.id,
          _createdAt: current?._createdAt ?? change.after._createdAt ?? timestamp,
          _updatedAt: timestamp,
          _rev: transactionId,
        }
        return {id: change.id, previousRev: current?._rev ?? null, after}
      }),
    }
    if (dryRun) return record
    this.log.append(record)
    this.usedTransactionIds.add(transactionId)
    this.commits++
    // What each document is as the changes are stored, so the indexes drop the right state (parsed once).
    const stored = new Map(before)
    for (const change of record.changes) {
      this.documents.put(change.id, change.after, {current: stored.get(change.id) ?? null})
      stored.set(change.id, change.after)
    }
    if (++this.transactionsSinceCompaction >= COMPACT_AFTER && this.readers === 0) this.compactQuietly()
    for (const listener of this.listeners) {
      // A listener's failure is its own: the transaction is committed and every other listener hears of it.
      try {
        listener(record, before)
      } catch (error) {
        console.error('A transaction listener failed:', error)
      }
    }
    return record
  }

  private newUnusedTransactionId(): string {
    let id = newTransactionId()
    while (this.usedTransactionIds.has(id)) id = newTransactionId()
    return id
  }

  /** Compaction after a commit is housekeeping: when it cannot write, the log still holds everything. */
  private compactQuietly() {
    try {
      this.compact()
    } catch (error) {
      console.error(`Compaction skipped: ${(error as Error).message}`)
    }
  }

  /** Replaces everything with `documents` (the reset command), durably; the old documents' history goes too. */
  reset(documents: Doc[]) {
    rmSync(historyPath(this.directory), {force: true})
    this.commits++
    this.documents.clear()
    const transactionId = this.newUnusedTransactionId()
    this.usedTransactionIds.add(transactionId)
    const timestamp = new Date().toISOString()
    for (const doc of documents) {
      if (typeof doc._rev === 'string') this.usedTransactionIds.add(doc._rev)
      this.put(doc._id, {...doc, _createdAt: doc._createdAt ?? timestamp, _updatedAt: doc._updatedAt ?? timestamp, _rev: doc._rev ?? transactionId})
    }
    this.compact()
  }

  compact() {
    this.documents.compact(this.log, (path) => new SnapshotFile(path))
    this.transactionsSinceCompaction = 0
  }

  close() {
    this.log.close()
    this.documents.close()
  }

  private put(id: string, doc: Doc | null) {
    this.documents.put(id, doc)
  }
}
