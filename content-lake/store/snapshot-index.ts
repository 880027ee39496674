import {isAscii} from 'node:buffer'

import type {IndexEntry} from './indexes.ts'

/**
 * What a query worker that parsed the snapshot tells the main thread about it, line by line (the
 * lines that hold a document, in file order): each document's id, `_rev` and index entry, and the
 * line's length in bytes. With it the main thread keeps each line's text and indexes it without
 * parsing the 50,000 documents a second time (DocumentStore.openWithSnapshotIndex); the lengths let it
 * check that both read the same lines.
 *
 * It comes in two parts: the ids, revisions and lengths, which opening needs, and then the entries,
 * which only the indexes need (built when first read, see SerializedDocuments): `entries()` gives them
 * once they have come and are whole, undefined before (the indexes are then made from the documents).
 */
export interface SnapshotIndex {
  ids: string[]
  revs: (string | null)[]
  lengths: number[]
  /** Each document's `_type` (also in its entry): what the store can tell by type before the entries come. */
  types: string[]
  entries: () => readonly IndexEntry[] | undefined
}

/** The same, as the worker builds it while it reads the snapshot. */
export interface SnapshotLines {
  ids: string[]
  revs: (string | null)[]
  lengths: number[]
  types: string[]
  entries: IndexEntry[]
}

export function emptySnapshotLines(): SnapshotLines {
  return {ids: [], revs: [], lengths: [], types: [], entries: []}
}

export function addToSnapshotLines(lines: SnapshotLines, doc: {_id: string; _rev?: unknown}, bytes: number, entry: IndexEntry) {
  lines.ids.push(doc._id)
  lines.revs.push(typeof doc._rev === 'string' ? doc._rev : null)
  lines.lengths.push(bytes)
  lines.types.push(entry.type)
  lines.entries.push(entry)
}

/** Whether `index` describes exactly the lines of these lengths (as many, each as long), and is well formed. */
export function snapshotIndexMatches(index: SnapshotIndex, lineLengths: readonly number[]): boolean {
  const {ids, revs, lengths, types} = index
  const n = lineLengths.length
  if (ids.length !== n || revs.length !== n || lengths.length !== n || types.length !== n) return false
  for (let i = 0; i < n; i++) if (lengths[i] !== lineLengths[i] || typeof ids[i] !== 'string' || typeof types[i] !== 'string') return false
  return true
}

/**
 * The two parts go as UTF-8 JSON, each in a buffer of its own for the worker to transfer (the head
 * here, the entries by snapshotEntriesInSteps): the main thread, which opens the store meanwhile, then
 * decodes one string and parses it (the head before it opens; the entries later, when its indexes are
 * first read) instead of deserializing 200,000 structured-clone objects (350 to 450 ms at 50,000
 * documents, before it could open).
 */
export function encodeSnapshotHead(lines: SnapshotLines): Uint8Array {
  return encodeJson({ids: lines.ids, revs: lines.revs, lengths: lines.lengths, types: lines.types})
}

/**
 * The entries as one JSON array in UTF-8, written a part at a time: each call of the step it returns
 * writes up to `perStep` entries and answers undefined, until the last gives the bytes. The worker
 * takes a step between its queries, so none waits long for the whole.
 */
export function snapshotEntriesInSteps(lines: SnapshotLines, perStep = 5_000): () => Uint8Array | undefined {
  const parts: string[] = []
  let next = 0
  return () => {
    if (next < lines.entries.length) {
      parts.push(JSON.stringify(lines.entries.slice(next, next + perStep)).slice(1, -1))
      next += perStep
      return undefined
    }
    return new TextEncoder().encode(`[${parts.filter(Boolean).join(',')}]`)
  }
}

// TextEncoder, not Buffer.from: a small Buffer is a slice of a shared pool, whose memory must not be transferred.
const encodeJson = (value: unknown) => new TextEncoder().encode(JSON.stringify(value))

function decodeJson(bytes: Uint8Array): unknown {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  try {
    // ASCII (as ids and types mostly are) decodes as latin1, without UTF-8's checks.
    return JSON.parse(buffer.toString(isAscii(buffer) ? 'latin1' : 'utf8'))
  } catch {
    return undefined
  }
}

/** The head encodeSnapshotHead wrote, or undefined when the bytes are not one (the store then opens by parsing). */
export function decodeSnapshotHead(bytes: Uint8Array): Omit<SnapshotIndex, 'entries'> | undefined {
  const head = decodeJson(bytes) as Partial<SnapshotIndex> | undefined
  if (!Array.isArray(head?.ids) || !Array.isArray(head.revs) || !Array.isArray(head.lengths) || !Array.isArray(head.types)) return undefined
  return {ids: head.ids, revs: head.revs, lengths: head.lengths, types: head.types}
}

/** The entries snapshotEntriesInSteps wrote, when they are `count` of them; undefined otherwise. */
export function decodeSnapshotEntries(bytes: Uint8Array, count: number): IndexEntry[] | undefined {
  const entries = decodeJson(bytes)
  return Array.isArray(entries) && entries.length === count ? (entries as IndexEntry[]) : undefined
}
