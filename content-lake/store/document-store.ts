import {mkdirSync} from 'node:fs'

import {LakeError} from '../errors.ts'
import {newTransactionId} from './document-ids.ts'
import {Indexes} from './indexes.ts'
import {TransactionLog, type TransactionRecord} from './transaction-log.ts'

export type Doc = {_id: string; _type: string; _rev?: string; [key: string]: unknown}

export interface DocumentChange {
  id: string
  /** The document after the transaction, or null to delete it. */
  after: Doc | null
  /** When set, the transaction fails with 409 unless the document has this revision now. */
  ifRevisionId?: string
}

export interface CommitOptions {
  transactionId?: string
  /** Who made the change: the user id the listener events and the history report. */
  author?: string
  now?: Date
}

type Listener = (record: TransactionRecord, before: Map<string, Doc | null>) => void

// Compact once the log holds this many transactions: replaying it stays fast on start.
const COMPACT_AFTER = 1000

/**
 * The dataset: documents by id, indexes by type and reference, and the transaction log that makes
 * every acknowledged change survive a crash. All changes go through `commit`, all or nothing.
 */
export class DocumentStore {
  private readonly documents = new Map<string, Doc>()
  readonly indexes = new Indexes()
  private readonly log: TransactionLog
  private readonly listeners = new Set<Listener>()
  private transactionsSinceCompaction = 0
  private cachedArray: Doc[] | undefined

  /** The data folder: snapshot, log, and what lives beside the documents (uploaded assets). */
  readonly directory: string

  private constructor(directory: string) {
    this.directory = directory
    mkdirSync(directory, {recursive: true})
    this.log = new TransactionLog(directory)
  }

  /** Opens the data folder, replaying snapshot and log; seeds it when it is empty and a seed is given. */
  static open(directory: string, seed?: () => Doc[]): DocumentStore {
    const store = new DocumentStore(directory)
    const {snapshot, transactions} = store.log.load()
    for (const doc of snapshot) store.put(doc._id, doc)
    for (const record of transactions) for (const change of record.changes) store.put(change.id, change.after)
    store.transactionsSinceCompaction = transactions.length
    if (store.documents.size === 0 && transactions.length === 0 && seed) store.reset(seed())
    return store
  }

  get size() {
    return this.documents.size
  }

  get(id: string): Doc | undefined {
    return this.documents.get(id)
  }

  /** All documents as one array (what groq-js evaluates over), rebuilt only after a change. */
  all(): readonly Doc[] {
    this.cachedArray ??= [...this.documents.values()]
    return this.cachedArray
  }

  onTransaction(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Applies changes as one transaction: checks revisions first, writes and fsyncs the log, then
   * updates memory and tells listeners. Nothing changes when a check fails.
   */
  commit(changes: DocumentChange[], {transactionId = newTransactionId(), author, now = new Date()}: CommitOptions = {}): TransactionRecord {
    for (const change of changes) {
      const current = this.documents.get(change.id)
      if (change.ifRevisionId !== undefined && current?._rev !== change.ifRevisionId) {
        throw new LakeError(
          409,
          'conflict',
          `Document "${change.id}" has revision ${current?._rev ?? '(none: it does not exist)'}, not the expected ${change.ifRevisionId}`,
        )
      }
    }
    const timestamp = now.toISOString()
    const before = new Map<string, Doc | null>()
    const record: TransactionRecord = {
      transactionId,
      timestamp,
      ...(author ? {author} : {}),
      changes: changes.map((change) => {
        const current = this.documents.get(change.id) ?? null
        if (!before.has(change.id)) before.set(change.id, current)
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
    this.log.append(record)
    for (const change of record.changes) this.put(change.id, change.after)
    if (++this.transactionsSinceCompaction >= COMPACT_AFTER) this.compact()
    for (const listener of this.listeners) listener(record, before)
    return record
  }

  /** Replaces everything with `documents` (the reset command), durably. */
  reset(documents: Doc[]) {
    // Deleting the current entry while iterating a Map is safe.
    for (const id of this.documents.keys()) this.put(id, null)
    const transactionId = newTransactionId()
    const timestamp = new Date().toISOString()
    for (const doc of documents) {
      this.put(doc._id, {...doc, _createdAt: doc._createdAt ?? timestamp, _updatedAt: doc._updatedAt ?? timestamp, _rev: doc._rev ?? transactionId})
    }
    this.compact()
  }

  compact() {
    this.log.compact(this.documents.values())
    this.transactionsSinceCompaction = 0
  }

  close() {
    this.log.close()
  }

  private put(id: string, doc: Doc | null) {
    const current = this.documents.get(id)
    if (current) this.indexes.remove(current)
    if (doc) {
      this.documents.set(id, doc)
      this.indexes.add(doc)
    } else {
      this.documents.delete(id)
    }
    this.cachedArray = undefined
  }
}
