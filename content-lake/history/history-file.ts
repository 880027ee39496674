import {appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync} from 'node:fs'
import {join} from 'node:path'

import type {Doc} from '../store/document-store.ts'

/** One transaction as history keeps it: `before` only where history did not already know it. */
export interface HistoryRecord {
  transactionId: string
  timestamp: string
  author?: string
  changes: {id: string; after: Doc | null; before?: Doc | null}[]
}

/** The history file of a data folder, beside the transaction log. */
export const historyPath = (directory: string) => join(directory, 'history.ndjson')

/**
 * History's own append-only NDJSON file. The transaction log is compacted into a snapshot every 1000
 * transactions, so history cannot live there. Appends are not fsynced: the transaction log is, and
 * on start the history takes from it whatever a crash kept out of this file.
 */
export class HistoryFile {
  readonly path: string
  private readonly warn: (message: string) => void

  constructor(directory: string, warn: (message: string) => void = (message) => console.warn(message)) {
    this.path = historyPath(directory)
    this.warn = warn
  }

  exists(): boolean {
    return existsSync(this.path)
  }

  /** Every readable record; an unreadable line (a torn write) is skipped with a warning, history is not worth stopping for. */
  read(): HistoryRecord[] {
    if (!existsSync(this.path)) return []
    const records: HistoryRecord[] = []
    for (const [index, line] of readFileSync(this.path, 'utf8').split('\n').entries()) {
      if (!line) continue
      try {
        const record = JSON.parse(line) as HistoryRecord
        if (typeof record.transactionId === 'string' && Array.isArray(record.changes)) records.push(record)
      } catch {
        this.warn(`${this.path}, line ${index + 1}: not valid JSON, left out of the history`)
      }
    }
    return records
  }

  append(records: HistoryRecord[]) {
    if (records.length === 0) return
    try {
      appendFileSync(this.path, records.map((record) => `${JSON.stringify(record)}\n`).join(''))
    } catch (error) {
      // The documents are saved (the transaction log has them): only their history misses this entry.
      this.warn(`History not saved (${(error as Error).message}): the change itself is`)
    }
  }

  /** Replaces the file with `records` (dropping what retention no longer keeps): a new file, fsynced, renamed over. */
  rewrite(records: HistoryRecord[]) {
    const temporary = `${this.path}.tmp`
    try {
      const fd = openSync(temporary, 'w')
      try {
        for (const record of records) writeSync(fd, `${JSON.stringify(record)}\n`)
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
      renameSync(temporary, this.path)
    } catch (error) {
      rmSync(temporary, {force: true})
      this.warn(`History not trimmed (${(error as Error).message}): it keeps its older entries for now`)
    }
  }

  remove() {
    rmSync(this.path, {force: true})
  }
}
