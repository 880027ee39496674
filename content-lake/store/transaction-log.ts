import {closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, truncateSync, writeSync} from 'node:fs'
import {join} from 'node:path'

type Doc = {_id: string; _type: string; [key: string]: unknown}

/** What a committed transaction did: each document's state after it (null when deleted). */
export interface TransactionRecord {
  transactionId: string
  timestamp: string
  author?: string
  changes: {id: string; previousRev: string | null; after: Doc | null}[]
}

/**
 * Durability: a snapshot of all documents plus an append-only log of transactions since. A
 * transaction is acknowledged only after its line is written and fsynced; a torn last line (a crash
 * mid-write) is dropped on load, so no partial transaction ever reappears. Compaction rewrites the
 * snapshot atomically (write to a temporary file, fsync, rename) and empties the log.
 */
export class TransactionLog {
  private readonly snapshotPath: string
  private readonly logPath: string
  private fd: number | undefined

  constructor(directory: string) {
    this.snapshotPath = join(directory, 'snapshot.ndjson')
    this.logPath = join(directory, 'transactions.ndjson')
  }

  /** The documents in the snapshot, then every complete transaction after it. */
  load(): {snapshot: Doc[]; transactions: TransactionRecord[]} {
    const snapshot = existsSync(this.snapshotPath)
      ? readFileSync(this.snapshotPath, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Doc)
      : []
    const transactions: TransactionRecord[] = []
    if (existsSync(this.logPath)) {
      const text = readFileSync(this.logPath, 'utf8')
      let validBytes = 0
      for (const line of text.split('\n')) {
        if (!line) continue
        try {
          transactions.push(JSON.parse(line) as TransactionRecord)
        } catch {
          break // a torn write: this and anything after it was never acknowledged
        }
        validBytes += Buffer.byteLength(line) + 1
      }
      if (validBytes < Buffer.byteLength(text)) truncateSync(this.logPath, validBytes)
    }
    return {snapshot, transactions}
  }

  append(record: TransactionRecord) {
    this.fd ??= openSync(this.logPath, 'a')
    writeSync(this.fd, `${JSON.stringify(record)}\n`)
    fsyncSync(this.fd)
  }

  /** Replaces snapshot and log by one snapshot of `documents`. */
  compact(documents: Iterable<Doc>) {
    const temporary = `${this.snapshotPath}.tmp`
    const fd = openSync(temporary, 'w')
    for (const doc of documents) writeSync(fd, `${JSON.stringify(doc)}\n`)
    fsyncSync(fd)
    closeSync(fd)
    renameSync(temporary, this.snapshotPath)
    this.close()
    closeSync(openSync(this.logPath, 'w'))
  }

  close() {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }
}
