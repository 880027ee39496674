import {closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, renameSync, rmSync, truncateSync, writeSync} from 'node:fs'
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

/** Parses an NDJSON file line by line, naming the first line that is not what it should be. */
function readLines<T>(file: string, text: string, problemOf: (value: unknown) => string | undefined): T[] {
  const values: T[] = []
  const lines = text.split('\n')
  for (const [index, line] of lines.entries()) {
    if (!line) continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      throw new DatasetDamagedError(file, index + 1, `not valid JSON (${(error as Error).message})`)
    }
    const problem = problemOf(value)
    if (problem) throw new DatasetDamagedError(file, index + 1, problem)
    values.push(value as T)
  }
  return values
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
    const snapshot = existsSync(this.snapshotPath) ? readLines<Doc>(this.snapshotPath, readFileSync(this.snapshotPath, 'utf8'), snapshotProblem) : []
    if (!existsSync(this.logPath)) return {snapshot, transactions: []}
    const text = readFileSync(this.logPath, 'utf8')
    const complete = text.lastIndexOf('\n') + 1
    const torn = text.slice(complete)
    const transactions = readLines<TransactionRecord>(this.logPath, text.slice(0, complete), transactionProblem)
    if (torn && repair) {
      const line = text.slice(0, complete).split('\n').length
      this.warn(
        `${this.logPath}, line ${line}: an unfinished write (${Buffer.byteLength(torn)} bytes, no newline) was dropped. ` +
          'It was never acknowledged: the process stopped while writing it.',
      )
      truncateSync(this.logPath, Buffer.byteLength(text.slice(0, complete)))
    }
    return {snapshot, transactions}
  }

  /** The transactions in the log since the last compaction, without reading the snapshot (history's catch-up). */
  readTransactions(): TransactionRecord[] {
    if (!existsSync(this.logPath)) return []
    const text = readFileSync(this.logPath, 'utf8')
    return readLines<TransactionRecord>(this.logPath, text.slice(0, text.lastIndexOf('\n') + 1), transactionProblem)
  }

  /** The snapshot's documents (the state the log's transactions start from). */
  readSnapshot(): Doc[] {
    return existsSync(this.snapshotPath) ? readLines<Doc>(this.snapshotPath, readFileSync(this.snapshotPath, 'utf8'), snapshotProblem) : []
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

  /** Replaces snapshot and log by one snapshot of `documents`. Throws LakeError when it cannot write. */
  compact(documents: Iterable<Doc>) {
    const temporary = `${this.snapshotPath}.tmp`
    try {
      const fd = openSync(temporary, 'w')
      try {
        for (const doc of documents) {
          const bytes = Buffer.from(`${JSON.stringify(doc)}\n`)
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
