import type {Doc} from './document-store.ts'
import {indexEntryOf, Indexes, type IndexEntry} from './indexes.ts'

/** A document's new state in a transaction, as the store sends it to its replicas (null: deleted). */
export interface ReplicatedChange {
  id: string
  after: Doc | null
}

/**
 * Documents by id with their indexes, and the array groq-js evaluates over (rebuilt only after a
 * change). The store keeps one; each query worker keeps a copy, kept in step by the store's
 * transactions in commit order.
 */
export class DocumentSet {
  private readonly documents = new Map<string, Doc>()
  readonly indexes: Indexes
  private cachedArray: Doc[] | undefined

  /**
   * `strongReferences: false` leaves out the strong-reference index, which only writes read (referential
   * integrity); `deferReferences` builds the reference and slug indexes when first read (see Indexes).
   */
  constructor(documents: readonly Doc[] = [], {strongReferences = true, deferReferences = false}: {strongReferences?: boolean; deferReferences?: boolean} = {}) {
    this.indexes = new Indexes({strongReferences, deferReferences})
    for (const doc of documents) this.put(doc._id, doc)
  }

  get size() {
    return this.documents.size
  }

  ids(): IterableIterator<string> {
    return this.documents.keys()
  }

  values(): IterableIterator<Doc> {
    return this.documents.values()
  }

  get(id: string): Doc | undefined {
    return this.documents.get(id)
  }

  all(): readonly Doc[] {
    this.cachedArray ??= [...this.documents.values()]
    return this.cachedArray
  }

  apply(changes: readonly ReplicatedChange[]) {
    for (const change of changes) this.put(change.id, change.after)
  }

  /** Stores a document's new state (null deletes it); `entry` is indexEntryOf(doc) when the caller has it already. */
  put(id: string, doc: Doc | null, entry?: IndexEntry) {
    const current = this.documents.get(id)
    if (current) this.indexes.remove(current)
    if (doc) {
      this.documents.set(id, doc)
      this.indexes.addEntry(id, entry ?? indexEntryOf(doc))
    } else {
      this.documents.delete(id)
    }
    this.cachedArray = undefined
  }
}
