import {isAscii} from 'node:buffer'
import {closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, renameSync, rmSync, truncateSync, writeSync} from 'node:fs'
import {dirname, join} from 'node:path'

import {LakeError} from '../errors.ts'
import {fsyncDirectory} from './fsync-directory.ts'

type Doc = {_id: string; _type: string; [key: string]: unknown}

/** What a committed transaction did: each document's state after it (null when deleted). */
export interface TransactionRecord {
  transactionId: string
  timestamp: string
  author?: string
  changes: {id: string; previousRev: string | null; after: Doc | null}[]
}

/** A data file that cannot be read as written: start-up stops with where and how to recover. */
export class DatasetDamagedError extends Error {
  readonly file: string
  readonly line: number

  constructor(file: string, line: number, problem: string) {
    super(
      `The dataset cannot be opened: ${file}, line ${line}: ${problem}.\n` +
        'Nothing was changed on disk. To recover, either restore that file from a backup, or remove or repair that line ' +
        '(every other line is kept), or start with --reset to replace the dataset with the seed (the damaged files are kept beside it as *.damaged-<time>).',
    )
    this.file = file
    this.line = line
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function snapshotProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'not a JSON document'
  if (typeof value._id !== 'string' || typeof value._type !== 'string') return 'a document without a string _id and _type'
  return undefined
}

function transactionProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'not a JSON transaction'
  if (typeof value.transactionId !== 'string' || typeof value.timestamp !== 'string' || !Array.isArray(value.changes)) {
    return 'a transaction without transactionId, timestamp and changes'
  }
  for (const change of value.changes) {
    if (!isObject(change) || typeof change.id !== 'string') return 'a change without a document id'
    if (change.after !== null && snapshotProblem(change.after)) return `a change to "${change.id}" whose document has no string _id and _type`
  }
  return undefined
}

// Files are read a piece at a time, so loading never holds a whole file (134 MB for 50,000 documents) in memory.
const CHUNK_BYTES = 4 * 1024 * 1024
const NEWLINE = 0x0a
const NEWLINE_BYTES = Buffer.from('\n')

/**
 * Reads an NDJSON file line by line, a chunk at a time, handing each parsed line (and its bytes, valid
 * only during the call) to `visit` and naming
 * the first line that is not what it should be. Returns the number of complete lines, the bytes up to
 * the end of the last, and the unfinished tail after it (a last line without its newline), unparsed.
 */
function eachLine<T>(file: string, problemOf: (value: unknown) => string | undefined, visit: (value: T, text: Buffer) => void): {lines: number; complete: number; tail: Buffer; parseTail: () => void} {
  const parse = (line: string, bytes: Buffer, lineNumber: number) => {
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      throw new DatasetDamagedError(file, lineNumber, `not valid JSON (${(error as Error).message})`)
    }
    const problem = problemOf(value)
    if (problem) throw new DatasetDamagedError(file, lineNumber, problem)
    visit(value as T, bytes)
  }
  const fd = openSync(file, 'r')
  try {
    // One buffer, read into after the unfinished line the last read left at its start (grown for a longer line).
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES)
    let filled = 0
    let lineNumber = 0
    let complete = 0
    for (;;) {
      if (filled === buffer.length) {
        const larger = Buffer.allocUnsafe(buffer.length * 2)
        buffer.copy(larger, 0, 0, filled)
        buffer = larger
      }
      const read = readSync(fd, buffer, filled, buffer.length - filled, null)
      if (read === 0) break
      const end = filled + read
      const lastNewline = buffer.lastIndexOf(NEWLINE, end - 1)
      if (lastNewline < filled) {
        filled = end
        continue
      }
      // Each line decoded on its own (a small string, in memory the collector reuses: one string of the
      // whole chunk would be fresh memory each time, slow to touch), as latin1 where the chunk is ASCII,
      // which decodes the same and much faster than UTF-8 with its checks.
      const encoding = isAscii(buffer.subarray(0, lastNewline + 1)) ? 'latin1' : 'utf8'
      let start = 0
      for (let newline = buffer.indexOf(NEWLINE, 0); newline !== -1 && newline <= lastNewline; newline = buffer.indexOf(NEWLINE, start)) {
        lineNumber++
        if (newline > start) parse(buffer.toString(encoding, start, newline), buffer.subarray(start, newline), lineNumber)
        complete += newline + 1 - start
        start = newline + 1
      }
      buffer.copyWithin(0, lastNewline + 1, end)
      filled = end - lastNewline - 1
    }
    const tail = Buffer.from(buffer.subarray(0, filled))
    return {lines: lineNumber, complete, tail, parseTail: () => tail.length > 0 && parse(tail.toString('utf8'), tail, lineNumber + 1)}
  } finally {
    closeSync(fd)
  }
}

/** Every line of an NDJSON file, parsed (see eachLine); an unfinished last line is left out. */
function readLines<T>(file: string, problemOf: (value: unknown) => string | undefined, {withTail}: {withTail: boolean}): T[] {
  const values: T[] = []
  const {parseTail} = eachLine<T>(file, problemOf, (value) => values.push(value))
  if (withTail) parseTail()
  return values
}

/** What replaying a data folder hands over, in order: the snapshot's documents, then each transaction. */
export interface ReplayVisitor {
  /** A snapshot document, and its line's bytes (valid only during the call: copy them to keep them). */
  document: (doc: Doc, text: Buffer) => void
  transaction: (record: TransactionRecord) => void
}

/**
 * Durability: a snapshot of all documents plus an append-only log of transactions since.
 *
 * - A transaction is acknowledged only after its whole line (ending in a newline) is written and
 *   fsynced. When writing fails part-way (a full disk), the log is cut back to where it was, so it
 *   holds only whole transactions, and the caller gets an error.
 * - On load, a last line without its newline is a write that was never acknowledged (a crash during
 *   the append): it is dropped, with a message. Any other line that cannot be read stops loading
 *   with the file and line, rather than losing the transactions after it.
 * - Compaction writes the snapshot to a temporary file, fsyncs and renames it, then empties the log.
 */
export class TransactionLog {
  readonly snapshotPath: string
  readonly logPath: string
  private fd: number | undefined
  /** Set when the log could not be cut back after a failed append: no write is accepted until restart. */
  private broken: string | undefined
  private readonly warn: (message: string) => void

  constructor(directory: string, warn: (message: string) => void = (message) => console.warn(message)) {
    this.snapshotPath = join(directory, 'snapshot.ndjson')
    this.logPath = join(directory, 'transactions.ndjson')
    this.warn = warn
  }

  /**
   * The documents in the snapshot, then every transaction after it. Throws DatasetDamagedError. With
   * `repair: false` (a reader beside the process that writes), an unfinished last line is skipped in
   * silence and nothing on disk changes.
   */
  load({repair = true}: {repair?: boolean} = {}): {snapshot: Doc[]; transactions: TransactionRecord[]} {
    const snapshot: Doc[] = []
    const transactions: TransactionRecord[] = []
    this.replay({document: (doc) => snapshot.push(doc), transaction: (record) => transactions.push(record)}, {repair})
    return {snapshot, transactions}
  }

  /**
   * As load, handing each document and transaction over as it is read instead of collecting them:
   * loading a large dataset then holds only the documents kept, never the files' text.
   */
  replay(visitor: ReplayVisitor, {repair = true}: {repair?: boolean} = {}) {
    // The snapshot is renamed into place whole: a last line without its newline is still a document.
    if (existsSync(this.snapshotPath)) eachLine<Doc>(this.snapshotPath, snapshotProblem, visitor.document).parseTail()
    this.replayTransactions(visitor.transaction, {repair})
  }

  /** As replay, the log's transactions only (the snapshot read otherwise: SnapshotFile.lines). */
  replayTransactions(visit: (record: TransactionRecord) => void, {repair = true}: {repair?: boolean} = {}) {
    if (!existsSync(this.logPath)) return
    const {lines, complete, tail} = eachLine<TransactionRecord>(this.logPath, transactionProblem, visit)
    if (tail.length > 0 && repair) {
      this.warn(
        `${this.logPath}, line ${lines + 1}: an unfinished write (${tail.length} bytes, no newline) was dropped. ` +
          'It was never acknowledged: the process stopped while writing it.',
      )
      truncateSync(this.logPath, complete)
    }
  }

  /** The transactions in the log since the last compaction, without reading the snapshot (history's catch-up). */
  readTransactions(): TransactionRecord[] {
    return existsSync(this.logPath) ? readLines<TransactionRecord>(this.logPath, transactionProblem, {withTail: false}) : []
  }

  /** The snapshot's documents (the state the log's transactions start from). */
  readSnapshot(): Doc[] {
    return existsSync(this.snapshotPath) ? readLines<Doc>(this.snapshotPath, snapshotProblem, {withTail: true}) : []
  }

  /** Writes one transaction durably; on any failure the log is as before and a LakeError is thrown. */
  append(record: TransactionRecord) {
    if (this.broken) throw new LakeError(503, 'storageUnavailable', this.broken)
    const bytes = Buffer.from(`${JSON.stringify(record)}\n`)
    let start: number | undefined
    try {
      if (this.fd === undefined) {
        const created = !existsSync(this.logPath)
        this.fd = openSync(this.logPath, 'a')
        if (created) fsyncDirectory(dirname(this.logPath))
      }
      start = fstatSync(this.fd).size
      let written = 0
      // writeSync may write less than asked (a disk filling up): go on until all is written or it throws.
      while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written)
      fsyncSync(this.fd)
    } catch (error) {
      this.rollBack(start)
      const code = (error as NodeJS.ErrnoException).code
      const reason = code === 'ENOSPC' || code === 'EFBIG' || code === 'EDQUOT' ? 'the disk is full (or a file-size limit was reached)' : (error as Error).message
      throw new LakeError(507, 'storageFull', `The transaction was not saved: ${reason}. Nothing was changed; free some space and try again.`)
    }
  }

  /** Cuts the log back to `size` bytes after a failed append. */
  private rollBack(size: number | undefined) {
    if (size === undefined || this.fd === undefined) return
    try {
      ftruncateSync(this.fd, size)
      fsyncSync(this.fd)
    } catch (error) {
      this.broken = `The transaction log ${this.logPath} could not be restored after a failed write (${(error as Error).message}): restart the Content Lake.`
    }
  }

  /** Replaces snapshot and log by one snapshot of the documents' JSON texts. Throws LakeError when it cannot write. */
  compact(texts: Iterable<Buffer>) {
    const temporary = `${this.snapshotPath}.tmp`
    try {
      const fd = openSync(temporary, 'w')
      try {
        for (const text of texts) {
          const bytes = Buffer.concat([text, NEWLINE_BYTES])
          let written = 0
          while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written)
        }
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
    } catch (error) {
      // The old snapshot and the log still hold everything: compaction simply did not happen.
      rmSync(temporary, {force: true})
      throw new LakeError(507, 'storageFull', `Could not write a new snapshot: ${(error as Error).message}`)
    }
    renameSync(temporary, this.snapshotPath)
    // The new snapshot must be in place for good before the log that it replaces is emptied.
    fsyncDirectory(dirname(this.snapshotPath))
    this.close()
    closeSync(openSync(this.logPath, 'w'))
  }

  /** Moves the snapshot and the log aside (for --reset on a dataset that may be damaged). */
  setAside(suffix: string): string[] {
    this.close()
    const moved: string[] = []
    for (const path of [this.snapshotPath, this.logPath]) {
      if (!existsSync(path)) continue
      renameSync(path, `${path}.damaged-${suffix}`)
      moved.push(`${path}.damaged-${suffix}`)
    }
    return moved
  }

  close() {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }
}

/**
 * A snapshot file held open, to read documents' lines back from it: the main thread keeps the
 * documents it loads from the snapshot as places in this file (SerializedDocuments) rather than as
 * 130 MB of text in memory. Held open, it stays readable when compaction renames a new snapshot over it.
 */
export class SnapshotFile {
  readonly path: string
  private fd: number | undefined

  constructor(path: string) {
    this.path = path
    this.fd = openSync(path, 'r')
  }

  /**
   * Where the lines that replay parses are (every non-empty line, the last one also without its
   * newline): byte offsets and lengths, unparsed and unchecked, read a chunk at a time.
   */
  lines(): {offsets: number[]; lengths: number[]} {
    const offsets: number[] = []
    const lengths: number[] = []
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES)
    let position = 0
    let lineStart = 0
    for (;;) {
      const read = readSync(this.open(), chunk, 0, CHUNK_BYTES, position)
      if (read === 0) break
      const data = chunk.subarray(0, read)
      for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, end + 1)) {
        if (position + end > lineStart) {
          offsets.push(lineStart)
          lengths.push(position + end - lineStart)
        }
        lineStart = position + end + 1
      }
      position += read
    }
    if (position > lineStart) {
      offsets.push(lineStart)
      lengths.push(position - lineStart)
    }
    return {offsets, lengths}
  }

  read(offset: number, length: number): Buffer {
    const bytes = Buffer.allocUnsafe(length)
    for (let done = 0; done < length; ) {
      const read = readSync(this.open(), bytes, done, length - done, offset + done)
      if (read === 0) throw new Error(`${this.path} is shorter than when the Content Lake read it: something else changed it`)
      done += read
    }
    return bytes
  }

  private open(): number {
    if (this.fd === undefined) throw new Error(`${this.path} was closed`)
    return this.fd
  }

  close() {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }
}
