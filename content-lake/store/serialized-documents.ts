import type {Doc} from './document-store.ts'
import {indexEntryOf, Indexes, type IndexEntry} from './indexes.ts'

/**
 * The store's documents kept as their JSON text (UTF-8 bytes) with the indexes, for the main thread.
 * Queries run in the query workers, over parsed copies of their own (DocumentSet); the main thread
 * reads a document only when a transaction touches it, so it keeps the compact text and parses on
 * demand: 50,000 documents take about 130 MB this way instead of about 330 MB as objects.
 *
 * Nothing a caller does to a document it read changes what is stored.
 */
export class SerializedDocuments {
  private readonly texts = new Map<string, Buffer>()
  private readonly built = new Indexes()
  /**
   * While set, the indexes are not built yet: each document's index entry, in the order the indexes
   * would have had them (a changed document goes last, as remove and add leave it). Built in full on
   * the first read of `indexes`, so nothing ever reads incomplete indexes.
   */
  private pending: Map<string, IndexEntry> | undefined
  /** all() and its documents by id, from the first call to all() until the next change. */
  private parsed: {all: Doc[]; byId: Map<string, Doc>} | undefined

  get indexes(): Indexes {
    if (this.pending) {
      for (const [id, entry] of this.pending) this.built.addEntry(id, entry)
      this.pending = undefined
    }
    return this.built
  }

  /**
   * Takes documents as JSON text with their index entries (from a query worker that parsed them),
   * building the indexes only when first read. Only on an empty store (opening a data folder).
   */
  putUnparsed(documents: Iterable<{id: string; text: Buffer; entry: IndexEntry}>) {
    if (this.texts.size > 0 || this.pending) throw new Error('putUnparsed: only on an empty store')
    const pending = new Map<string, IndexEntry>()
    for (const {id, text, entry} of documents) {
      this.texts.set(id, text)
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
    return text && (JSON.parse(text.toString('utf8')) as Doc)
  }

  /** Each document's JSON text, as written to the snapshot. */
  serialized(): IterableIterator<Buffer> {
    return this.texts.values()
  }

  /**
   * Every document as one array, parsed once until the next change: what groq-js evaluates over when
   * queries run in this thread (tests and in-process benchmarks; the lake's own queries run in workers).
   */
  all(): readonly Doc[] {
    if (!this.parsed) {
      const all = [...this.texts.values()].map((text) => JSON.parse(text.toString('utf8')) as Doc)
      this.parsed = {all, byId: new Map(all.map((doc) => [doc._id, doc]))}
    }
    return this.parsed.all
  }

  clear() {
    this.texts.clear()
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
