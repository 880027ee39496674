import {existsSync} from 'node:fs'
import {join} from 'node:path'

import {preloadQueryWorker, type PreloadedWorker} from '../content-lake/query/query-pool.ts'

/**
 * The first query worker, started loading `<dataDir>/<dataset>` when opening will replay it as it is
 * (no reset, files to read): it loads on the other core while this thread opens the store, and its parse
 * of the snapshot serves the store too (DocumentStore.openWithSnapshotIndex). A module of its own with
 * few imports, so `npm run lake` starts the worker before it loads the server's modules.
 */
export function preloadDataset(dataDir: string, dataset: string, reset: boolean): PreloadedWorker | undefined {
  const directory = join(dataDir, dataset)
  const replayed = !reset && (existsSync(join(directory, 'snapshot.ndjson')) || existsSync(join(directory, 'transactions.ndjson')))
  return replayed ? preloadQueryWorker(directory) : undefined
}
