import type {IndexEntry} from './indexes.ts'

/**
 * What a query worker that parsed the snapshot tells the main thread about it, line by line (the
 * lines that hold a document, in file order): each document's id, `_rev` and index entry, and the
 * line's length in bytes. With it the main thread keeps each line's text and indexes it without
 * parsing the 50,000 documents a second time (DocumentStore.openWithSnapshotIndex); the lengths let it
 * check that both read the same lines.
 */
export interface SnapshotIndex {
  ids: string[]
  revs: (string | null)[]
  lengths: number[]
  entries: IndexEntry[]
}

export function emptySnapshotIndex(): SnapshotIndex {
  return {ids: [], revs: [], lengths: [], entries: []}
}

export function addToSnapshotIndex(index: SnapshotIndex, doc: {_id: string; _rev?: unknown}, bytes: number, entry: IndexEntry) {
  index.ids.push(doc._id)
  index.revs.push(typeof doc._rev === 'string' ? doc._rev : null)
  index.lengths.push(bytes)
  index.entries.push(entry)
}

/** Whether `index` describes exactly the lines of these lengths (as many, each as long), and is well formed. */
export function snapshotIndexMatches(index: SnapshotIndex, lineLengths: readonly number[]): boolean {
  const {ids, revs, lengths, entries} = index
  const n = lineLengths.length
  if (ids.length !== n || revs.length !== n || lengths.length !== n || entries.length !== n) return false
  for (let i = 0; i < n; i++) if (lengths[i] !== lineLengths[i] || typeof ids[i] !== 'string') return false
  return true
}
