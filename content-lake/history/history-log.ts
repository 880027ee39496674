import {LakeError} from '../errors.ts'
import {publishedIdOf} from '../store/document-ids.ts'
import type {Doc, DocumentStore} from '../store/document-store.ts'
import {wholeValueEffects} from '../store/effects.ts'
import type {TransactionRecord} from '../store/transaction-log.ts'
import {documentEvents, type HistoryTransaction} from './document-events.ts'
import {HistoryFile, type HistoryRecord} from './history-file.ts'
import {releaseEvents} from './release-events.ts'

function addTo(index: Map<string, Set<string>>, key: string, id: string) {
  if (!index.has(key)) index.set(key, new Set())
  index.get(key)!.add(id)
}

/** The release an id belongs to: `versions.<release>.x` and `_.releases.<release>`. */
const releaseOf = (id: string) => (id.startsWith('versions.') ? id.split('.')[1] : id.startsWith('_.releases.') ? id.slice('_.releases.'.length) : undefined)

interface Revision {
  transactionId: string
  timestamp: string
  author: string
  /** Every document the transaction changed, as the history API lists them. */
  documentIds: string[]
  before: Doc | null
  after: Doc | null
}

/**
 * Retention: history keeps the newest KEEP_TRANSACTIONS transactions of the dataset (the hosted lake
 * keeps a plan's retention period instead). Its file is trimmed back to that once it holds a quarter
 * more, so it never grows past 12,500 transactions.
 */
export const KEEP_TRANSACTIONS = 10_000

export interface TransactionQuery {
  limit: number
  reverse: boolean
  fromTransaction?: string
  toTransaction?: string
  withEffects: boolean
  withMutations: boolean
}

/**
 * Document history for the Studio's history panel (/data/history): each document's revisions and the
 * events (created, published, unpublished, deleted) made from them. Kept in `history.ndjson` beside
 * the transaction log, so it survives a restart; on start it also takes in the transaction log's
 * records after the last one it has (the log of a data folder from before history was kept, or a
 * crash between the two writes).
 */
export class HistoryLog {
  private readonly revisions = new Map<string, Revision[]>()
  /** Transactions in commit order with the ids they changed: what retention trims, oldest first. */
  private readonly transactions: {transactionId: string; ids: string[]}[] = []
  /** Every kept transaction's time, by id: what "the document at revision X" means for documents X did not touch. */
  private readonly known = new Map<string, string>()
  /** Ids of each document group (published id → its published, draft and release version ids). */
  private readonly groups = new Map<string, Set<string>>()
  /** Ids of each release: its release document and its versions. */
  private readonly releases = new Map<string, Set<string>>()
  private readonly file: HistoryFile | undefined
  private readonly keep: number

  /** `keep`: how many of the newest transactions history keeps (KEEP_TRANSACTIONS unless a test asks for fewer). */
  constructor(store: DocumentStore, options: {persist?: boolean; keep?: number} = {}) {
    this.keep = options.keep ?? KEEP_TRANSACTIONS
    this.file = options.persist === false ? undefined : new HistoryFile(store.directory)
    if (this.file) this.load(store, this.file)
    store.onTransaction((record, before) => {
      const entry = this.add(record, (id) => before.get(id) ?? null)
      this.file?.append([entry])
      this.trimIfDue()
    })
  }

  private load(store: DocumentStore, file: HistoryFile) {
    for (const record of file.read()) this.add(record, (id, change) => (change.before !== undefined ? change.before : this.lastAfter(id)))
    const logged = store.logFiles.readTransactions()
    // The log's transactions after the last one history has: older ones it lacks were trimmed on purpose.
    const lastKnown = logged.findLastIndex((record) => this.known.has(record.transactionId))
    const missing = new Set(logged.slice(lastKnown + 1).map((record) => record.transactionId))
    if (missing.size === 0) return
    // Before-states of the log's transactions: the snapshot, then each transaction in turn.
    const state = new Map<string, Doc>()
    for (const doc of store.logFiles.readSnapshot()) state.set(doc._id, doc)
    const added: HistoryRecord[] = []
    for (const record of logged) {
      const before = new Map(record.changes.map((change) => [change.id, state.get(change.id) ?? null]))
      for (const change of record.changes) {
        if (change.after) state.set(change.id, change.after)
        else state.delete(change.id)
      }
      if (missing.has(record.transactionId)) added.push(this.add(record, (id) => before.get(id) ?? null))
    }
    file.append(added)
    this.trimIfDue()
  }

  private lastAfter(id: string): Doc | null {
    return this.revisions.get(id)?.at(-1)?.after ?? null
  }

  /** Takes in one transaction; returns it as the history file records it. */
  private add(record: TransactionRecord | HistoryRecord, beforeOf: (id: string, change: HistoryRecord['changes'][number]) => Doc | null): HistoryRecord {
    const documentIds = record.changes.map((change) => change.id)
    const changes: HistoryRecord['changes'] = []
    for (const change of record.changes) {
      const before = beforeOf(change.id, change)
      const list = this.revisions.get(change.id) ?? []
      // The file repeats the before-state only where the previous revision does not give it.
      const known = list.length > 0 && list.at(-1)!.after?._rev === before?._rev
      changes.push({id: change.id, after: change.after, ...(known ? {} : {before})})
      list.push({transactionId: record.transactionId, timestamp: record.timestamp, author: record.author ?? 'unknown', documentIds, before, after: change.after})
      this.revisions.set(change.id, list)
      addTo(this.groups, publishedIdOf(change.id), change.id)
      const release = releaseOf(change.id)
      if (release) addTo(this.releases, release, change.id)
    }
    this.transactions.push({transactionId: record.transactionId, ids: documentIds})
    this.known.set(record.transactionId, record.timestamp)
    return {transactionId: record.transactionId, timestamp: record.timestamp, ...(record.author ? {author: record.author} : {}), changes}
  }

  /** Drops the oldest transactions past retention, in memory and in the file. */
  private trimIfDue() {
    if (this.transactions.length <= this.keep + Math.ceil(this.keep / 4)) return
    const dropped = this.transactions.splice(0, this.transactions.length - this.keep)
    for (const {transactionId, ids} of dropped) {
      this.known.delete(transactionId)
      for (const id of ids) {
        const list = this.revisions.get(id)
        if (list?.[0]?.transactionId === transactionId) list.shift()
        if (list?.length === 0) this.revisions.delete(id)
      }
    }
    this.file?.rewrite(this.records())
  }

  /** The kept history as file records, each document's first kept revision with its before-state. */
  private records(): HistoryRecord[] {
    const next = new Map<string, number>()
    return this.transactions.map(({transactionId, ids}) => {
      const revisions = ids.map((id) => {
        const index = next.get(id) ?? 0
        next.set(id, index + 1)
        return {id, index, revision: this.revisions.get(id)![index]!}
      })
      const {timestamp, author} = revisions[0]!.revision
      const changes = revisions.map(({id, index, revision}) => ({id, after: revision.after, ...(index === 0 ? {before: revision.before} : {})}))
      return {transactionId, timestamp, ...(author === 'unknown' ? {} : {author}), changes}
    })
  }

  /** The last state a document had before it was deleted (unarchiving a release restores it), or null. */
  lastContent(id: string): Doc | null {
    const list = this.revisions.get(id) ?? []
    for (let index = list.length - 1; index >= 0; index--) {
      const state = list[index]!.after ?? list[index]!.before
      if (state) return state
    }
    return null
  }

  /**
   * Who last scheduled a release (its release document's id), while history holds that transaction:
   * the author of the newest revision that made it `scheduled`. Undefined otherwise.
   */
  scheduledBy(releaseDocumentId: string): string | undefined {
    const list = this.revisions.get(releaseDocumentId) ?? []
    for (let index = list.length - 1; index >= 0; index--) {
      const {before, after, author} = list[index]!
      if (after?.state === 'scheduled' && before?.state !== 'scheduled') return author === 'unknown' ? undefined : author
    }
    return undefined
  }

  /** Who wrote a document last (a release's version, say), while history holds that transaction; undefined otherwise. */
  lastAuthor(id: string): string | undefined {
    const author = this.revisions.get(id)?.at(-1)?.author
    return author === 'unknown' ? undefined : author
  }

  /** The events of a document's group (its published, draft and release versions), newest first. */
  events(publishedId: string): ReturnType<typeof documentEvents> {
    return documentEvents(publishedId, this.transactionsOf(this.groups.get(publishedId)))
  }

  /** The events of a release (its release document and versions), newest first. */
  releaseEvents(releaseId: string): ReturnType<typeof releaseEvents> {
    return releaseEvents(releaseId, this.transactionsOf(this.releases.get(releaseId)))
  }

  /** The transactions that changed any of `ids`, oldest first, each with its changes to those ids. */
  private transactionsOf(ids: Iterable<string> = []): HistoryTransaction[] {
    const byTransaction = new Map<string, HistoryTransaction>()
    for (const id of ids) {
      for (const revision of this.revisions.get(id) ?? []) {
        const entry = byTransaction.get(revision.transactionId) ?? {transactionId: revision.transactionId, timestamp: revision.timestamp, author: revision.author, changes: []}
        entry.changes.push({id, before: revision.before, after: revision.after})
        byTransaction.set(revision.transactionId, entry)
      }
    }
    return [...byTransaction.values()].toSorted((a, b) => a.timestamp.localeCompare(b.timestamp))
  }

  /** Transactions touching any of `ids`, oldest first (or newest first with reverse), as NDJSON rows. */
  transactionRows(ids: string[], query: TransactionQuery): unknown[] {
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

  /**
   * The document as it was after a transaction (`revision`, also for a transaction that changed other
   * documents: the Studio asks for a published document, its draft and version at one revision), at a
   * moment (`time`), or as it last existed (`lastRevision`).
   */
  documentAt(id: string, at: {revision?: string; time?: string; lastRevision?: boolean}, current: Doc | undefined): Doc | null {
    const list = this.revisions.get(id) ?? []
    if (at.lastRevision) return current ?? this.lastContent(id)
    if (at.revision) {
      const revision = list.find((entry) => entry.transactionId === at.revision)
      if (revision) return revision.after
      if (current?._rev === at.revision) return current
      const time = this.known.get(at.revision)
      if (time === undefined) throw new LakeError(404, 'revisionNotFound', `No revision ${at.revision} in the history kept (the newest ${this.keep} transactions)`)
      return this.documentAt(id, {time}, current)
    }
    if (at.time) {
      const time = Date.parse(at.time)
      if (Number.isNaN(time)) throw new LakeError(400, 'invalidTime', `"${at.time}" is not a date and time`)
      const earlier = list.filter((entry) => Date.parse(entry.timestamp) <= time).at(-1)
      if (earlier) return earlier.after
      // Before the first change history kept: the state that change started from.
      return list.length === 0 ? (current ?? null) : list[0]!.before
    }
    return current ?? null
  }
}
