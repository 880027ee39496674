import type {Doc} from './document-store.ts'
import {indexEntryOf, Indexes, type IndexEntry} from './indexes.ts'
import type {SnapshotFile, TransactionLog} from './transaction-log.ts'

/** A document's text kept in the snapshot file, not in memory: where its line is. */
class InFile {
  readonly offset: number
  readonly length: number
  constructor(offset: number, length: number) {
    this.offset = offset
    this.length = length
  }
}

/**
 * The store's documents kept as their JSON text (UTF-8 bytes) with the indexes, for the main thread.
 * Queries run in the query workers, over parsed copies of their own (DocumentSet); the main thread
 * reads a document only when a transaction touches it, so it keeps the compact text and parses on
 * demand: 50,000 documents take about 130 MB this way instead of about 330 MB as objects.
 *
 * Documents loaded with a snapshot index (putUnparsed), and every document after a compaction, are
 * kept as places in the snapshot file, held open, and read back from it when needed: the main thread
 * then holds almost none of the dataset's text. Documents written since are kept in memory.
 *
 * Nothing a caller does to a document it read changes what is stored.
 */
export class SerializedDocuments {
  private readonly texts = new Map<string, Buffer | InFile>()
  /** The snapshot the InFile texts are in. */
  private file: SnapshotFile | undefined
  private readonly built = new Indexes()
  /**
   * While set, the indexes are not built yet: each document's index entry, in the order the indexes
   * would have had them (a changed document goes last, as remove and add leave it). Built in full on
   * the first read of `indexes`, so nothing ever reads incomplete indexes.
   */
  private pending: Map<string, IndexEntry | number> | undefined
  /** Where a pending entry given as a number is (see putUnparsed), once it has come, and its type meanwhile. */
  private snapshotEntries: {entries: () => readonly IndexEntry[] | undefined; types: readonly string[]} | undefined
  /** all() and its documents by id, from the first call to all() until the next change. */
  private parsed: {all: Doc[]; byId: Map<string, Doc>} | undefined

  get indexes(): Indexes {
    if (this.pending) {
      // Entries the worker has not sent (it stopped, or has not yet) are made from the documents.
      const sent = this.snapshotEntries?.entries()
      for (const [id, entry] of this.pending) this.built.addEntry(id, typeof entry === 'number' ? (sent?.[entry] ?? indexEntryOf(this.get(id)!)) : entry)
      this.pending = undefined
      this.snapshotEntries = undefined
    }
    return this.built
  }

  /**
   * The ids of the documents of a type, in the order the type index has them. While the indexes wait
   * to be built, found among the pending entries (with the types the worker sent first): what asks
   * every few seconds (the release scheduler) does not build the reference indexes for it.
   */
  idsOfType(type: string): ReadonlySet<string> {
    if (!this.pending) return this.built.idsOfType(type)
    const ids = new Set<string>()
    const types = this.snapshotEntries?.types
    for (const [id, entry] of this.pending) if ((typeof entry === 'number' ? types?.[entry] : entry.type) === type) ids.add(id)
    return ids
  }

  /**
   * Takes documents as JSON text with their index entries (from a query worker that parsed them),
   * building the indexes only when first read. Only on an empty store (opening a data folder). An entry
   * given as a number is the one at that place in what `snapshotEntries.entries()` gives when the
   * indexes are built (the worker sends them after its first reply), whose `_type` is at that place in
   * `snapshotEntries.types`; when it gives none, the document's own.
   */
  putUnparsed(
    file: SnapshotFile | undefined,
    documents: Iterable<{id: string; offset: number; length: number; entry: IndexEntry | number}>,
    snapshotEntries?: {entries: () => readonly IndexEntry[] | undefined; types: readonly string[]},
  ) {
    if (this.texts.size > 0 || this.pending || this.file) throw new Error('putUnparsed: only on an empty store')
    this.file = file
    this.snapshotEntries = snapshotEntries
    const pending = new Map<string, IndexEntry | number>()
    for (const {id, offset, length, entry} of documents) {
      this.texts.set(id, new InFile(offset, length))
      pending.delete(id)
      pending.set(id, entry)
    }
    this.pending = pending
    this.parsed = undefined
  }

  get size() {
    return this.texts.size
  }

  ids(): IterableIterator<string> {
    return this.texts.keys()
  }

  has(id: string): boolean {
    return this.texts.has(id)
  }

  get(id: string): Doc | undefined {
    // While all() is parsed, its objects answer: queries in this thread see one object per document.
    if (this.parsed) return this.parsed.byId.get(id)
    const text = this.texts.get(id)
    return text && (JSON.parse(this.bytesOf(text).toString('utf8')) as Doc)
  }

  private bytesOf(text: Buffer | InFile): Buffer {
    return text instanceof InFile ? this.file!.read(text.offset, text.length) : text
  }

  /** Each document's JSON text, as written to the snapshot. */
  *serialized(): IterableIterator<Buffer> {
    for (const text of this.texts.values()) yield this.bytesOf(text)
  }

  /**
   * Replaces snapshot and log by a snapshot of the documents (TransactionLog.compact), then keeps every
   * document as its place in the new snapshot, so their texts leave memory.
   */
  compact(log: TransactionLog, open: (path: string) => SnapshotFile) {
    const lengths: number[] = []
    log.compact(
      (function* (texts: Iterable<Buffer>) {
        for (const text of texts) {
          lengths.push(text.length)
          yield text
        }
      })(this.serialized()),
    )
    let file: SnapshotFile
    try {
      file = open(log.snapshotPath)
    } catch {
      return // The texts as they are are still right (the old snapshot is held open): only memory is not saved.
    }
    let offset = 0
    let i = 0
    // Written in this order, each line followed by its newline.
    for (const id of this.texts.keys()) {
      this.texts.set(id, new InFile(offset, lengths[i]!))
      offset += lengths[i++]! + 1
    }
    this.file?.close()
    this.file = file
  }

  close() {
    this.file?.close()
    this.file = undefined
  }

  /**
   * Every document as one array, parsed once until the next change: what groq-js evaluates over when
   * queries run in this thread (tests and in-process benchmarks; the lake's own queries run in workers).
   */
  all(): readonly Doc[] {
    if (!this.parsed) {
      const all = [...this.texts.values()].map((text) => JSON.parse(this.bytesOf(text).toString('utf8')) as Doc)
      this.parsed = {all, byId: new Map(all.map((doc) => [doc._id, doc]))}
    }
    return this.parsed.all
  }

  clear() {
    this.texts.clear()
    this.close()
    this.pending = undefined
    this.built.clear()
    this.parsed = undefined
  }

  /**
   * Stores a document's new state (null deletes it). `text` is its JSON and `current` the stored
   * document, parsed, when the caller has them already (they are made here otherwise).
   */
  put(id: string, doc: Doc | null, {text, current}: {text?: Buffer; current?: Doc | null} = {}) {
    if (this.pending) {
      // Not built yet: the document's entry is replaced (and goes last), the stored one need not be read.
      this.pending.delete(id)
      if (doc) this.pending.set(id, indexEntryOf(doc))
    } else {
      const stored = current === undefined ? this.get(id) : current
      if (stored) this.built.remove(stored)
      if (doc) this.built.add(doc)
    }
    if (doc) this.texts.set(id, text ?? Buffer.from(JSON.stringify(doc)))
    else this.texts.delete(id)
    this.parsed = undefined
  }
}
