/**
 * Runs the local Content Lake: the part of Sanity's HTTP API the Studio and @sanity/client use, over
 * HTTP/2 with TLS on 127.0.0.1, with its data in .content-lake/ (seeded from data/seed.ndjson on first
 * run). Stops on Ctrl-C.
 *
 *   npm run lake [-- --port 3334] [--reset] [--data .content-lake] [--as editor]
 *                [--cors-origin http://localhost:3000 ...] [--query-timeout 10000] [--no-cache]
 */
import {enableCompileCache} from 'node:module'
import {join, resolve} from 'node:path'
import {parseArgs} from 'node:util'

// Node keeps each module's compiled code (TypeScript stripped) here from the first start on, for this
// thread and the query workers: later starts skip stripping and compiling about 100 modules.
process.env.NODE_COMPILE_CACHE ??= join(import.meta.dirname, '..', 'node_modules', '.cache', 'node-compile-cache')
enableCompileCache(process.env.NODE_COMPILE_CACHE)
const [{LIMITS}, {preloadDataset}] = await Promise.all([import('../content-lake/limits.ts'), import('../local-studio/preload-dataset.ts')])

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

const {values} = parseArgs({
  allowNegative: true,
  options: {
    port: {type: 'string', default: '3334'},
    reset: {type: 'boolean', default: false},
    data: {type: 'string', default: '.content-lake'},
    dataset: {type: 'string', default: process.env.SANITY_STUDIO_DATASET || 'production'},
    studio: {type: 'string'},
    as: {type: 'string', default: 'administrator'},
    'cors-origin': {type: 'string', multiple: true, default: []},
    'query-timeout': {type: 'string', default: String(LIMITS.queryTimeoutMs)},
    cache: {type: 'boolean', default: true},
  },
})
// The first query worker starts loading the dataset now, before the server's modules load here.
const root = resolve(values.data)
const preloading = preloadDataset(root, values.dataset, values.reset)
const [{localCertificate}, {isLocalRole, LOCAL_ROLES}, {normalizeOrigin}, {createLakeServer}, {IP_NEWS_USERS}, {openLocalDataset, surviveFileSizeLimits}] = await Promise.all([
  import('../content-lake/http/certificate.ts'),
  import('../content-lake/http/identity.ts'),
  import('../content-lake/http/origins.ts'),
  import('../content-lake/http/server.ts'),
  import('../local-studio/roles.ts'),
  import('../local-studio/start.ts'),
])

if (!isLocalRole(values.as)) fail(`--as ${values.as}: choose one of ${LOCAL_ROLES.join(', ')}`)
const queryTimeout = Number(values['query-timeout'])
if (!Number.isInteger(queryTimeout) || queryTimeout < 10) fail(`--query-timeout ${values['query-timeout']}: give milliseconds, at least 10`)
let corsOrigins: string[] = []
try {
  corsOrigins = values['cors-origin'].map(normalizeOrigin)
} catch (error) {
  fail(`--cors-origin: ${(error as Error).message}`)
}

surviveFileSizeLimits()
let opened
try {
  opened = await openLocalDataset(resolve(import.meta.dirname, '..'), root, values.dataset, values.reset, console.warn, preloading)
} catch (error) {
  fail((error as Error).message)
}

const {store, preloaded} = opened

const {port, close} = await createLakeServer({
  store,
  projectId: 'local',
  dataset: values.dataset,
  certificate: localCertificate(join(root, 'certificate')),
  port: Number(values.port),
  defaultRole: values.as,
  users: IP_NEWS_USERS,
  corsOrigins,
  queries: {timeoutMs: queryTimeout, ...(values.cache ? {} : {cacheBytes: 0}), ...(preloaded ? {preloaded} : {})},
  ...(values.studio ? {studioDir: resolve(values.studio)} : {}),
})

console.log(`Local Content Lake: https://localhost:${port} (project "local", dataset "${values.dataset}", ${store.size} documents)`)
console.log(`Requests without the act-as cookie act as the local ${values.as}.`)
console.log(`Its certificate is self-signed: open https://local.localhost:${port}/v1/ping once in your browser and accept it.`)

const stop = async () => {
  await close()
  store.close()
  process.exit(0)
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
