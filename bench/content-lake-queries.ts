/**
 * The local Content Lake at a news site's scale, on the synthetic 10k and 50k datasets:
 *
 * 1. every site query of queries/ (and lookups by _id, type + slug, reference): plain groq-js over the
 *    whole array, the lake's query path in this process, and the lake over HTTP through @sanity/client
 *    (a separate `npm run lake` process), p50 and p95; the naive form of each page through the lake;
 * 2. load: 1, 4 and 16 clients asking a weighted mix of the site's pages, with and without a client
 *    looping a heavy query beside them, with the result cache off (cold) and on (warm);
 * 3. start-up of `npm run lake` on the dataset: time to the first answer, resident memory then and at peak.
 *
 * Goals (issue 12) are printed beside the figures.
 *
 *   npm run bench:lake [-- --sizes 10000,50000 --runs 15 --seconds 5 --parts queries,load,startup --only 'article page,sitemap']
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseArgs} from 'node:util'

import {createClient, type SanityClient} from '@sanity/client'

import {StoreQueries} from '../content-lake/query/query-store.ts'
import {DocumentStore, type Doc} from '../content-lake/store/document-store.ts'
import {evaluateGroq} from '../offline/evaluate-groq.ts'
import {applyPerspective} from '../offline/in-memory-client.ts'
import * as site from '../queries/index.ts'
import {syntheticDataset} from './synthetic-dataset.ts'

// The lake's certificate is self-signed; this process talks only to the lake it starts on 127.0.0.1.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'

const {values} = parseArgs({
  options: {
    sizes: {type: 'string', default: '10000,50000'},
    runs: {type: 'string', default: '15'},
    seconds: {type: 'string', default: '5'},
    // Which parts to run: the per-query table, the load, the start-up (all by default).
    parts: {type: 'string', default: 'queries,load,startup'},
    // Which queries of the per-query table (names, comma-separated; all by default).
    only: {type: 'string', default: ''},
  },
})
const parts = new Set(values.parts.split(','))
const sizes = values.sizes.split(',').map(Number)
const runs = Number(values.runs)
const loadSeconds = Number(values.seconds)
const root = new URL('..', import.meta.url).pathname

type Params = Record<string, unknown>
interface Case {
  name: string
  query: string
  params: (i: number) => Params
  naive?: string
  /** p50 goal over HTTP, in ms. */
  goal: number
  /** Share of the load mix. */
  weight: number
  /** Whether plain groq-js is timed (default true). */
  plain?: boolean
}

const page = {language: 'en', section: null, limit: 20, afterPublishedAt: null, afterId: null}
const cases: Case[] = [
  {name: 'article page', query: site.articleBySlugQuery, params: (i) => ({language: 'en', slug: `article-${i % 500}`}), naive: '*[_type == "article" && slug.current == $slug][0]{..., "offices": offices[]->, "people": people[]->, "events": events[]->}', goal: 10, weight: 30},
  {name: 'latest articles', query: site.latestArticlesQuery, params: () => page, naive: '*[_type == "article" && (!defined($section) || section == $section)] | order(publishedAt desc) [0...$limit]', goal: 10, weight: 20},
  {name: 'person page', query: site.personPageQuery, params: (i) => ({language: 'en', slug: `person-${i % 200}`}), naive: '*[_type == "person" && slug.current == $slug][0]{..., "articles": *[_type == "article" && ^._id in people[]->_id], "events": *[_type == "event" && ^._id in delegations[].head.person->_id]}', goal: 10, weight: 8},
  {name: 'office page', query: site.officePageQuery, params: (i) => ({language: 'en', id: `office.${i % 100}`}), naive: '*[_type == "office" && _id == $id][0]{..., "people": *[_type == "person" && $id in positions[].office->_id], "latestArticles": *[_type == "article" && $id in offices[]->_id] | order(publishedAt desc) [0...10], "hostedEvents": *[_type == "event" && host->_id == $id]}', goal: 10, weight: 8},
  {name: 'event page', query: site.eventPageQuery, params: (i) => ({language: 'en', slug: `event-${i % 200}`}), naive: '*[_type == "event" && slug.current == $slug][0]{..., "host": host->, "delegations": delegations[]{..., "office": office->}, "relatedArticles": *[_type == "article" && ^._id in events[]->_id]}', goal: 10, weight: 8},
  {name: 'forum page', query: site.forumPageQuery, params: (i) => ({language: 'en', id: `forum.${i % 3}`}), naive: '*[_type == "forum" && _id == $id][0]{..., "members": members[]->, "observers": observers[]->, "events": *[_type == "event" && forum->_id == ^._id]}', goal: 10, weight: 4},
  {name: 'events by year', query: site.eventsByYearQuery, params: (i) => ({language: 'en', from: `${2018 + (i % 6)}-01-01`, to: `${2019 + (i % 6)}-01-01`}), naive: '*[_type == "event" && string::split(startDate, "-")[0] == "2020"] | order(startDate desc)', goal: 10, weight: 4},
  {name: 'upcoming events', query: site.upcomingEventsQuery, params: () => ({language: 'en', today: '2027-06-01', limit: 20}), naive: '*[_type == "event" && (startDate >= $today || endDate >= $today)] | order(startDate asc) [0...$limit]', goal: 10, weight: 6},
  {name: 'cookie policy', query: site.cookiePolicyQuery, params: () => ({}), naive: '*[_type == "cookiePolicy"][0]', goal: 10, weight: 6},
  {name: 'article search', query: site.articleSearchQuery, params: (i) => ({language: 'en', search: ['roadmap sustainable', 'patent quality', 'joint statement'][i % 3], limit: 20}), naive: '*[_type == "article" && [title, summary, pt::text(body)] match $search] | score(title match $search) | order(_score desc) [0...$limit]', goal: 50, weight: 4},
  // Plain groq-js scans the whole array for each article's language versions: minutes at 50k, not timed.
  {name: 'sitemap', plain: false, query: site.sitemapQuery, params: () => ({}), naive: '*[_type in ["article", "person", "event", "office", "forum"]] | order(_type asc, _id asc) {_type, _id, slug, _updatedAt, updatedAt, publishedAt}', goal: 100, weight: 2},
]
const HEAVY = cases.find((c) => c.name === 'office page')!.naive!

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)).padStart(8)

/**
 * p50 and p95 of `count` runs after one warm-up. A query whose warm-up takes over 10 s (plain groq-js on
 * the sitemap, whose reverse lookup per article scans the whole dataset) is timed once more only.
 */
async function timed(run: (i: number) => Promise<unknown>, count = runs) {
  const firstStarted = performance.now()
  await run(0)
  if (performance.now() - firstStarted > 10_000) count = 1
  const times: number[] = []
  for (let i = 1; i <= count; i++) {
    const started = performance.now()
    await run(i)
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return {p50: percentile(times, 50), p95: percentile(times, 95)}
}

interface Lake {
  child: ChildProcess
  client: SanityClient
  port: number
  /** Resident memory now and at its peak, MiB (Linux /proc). */
  memory: () => {rss: number; peak: number}
  stop: () => Promise<void>
}

/** `npm run lake` on a data folder, with the result cache on or off, answering through @sanity/client. */
async function startLake(dataDir: string, cache: boolean): Promise<Lake & {startMs: number}> {
  const started = performance.now()
  const child = spawn(process.execPath, ['scripts/content-lake.ts', '--port', '0', '--data', dataDir, '--query-timeout', '60000', ...(cache ? [] : ['--no-cache'])], {cwd: root, stdio: ['ignore', 'pipe', 'inherit']})
  const port = await new Promise<number>((resolve, reject) => {
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk
      const match = /https:\/\/localhost:(\d+)/.exec(output)
      if (match) resolve(Number(match[1]))
    })
    child.once('exit', (code) => reject(new Error(`the lake exited (${code}): ${output}`)))
  })
  const client = createClient({projectId: 'local', dataset: 'production', apiHost: `https://127.0.0.1:${port}`, useProjectHostname: false, useCdn: false, apiVersion: '2025-02-19', perspective: 'published'})
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

/** Clients looping over the weighted mix for `seconds`; the heavy client, if any, loops its query. */
async function load(client: SanityClient, clients: number, heavy: boolean) {
  const mix = cases.flatMap((c) => Array.from({length: c.weight}, () => c))
  const latencies: number[] = []
  const end = performance.now() + loadSeconds * 1000
  let served = 0
  const worker = async (offset: number) => {
    for (let i = offset; performance.now() < end; i += clients) {
      const c = mix[(i * 7919) % mix.length]!
      const started = performance.now()
      await client.fetch(c.query, c.params(i))
      latencies.push(performance.now() - started)
      served++
    }
  }
  const heavyLoop = async () => {
    while (performance.now() < end) await client.fetch(HEAVY, {id: 'office.1'}).catch(() => undefined)
  }
  await Promise.all([...Array.from({length: clients}, (_, i) => worker(i)), ...(heavy ? [heavyLoop()] : [])])
  latencies.sort((a, b) => a - b)
  return {rps: served / loadSeconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies.at(-1) ?? 0}
}

for (const size of sizes) {
  const dataDir = mkdtempSync(join(tmpdir(), 'lake-bench-'))
  const documents = syntheticDataset(size) as Doc[]
  documents.push(...readFileSync(join(root, 'data/seed.ndjson'), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Doc).filter((doc) => doc._type === 'cookiePolicy'))
  DocumentStore.open(join(dataDir, 'production'), () => documents).close()
  const store = DocumentStore.open(join(dataDir, 'production'))
  const inProcess = new StoreQueries(store)
  const published = applyPerspective(store.all(), 'published')

  console.log(`\n${size.toLocaleString('en')} documents: p50 / p95 in ms, median of ${runs} runs (Node ${process.version})`)
  const cold = await startLake(dataDir, false)
  // The HTTP column times a lake past its start-up: every query asked once on each worker first.
  if (parts.has('queries')) await warmUp(cold, false)
  if (parts.has('queries')) console.log(['query'.padEnd(16), 'groq-js p50'.padStart(12), 'p95'.padStart(8), '| lake p50'.padStart(11), 'p95'.padStart(8), '| HTTP p50'.padStart(11), 'p95'.padStart(8), '| naive HTTP'.padStart(12), '| goal'].join(' '))
  const chosen = values.only ? cases.filter((c) => values.only.split(',').includes(c.name)) : cases
  for (const c of parts.has('queries') ? chosen : []) {
    const plain = c.plain === false ? undefined : await timed((i) => evaluateGroq(c.query, c.params(i), published))
    const lake = await timed((i) => inProcess.query(c.query, c.params(i), 'published'))
    const http = await timed((i) => cold.client.fetch(c.query, c.params(i)))
    const naive = c.naive ? await timed((i) => cold.client.fetch(c.naive!, c.params(i)), Math.min(runs, 5)) : undefined
    const met = http.p50 <= c.goal && (!naive || http.p50 <= naive.p50)
    console.log(
      [c.name.padEnd(16), (plain ? fmt(plain.p50) : 'not timed').padStart(12), plain ? fmt(plain.p95) : ''.padStart(8), '|', fmt(lake.p50).padStart(9), fmt(lake.p95), '|', fmt(http.p50).padStart(9), fmt(http.p95), '|', (naive ? fmt(naive.p50) : '').padStart(10), `| <= ${c.goal} ms and <= naive: ${met ? 'met' : 'NOT met'}`].join(' '),
    )
  }

  if (parts.has('load')) console.log(`\nLoad: the weighted mix of these pages through @sanity/client, ${loadSeconds} s each (goals: 16 clients >= 250 req/s, p95 <= 50 ms; beside a heavy client p95 <= 100 ms)`)
  if (parts.has('load')) console.log(['cache'.padEnd(6), 'clients'.padEnd(18), 'req/s'.padStart(8), 'p50'.padStart(8), 'p95'.padStart(8), 'max'.padStart(8)].join(' '))
  const warm = await startLake(dataDir, true)
  if (parts.has('load')) {
    // Steady state: every query once on each worker (indexes built), and on the cached lake every
    // distinct request of the mix once (its results cached), before anything is timed.
    await warmUp(cold, false)
    await warmUp(warm, true)
  }
  for (const [label, lake] of parts.has('load') ? ([['cold', cold], ['warm', warm]] as const) : []) {
    for (const [clients, heavy] of [[1, false], [4, false], [16, false], [16, true]] as const) {
      const figures = await load(lake.client, clients, heavy)
      console.log([label.padEnd(6), `${clients}${heavy ? ' + heavy client' : ''}`.padEnd(18), figures.rps.toFixed(1).padStart(8), fmt(figures.p50), fmt(figures.p95), fmt(figures.max)].join(' '))
    }
  }
  await Promise.all([cold.stop(), warm.stop()])

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
