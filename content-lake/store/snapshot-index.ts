import {isAscii} from 'node:buffer'

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

/**
 * The index as UTF-8 JSON in a buffer of its own, for the worker to transfer: the main thread, which
 * opens the store meanwhile, then decodes one string and parses it (about 60 ms at 50,000 documents)
 * instead of deserializing 200,000 structured-clone objects (about 350 ms).
 */
export function encodeSnapshotIndex(index: SnapshotIndex): Uint8Array {
  // TextEncoder, not Buffer.from: a small Buffer is a slice of a shared pool, whose memory must not be transferred.
  return new TextEncoder().encode(JSON.stringify(index))
}

/** The index encodeSnapshotIndex wrote, or undefined when the bytes are not one (the store then opens by parsing). */
export function decodeSnapshotIndex(bytes: Uint8Array): SnapshotIndex | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  try {
    // ASCII (as ids and types mostly are) decodes as latin1, without UTF-8's checks.
    const index = JSON.parse(buffer.toString(isAscii(buffer) ? 'latin1' : 'utf8')) as SnapshotIndex
    const lists = [index?.ids, index?.revs, index?.lengths, index?.entries]
    return lists.every(Array.isArray) ? index : undefined
  } catch {
    return undefined
  }
}
