import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {localCertificate} from '../content-lake/http/certificate.ts'
import type {LocalRole} from '../content-lake/http/identity.ts'
import {createLakeServer, type ServedRequest} from '../content-lake/http/server.ts'
import type {PreloadedWorker} from '../content-lake/query/query-pool.ts'
import {DocumentStore, type Doc} from '../content-lake/store/document-store.ts'
import {earlierSeedWarning} from './earlier-seed.ts'
import {preloadDataset} from './preload-dataset.ts'
import {IP_NEWS_USERS} from './roles.ts'
import {ensureStudioBuild} from './studio-build.ts'

export interface LocalStudioOptions {
  /** The project folder (sources, node_modules, data/seed.ndjson). */
  root: string
  /** Where the dataset, the certificate and the Studio builds live. */
  dataDir: string
  /** Where the Studio builds live instead (`<dataDir>/studio` by default): tests share one. */
  studioCacheDir?: string
  dataset: string
  port: number
  /** Who the browser is until it asks to act as someone else. */
  role: LocalRole
  /** Replace the dataset with the seed before starting. */
  reset: boolean
  /** Other origins (a local site) that may call the API from a browser. */
  corsOrigins?: string[]
  log: (line: string) => void
  /** Told of every API request once answered (the drift test listens). */
  onRequest?: (request: ServedRequest) => void
}

export interface LocalStudio {
  /** The Studio's address: on the project's host, so page and API share one origin and one certificate. */
  url: string
  port: number
  store: DocumentStore
  studioBuildDir: string
  certificateDir: string
  /** Builds the Studio again if its sources changed, and serves the new build from the next page load. */
  rebuild: () => Promise<boolean>
  close: () => Promise<void>
}

export const LOCAL_PROJECT_ID = 'local'

export function readSeed(root: string): Doc[] {
  return readFileSync(join(root, 'data/seed.ndjson'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Doc)
}

/**
 * A file-size limit (ulimit -f) would otherwise kill the process with SIGXFSZ mid-write; ignoring the
 * signal turns it into a failed write (EFBIG), which the transaction log undoes and reports.
 */
export function surviveFileSizeLimits() {
  process.on('SIGXFSZ', () => {})
}

/**
 * The dataset in `<dataDir>/<dataset>`: seeded when it is new, or reseeded when `reset` asks. `warn` is
 * told when it still holds an earlier seed's dotted ids, which a request without a token cannot read.
 */
export async function openLocalDataset(
  root: string,
  dataDir: string,
  dataset: string,
  reset: boolean,
  warn: (message: string) => void,
  // A dataset that opening replays as it is (no reset, nothing to seed) is loaded by the first query
  // worker at the same time, on the other core, and that worker's parse of the snapshot serves this
  // thread too (its ids, revisions and index entries), which then keeps the documents unparsed.
  preloaded: PreloadedWorker | undefined = preloadDataset(dataDir, dataset, reset),
): Promise<{store: DocumentStore; preloaded?: PreloadedWorker}> {
  const directory = join(dataDir, dataset)
  const seed = () => readSeed(root)
  // Waiting for its index is what keeps the process alive meanwhile (it is unref'd otherwise).
  preloaded?.worker.ref()
  try {
    const store = preloaded ? await DocumentStore.openWithSnapshotIndex(directory, preloaded.snapshotIndex, seed) : DocumentStore.open(directory, seed, {reset})
    preloaded?.worker.unref()
    const earlierSeed = earlierSeedWarning(store.ids())
    if (earlierSeed) warn(earlierSeed)
    // Files that held no document were seeded as the store opened: the worker's copy is not of them.
    if (preloaded && store.version !== 0) {
      void preloaded.worker.terminate()
      return {store}
    }
    return {store, ...(preloaded ? {preloaded} : {})}
  } catch (error) {
    void preloaded?.worker.terminate()
    throw error
  }
}

/** The local Content Lake on the seed dataset, serving a Studio built for it. */
export async function startLocalStudio(options: LocalStudioOptions): Promise<LocalStudio> {
  const {store, preloaded} = await openLocalDataset(options.root, options.dataDir, options.dataset, options.reset, options.log)
  const buildCache = options.studioCacheDir ?? join(options.dataDir, 'studio')
  let studio = await ensureStudioBuild(options.root, buildCache, options.log)
  if (studio.built) options.log(`Studio built in ${(studio.ms / 1000).toFixed(1)} s`)
  const certificateDir = join(options.dataDir, 'certificate')
  const server = await createLakeServer({
    store,
    projectId: LOCAL_PROJECT_ID,
    dataset: options.dataset,
    certificate: localCertificate(certificateDir),
    port: options.port,
    studioDir: () => studio.directory,
    defaultRole: options.role,
    users: IP_NEWS_USERS,
    corsOrigins: options.corsOrigins ?? [],
    ...(preloaded ? {queries: {preloaded}} : {}),
    ...(options.onRequest ? {onRequest: options.onRequest} : {}),
  })
  return {
    url: `https://${LOCAL_PROJECT_ID}.localhost:${server.port}/`,
    port: server.port,
    store,
    get studioBuildDir() {
      return studio.directory
    },
    certificateDir,
    rebuild: async () => {
      const next = await ensureStudioBuild(options.root, buildCache, options.log)
      studio = next
      return next.built
    },
    close: async () => {
      await server.close()
      store.close()
    },
  }
}
