/**
 * The local Content Lake at a news site's scale, on the synthetic 10k and 50k datasets:
 *
 * 1. every site query of queries/ (and lookups by _id, type + slug, reference): plain groq-js over the
 *    whole array, the lake's query path in this process, and the lake over HTTP through @sanity/client
 *    (a separate `npm run lake` process, read from a thread with a heap of its own, as a site's server
 *    would: bench/lake-timing-client.ts), p50 and p95; the naive form of each page through the lake;
 * 2. load: 1, 4 and 16 clients asking a weighted mix of the site's pages, with and without a client
 *    looping a heavy query beside them, with the result cache off (cold) and on (warm);
 * 3. start-up of `npm run lake` on the dataset: time to the first answer, resident memory then and at peak.
 *
 * Goals (issue 12) are printed beside the figures.
 *
 *   npm run bench:lake [-- --sizes 10000,50000 --runs 15 --http-seconds 2 --seconds 5 --parts queries,load,startup --only 'article page,sitemap']
 *                      [--load-clients threads,one-thread] [--lake-roots .,../other-checkout]
 *
 * The load's clients run each in a worker thread of its own (bench/lake-load-client.ts), so no client's
 * parsing delays another's request; `--load-clients one-thread` runs them all in this thread as before
 * (both, comma-separated, measure both side by side). `--lake-roots` names checkouts whose
 * `scripts/content-lake.ts` is measured side by side in the same run (this one by default): the lake's
 * rows of the query table and the load are measured for each, in turn.
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join, resolve as resolvePath} from 'node:path'
import {parseArgs} from 'node:util'
import {Worker} from 'node:worker_threads'

import type {SanityClient} from '@sanity/client'

import {StoreQueries} from '../content-lake/query/query-store.ts'
import {DocumentStore, type Doc} from '../content-lake/store/document-store.ts'
import {evaluateGroq} from '../offline/evaluate-groq.ts'
import {applyPerspective} from '../offline/in-memory-client.ts'
import * as site from '../queries/index.ts'
import {benchClient, cases, HEAVY, loopHeavy, loopMix, type Params} from './lake-cases.ts'
import type {TimingReply, TimingRequest} from './lake-timing-client.ts'
import type {LoadClientData, LoadClientReply} from './lake-load-client.ts'
import {syntheticDataset} from './synthetic-dataset.ts'
import {percentile, timed, type Timing} from './timing.ts'

// The lake's certificate is self-signed; this process talks only to the lake it starts on 127.0.0.1.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'

const {values} = parseArgs({
  options: {
    sizes: {type: 'string', default: '10000,50000'},
    runs: {type: 'string', default: '15'},
    seconds: {type: 'string', default: '5'},
    // How long each query and its naive form are timed in turn over HTTP, at least `runs` times each.
    'http-seconds': {type: 'string', default: '2'},
    // Which parts to run: the per-query table, the load, the start-up (all by default).
    parts: {type: 'string', default: 'queries,load,startup'},
    // Which queries of the per-query table (names, comma-separated; all by default).
    only: {type: 'string', default: ''},
    // Where the load's clients run: each in a worker thread (threads), or all in this thread (one-thread).
    'load-clients': {type: 'string', default: 'threads'},
    // Checkouts whose lake is measured side by side (this one by default).
    'lake-roots': {type: 'string', default: ''},
  },
})
const parts = new Set(values.parts.split(','))
const sizes = values.sizes.split(',').map(Number)
const runs = Number(values.runs)
const loadSeconds = Number(values.seconds)
const httpSeconds = Number(values['http-seconds'])
const root = new URL('..', import.meta.url).pathname
const clientModes = values['load-clients'].split(',')
for (const mode of clientModes) if (mode !== 'threads' && mode !== 'one-thread') throw new Error(`--load-clients ${mode}: give threads or one-thread`)
const lakeRoots = values['lake-roots'] ? values['lake-roots'].split(',').map((dir) => resolvePath(dir)) : [resolvePath(root)]
const rootLabel = (dir: string) => (lakeRoots.length > 1 ? basename(dir) : '')
/** The roots in turn, starting with a different one each time, so none is always measured first. */
const inTurn = <T>(items: T[], turn: number) => items.map((_, index) => items[(index + turn) % items.length]!)

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)).padStart(8)

/** The HTTP columns' client, in a thread of its own (see bench/lake-timing-client.ts). */
const timingClient = new Worker(new URL('./lake-timing-client.ts', import.meta.url))
let timingRequests = 0
function timeOverHttp(request: DistributiveOmit<TimingRequest, 'id'>): Promise<Extract<TimingReply, {page: unknown}>> {
  const id = ++timingRequests
  return new Promise((resolve, reject) => {
    const listen = (reply: TimingReply) => {
      if (reply.id !== id) return
      timingClient.off('message', listen)
      if ('failed' in reply) reject(new Error(`the timing client failed: ${reply.failed}`))
      else resolve(reply)
    }
    timingClient.on('message', listen)
    // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker thread, not a window
    timingClient.postMessage({...request, id})
  })
}
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

interface Lake {
  child: ChildProcess
  client: SanityClient
  port: number
  /** Resident memory now and at its peak, MiB (Linux /proc). */
  memory: () => {rss: number; peak: number}
  stop: () => Promise<void>
}

/** `npm run lake` on a data folder, with the result cache on or off, answering through @sanity/client. */
async function startLake(dataDir: string, cache: boolean, lakeRoot = root): Promise<Lake & {startMs: number}> {
  const started = performance.now()
  const child = spawn(process.execPath, ['scripts/content-lake.ts', '--port', '0', '--data', dataDir, '--query-timeout', '60000', ...(cache ? [] : ['--no-cache'])], {cwd: lakeRoot, stdio: ['ignore', 'pipe', 'inherit']})
  const port = await new Promise<number>((resolve, reject) => {
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk
      const match = /https:\/\/localhost:(\d+)/.exec(output)
      if (match) resolve(Number(match[1]))
    })
    child.once('exit', (code) => reject(new Error(`the lake exited (${code}): ${output}`)))
  })
  const client = benchClient(port)
  await client.fetch('count(*[_type == "cookiePolicy"])')
  const startMs = performance.now() - started
  const memory = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
    const kib = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024
    return {rss: kib('VmRSS'), peak: kib('VmHWM')}
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  return {child, client, port, memory, stop, startMs}
}

/** Asks each query of the mix on two clients at once (so both workers build their indexes); with `everyRequest`, every distinct request the load loop makes. */
async function warmUp(lake: Lake, everyRequest: boolean) {
  for (const c of cases) {
    const requests = new Map<string, Params>()
    for (let i = 0; i < (everyRequest ? 1000 : 2); i++) requests.set(JSON.stringify(c.params(i)), c.params(i))
    const pending = [...requests.values()]
    await Promise.all([0, 1].map(async () => {
      for (let params = pending.shift(); params; params = pending.shift()) await lake.client.fetch(c.query, params)
    }))
  }
  await lake.client.fetch(HEAVY, {id: 'office.1'})
}

const summary = (latencies: number[]) => {
  const served = latencies.length
  latencies.sort((a, b) => a - b)
  return {rps: served / loadSeconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies.at(-1) ?? 0}
}

/** Clients looping over the weighted mix for `seconds`, all in this thread; the heavy client, if any, loops its query. */
async function loadInThisThread(client: SanityClient, clients: number, heavy: boolean) {
  const latencies: number[] = []
  const end = performance.now() + loadSeconds * 1000
  await Promise.all([...Array.from({length: clients}, (_, offset) => loopMix(client, {offset, stride: clients, end, latencies})), ...(heavy ? [loopHeavy(client, end)] : [])])
  return summary(latencies)
}

/** The same load, each client (and the heavy one) in a worker thread of its own; all start once every one has connected. */
async function loadInThreads(port: number, clients: number, heavy: boolean) {
  const data: LoadClientData[] = [...Array.from({length: clients}, (_, offset) => ({port, offset, stride: clients, heavy: false})), ...(heavy ? [{port, offset: 0, stride: 1, heavy: true}] : [])]
  const workers = data.map((workerData) => new Worker(new URL('./lake-load-client.ts', import.meta.url), {workerData}))
  const next = (worker: Worker) =>
    new Promise<LoadClientReply>((done, fail) => {
      worker.once('message', done)
      worker.once('error', fail)
    })
  try {
    const ready = await Promise.all(workers.map(next))
    const failed = ready.find((reply) => reply.type === 'failed')
    if (failed?.type === 'failed') throw new Error(`a load client could not connect: ${failed.message}`)
    const finished = workers.map(next)
    // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker thread, not a window
    for (const worker of workers) worker.postMessage({seconds: loadSeconds})
    const replies = await Promise.all(finished)
    const latencies: number[] = []
    for (const [index, reply] of replies.entries()) {
      if (reply.type === 'failed') throw new Error(`a load client failed: ${reply.message}`)
      if (reply.type === 'done' && !data[index]!.heavy) latencies.push(...reply.latencies)
    }
    return summary(latencies)
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}

for (const size of sizes) {
  const dataDir = mkdtempSync(join(tmpdir(), 'lake-bench-'))
  const documents = syntheticDataset(size) as Doc[]
  documents.push(...readFileSync(join(root, 'data/seed.ndjson'), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Doc).filter((doc) => doc._type === 'cookiePolicy'))
  DocumentStore.open(join(dataDir, 'production'), () => documents).close()
  const store = DocumentStore.open(join(dataDir, 'production'))
  const inProcess = new StoreQueries(store)
  const published = applyPerspective(store.all(), 'published')

  console.log(`\n${size.toLocaleString('en')} documents: p50 / p95 in ms, median of ${runs} runs, over HTTP of ${runs} or more in ${httpSeconds} s (Node ${process.version})`)
  const colds = await Promise.all(lakeRoots.map((lakeRoot) => startLake(dataDir, false, lakeRoot)))
  // The lake as `npm run lake` starts it, with its result cache: the query table's cached column and the warm load.
  const warms = parts.has('load') || parts.has('queries') ? await Promise.all(lakeRoots.map((lakeRoot) => startLake(dataDir, true, lakeRoot))) : []
  // The HTTP column times a lake past its start-up: every query asked once on each worker first.
  if (parts.has('queries')) for (const cold of colds) await warmUp(cold, false)
  const lakeColumn = Math.max(0, ...lakeRoots.map((dir) => rootLabel(dir).length))
  if (parts.has('queries')) console.log(['query'.padEnd(16), 'groq-js p50'.padStart(12), 'p95'.padStart(8), '| lake p50'.padStart(11), 'p95'.padStart(8), ...(lakeColumn ? [`| ${'lake'.padEnd(lakeColumn)}`] : []), '| HTTP p50'.padStart(11), 'p95'.padStart(8), '| naive HTTP'.padStart(12), '| cached'.padStart(10), '| goal (uncached)'].join(' '))
  const chosen = values.only ? cases.filter((c) => values.only.split(',').includes(c.name)) : cases
  for (const [turn, c] of (parts.has('queries') ? chosen : []).entries()) {
    const plain = await timed((i) => evaluateGroq(c.query, c.params(i), published), runs)
    const lake = await timed((i) => inProcess.query(c.query, c.params(i), 'published'), runs)
    const overHttp = new Map<number, {http: Timing; naive?: Timing; cached: Timing}>()
    for (const index of inTurn([...colds.keys()], turn)) {
      const {page: http, naive} = await timeOverHttp({type: 'page', port: colds[index]!.port, name: c.name, runs, seconds: httpSeconds})
      // The default lake (result cache on), every request of these runs asked once before.
      const {page: cached} = await timeOverHttp({type: 'cached', port: warms[index]!.port, name: c.name, runs})
      overHttp.set(index, {http, naive, cached})
    }
    for (const [index, lakeRoot] of lakeRoots.entries()) {
      const {http, naive, cached} = overHttp.get(index)!
      const met = http.p50 <= c.goal && (!naive || http.p50 <= naive.p50)
      const first = index === 0
      console.log(
        [
          (first ? c.name : '').padEnd(16),
          (first ? fmt(plain.p50) : '').padStart(12),
          first ? fmt(plain.p95) : ''.padStart(8),
          '|',
          (first ? fmt(lake.p50) : '').padStart(9),
          first ? fmt(lake.p95) : ''.padStart(8),
          ...(lakeColumn ? [`| ${rootLabel(lakeRoot).padEnd(lakeColumn)}`] : []),
          '|',
          fmt(http.p50).padStart(9),
          fmt(http.p95),
          '|',
          (naive ? fmt(naive.p50) : '').padStart(10),
          '|',
          fmt(cached.p50),
          `| <= ${c.goal} ms and <= naive: ${met ? 'met' : 'NOT met'}${cached.p50 <= c.goal ? '' : ` (cached: over ${c.goal})`}`,
        ].join(' '),
      )
    }
  }

  if (parts.has('load')) console.log(`\nLoad: the weighted mix of these pages through @sanity/client, ${loadSeconds} s each (goals: 16 clients >= 250 req/s, p95 <= 50 ms; beside a heavy client p95 <= 100 ms)`)
  if (parts.has('load')) console.log(['cache'.padEnd(6), 'clients'.padEnd(18), 'clients in'.padEnd(11), ...(lakeColumn ? ['lake'.padEnd(lakeColumn)] : []), 'req/s'.padStart(8), 'p50'.padStart(8), 'p95'.padStart(8), 'max'.padStart(8)].join(' '))
  if (parts.has('load')) {
    // Steady state: every query once on each worker (indexes built), and on the cached lake every
    // distinct request of the mix once (its results cached), before anything is timed.
    for (const cold of colds) await warmUp(cold, false)
    for (const warm of warms) await warmUp(warm, true)
  }
  let turn = 0
  for (const [label, lakes] of parts.has('load') ? ([['cold', colds], ['warm', warms]] as const) : []) {
    for (const [clients, heavy] of [[1, false], [4, false], [16, false], [16, true]] as const) {
      for (const mode of clientModes) {
        const figures = new Map<number, Awaited<ReturnType<typeof loadInThisThread>>>()
        for (const index of inTurn([...lakes.keys()], turn++)) {
          const lake = lakes[index]!
          figures.set(index, mode === 'threads' ? await loadInThreads(lake.port, clients, heavy) : await loadInThisThread(lake.client, clients, heavy))
        }
        for (const [index, lakeRoot] of lakeRoots.entries()) {
          const {rps, p50, p95, max} = figures.get(index)!
          console.log([label.padEnd(6), `${clients}${heavy ? ' + heavy client' : ''}`.padEnd(18), mode.padEnd(11), ...(lakeColumn ? [rootLabel(lakeRoot).padEnd(lakeColumn)] : []), rps.toFixed(1).padStart(8), fmt(p50), fmt(p95), fmt(max)].join(' '))
        }
      }
    }
  }
  await Promise.all([...colds, ...warms].map((lake) => lake.stop()))

  if (!parts.has('startup')) {
    store.close()
    rmSync(dataDir, {recursive: true, force: true})
    continue
  }
  const started = await startLake(dataDir, true)
  const memory = started.memory()
  console.log(`\nStart-up of npm run lake: ${(started.startMs / 1000).toFixed(2)} s to the first answer (goal <= 2 s), ${memory.rss.toFixed(0)} MiB resident then, ${memory.peak.toFixed(0)} MiB at peak (goal <= 600 MiB)`)
  await started.client.fetch(site.sitemapQuery)
  console.log(`  after the first sitemap query (every worker holds its copy): ${started.memory().peak.toFixed(0)} MiB at peak`)
  await started.stop()
  store.close()
  rmSync(dataDir, {recursive: true, force: true})
}
await timingClient.terminate()
