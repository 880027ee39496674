import {LakeError} from '../errors.ts'
import type {Doc, DocumentStore} from '../store/document-store.ts'
import {wholeValueEffects} from '../store/effects.ts'
import type {TransactionRecord} from '../store/transaction-log.ts'

interface Revision {
  transactionId: string
  timestamp: string
  author: string
  /** Every document the transaction changed, as the history API lists them. */
  documentIds: string[]
  before: Doc | null
  after: Doc | null
}

// Enough for the Studio's history panel (it pages 50 at a time); older revisions fall off.
const KEEP_PER_DOCUMENT = 500

export interface TransactionQuery {
  limit: number
  reverse: boolean
  fromTransaction?: string
  toTransaction?: string
  withEffects: boolean
  withMutations: boolean
}

/**
 * Document history for the Studio's history panel (/data/history): each document's revisions since
 * this server started, in memory. The hosted Content Lake keeps history for a plan's retention period;
 * here a restart begins a new history (the documents themselves are durable in the store).
 */
export class HistoryLog {
  private readonly revisions = new Map<string, Revision[]>()

  constructor(store: DocumentStore) {
    store.onTransaction((record, before) => this.record(record, before))
  }

  private record(record: TransactionRecord, before: Map<string, Doc | null>) {
    const documentIds = record.changes.map((change) => change.id)
    for (const change of record.changes) {
      const list = this.revisions.get(change.id) ?? []
      list.push({transactionId: record.transactionId, timestamp: record.timestamp, author: record.author ?? 'unknown', documentIds, before: before.get(change.id) ?? null, after: change.after})
      if (list.length > KEEP_PER_DOCUMENT) list.splice(0, list.length - KEEP_PER_DOCUMENT)
      this.revisions.set(change.id, list)
    }
  }

  /** Transactions touching any of `ids`, oldest first (or newest first with reverse), as NDJSON rows. */
  transactions(ids: string[], query: TransactionQuery): unknown[] {
    const byTransaction = new Map<string, {timestamp: string; author: string; documentIDs: string[]; effects: Record<string, unknown>; mutations: unknown[]}>()
    for (const id of ids) {
      for (const revision of this.revisions.get(id) ?? []) {
        const row = byTransaction.get(revision.transactionId) ?? {timestamp: revision.timestamp, author: revision.author, documentIDs: revision.documentIds, effects: {}, mutations: []}
        row.effects[id] = wholeValueEffects(revision.before, revision.after)
        row.mutations.push(revision.after ? {createOrReplace: revision.after} : {delete: {id}})
        byTransaction.set(revision.transactionId, row)
      }
    }
    let rows = [...byTransaction].toSorted(([, a], [, b]) => a.timestamp.localeCompare(b.timestamp)).map(([id, row]) => ({id, ...row}))
    const from = query.fromTransaction ? rows.findIndex((row) => row.id === query.fromTransaction) : -1
    if (from >= 0) rows = rows.slice(from)
    const to = query.toTransaction ? rows.findIndex((row) => row.id === query.toTransaction) : -1
    if (to >= 0) rows = rows.slice(0, to + 1)
    if (query.reverse) rows.reverse()
    return rows.slice(0, query.limit).map(({effects, mutations, ...row}) => ({
      ...row,
      ...(query.withEffects ? {effects} : {}),
      ...(query.withMutations ? {mutations} : {}),
    }))
  }

  /** The document as it was after a transaction (`revision`) or at a moment (`time`). */
  documentAt(id: string, at: {revision?: string; time?: string}, current: Doc | undefined): Doc | null {
    const list = this.revisions.get(id) ?? []
    if (at.revision) {
      const revision = list.find((entry) => entry.transactionId === at.revision)
      if (revision) return revision.after
      if (current?._rev === at.revision) return current
      throw new LakeError(404, 'revisionNotFound', `No revision ${at.revision} of "${id}" in this server's history`)
    }
    if (at.time) {
      const time = Date.parse(at.time)
      if (Number.isNaN(time)) throw new LakeError(400, 'invalidTime', `"${at.time}" is not a date and time`)
      const earlier = list.filter((entry) => Date.parse(entry.timestamp) <= time).at(-1)
      if (earlier) return earlier.after
      // Before the first change this server saw: the state that change started from.
      return list.length === 0 ? (current ?? null) : list[0]!.before
    }
    return current ?? null
  }
}
