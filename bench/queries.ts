/**
 * Runs every site query with groq-js on deterministic synthetic datasets of 10k and 50k documents, next
 * to a naive form of the same query (no projection, or a join inside the filter) in the same process,
 * and prints p50 and p95 time and result bytes for both, with ratios. Then checks the size targets on
 * the seed: a single-document page under 2 KB apart from the article body, lists at most 1 KB per item.
 *
 *   npm run bench:queries [-- --sizes 10000,50000 --runs 9]
 */
import {parseArgs} from 'node:util'


import {readFile} from 'node:fs/promises'

import {evaluateGroq} from '../offline/evaluate-groq.ts'
import {readNdjson} from '../offline/ndjson.ts'
import * as site from '../queries/index.ts'
import {syntheticDataset} from './synthetic-dataset.ts'

type Doc = {_id: string; _type: string; [key: string]: unknown}
type Params = Record<string, unknown>

interface Case {
  name: string
  query: string
  /** The same page written the way the guidance warns against. */
  naive: string
  naiveIs: string
  params: Params
}

const {values} = parseArgs({options: {sizes: {type: 'string', default: '10000,50000'}, runs: {type: 'string', default: '9'}}})
const sizes = values.sizes.split(',').map(Number)
const runs = Number(values.runs)
const groqJsVersion = (JSON.parse(await readFile(new URL('../node_modules/groq-js/package.json', import.meta.url), 'utf8')) as {version: string}).version

function cases(): Case[] {
  const page = {language: 'en', section: null, limit: 20, afterPublishedAt: null, afterId: null}
  return [
    {name: 'latest articles', query: site.latestArticlesQuery, params: page, naiveIs: 'no projection', naive: '*[_type == "article" && (!defined($section) || section == $section)] | order(publishedAt desc) [0...$limit]'},
    {name: 'article page', query: site.articleBySlugQuery, params: {language: 'en', slug: 'article-10'}, naiveIs: 'whole documents', naive: '*[_type == "article" && slug.current == $slug][0]{..., "offices": offices[]->, "people": people[]->, "events": events[]->}'},
    {name: 'office page', query: site.officePageQuery, params: {language: 'en', id: 'office.0'}, naiveIs: 'joins in filters', naive: '*[_type == "office" && _id == $id][0]{..., "people": *[_type == "person" && $id in positions[].office->_id], "latestArticles": *[_type == "article" && $id in offices[]->_id] | order(publishedAt desc) [0...10], "hostedEvents": *[_type == "event" && host->_id == $id]}'},
    {name: 'person page', query: site.personPageQuery, params: {language: 'en', slug: 'person-1'}, naiveIs: 'joins in filters', naive: '*[_type == "person" && slug.current == $slug][0]{..., "articles": *[_type == "article" && ^._id in people[]->_id], "events": *[_type == "event" && ^._id in delegations[].head.person->_id]}'},
    {name: 'event page', query: site.eventPageQuery, params: {language: 'en', slug: 'event-4'}, naiveIs: 'joins in filters', naive: '*[_type == "event" && slug.current == $slug][0]{..., "host": host->, "delegations": delegations[]{..., "office": office->}, "relatedArticles": *[_type == "article" && ^._id in events[]->_id]}'},
    {name: 'events by year', query: site.eventsByYearQuery, params: {language: 'en', from: '2020-01-01', to: '2021-01-01'}, naiveIs: 'function in filter, no projection', naive: '*[_type == "event" && string::split(startDate, "-")[0] == "2020"] | order(startDate desc)'},
    {name: 'upcoming events', query: site.upcomingEventsQuery, params: {language: 'en', today: '2027-06-01', limit: 20}, naiveIs: 'no projection', naive: '*[_type == "event" && (startDate >= $today || endDate >= $today)] | order(startDate asc) [0...$limit]'},
    {name: 'forum page', query: site.forumPageQuery, params: {language: 'en', id: 'forum.1'}, naiveIs: 'join in filter', naive: '*[_type == "forum" && _id == $id][0]{..., "members": members[]->, "observers": observers[]->, "events": *[_type == "event" && forum->_id == ^._id]}'},
    {name: 'cookie policy', query: site.cookiePolicyQuery, params: {}, naiveIs: 'type scan, no projection', naive: '*[_type == "cookiePolicy"][0]'},
    {name: 'sitemap', query: site.sitemapQuery, params: {}, naiveIs: 'whole documents', naive: '*[_type in ["article", "person", "event", "office", "forum"]] | order(_type asc, _id asc)'},
    {name: 'article search', query: site.articleSearchQuery, params: {language: 'en', search: 'roadmap sustainable', limit: 20}, naiveIs: 'no projection', naive: '*[_type == "article" && [title, summary, pt::text(body)] match $search] | score(title match $search) | order(_score desc) [0...$limit]'},
  ]
}

async function run(query: string, params: Params, dataset: Doc[]) {
  const started = performance.now()
  const result = await evaluateGroq(query, params, dataset)
  return {ms: performance.now() - started, bytes: Buffer.byteLength(JSON.stringify(result) ?? 'null')}
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!

// A form that takes longer than this once is timed once: naive joins grow with the square of the dataset.
const SINGLE_RUN_AFTER_MS = 3000

async function measure(query: string, params: Params, dataset: Doc[]) {
  const first = await run(query, params, dataset) // warm-up
  if (first.ms > SINGLE_RUN_AFTER_MS) return {p50: first.ms, p95: first.ms, bytes: first.bytes, single: true}
  const times: number[] = []
  let bytes = 0
  for (let i = 0; i < runs; i++) {
    const result = await run(query, params, dataset)
    times.push(result.ms)
    bytes = result.bytes
  }
  times.sort((a, b) => a - b)
  return {p50: percentile(times, 50), p95: percentile(times, 95), bytes, single: false}
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`.padStart(10)
const fmtBytes = (bytes: number) => (bytes >= 10_240 ? `${(bytes / 1024).toFixed(0)} KiB` : `${bytes} B`).padStart(9)
let slower = 0

for (const size of sizes) {
  const dataset = syntheticDataset(size)
  const seedPolicy = (await readNdjson('data/seed.ndjson')).filter((doc) => doc._type === 'cookiePolicy')
  dataset.push(...seedPolicy)
  console.log(`\n${size.toLocaleString('en')} documents, ${runs} runs each (groq-js ${groqJsVersion}, Node ${process.version})`)
  console.log(
    ['query'.padEnd(16), 'p50'.padStart(10), 'p95'.padStart(10), 'bytes'.padStart(9), '| naive:', 'p50'.padStart(10), 'p95'.padStart(10), 'bytes'.padStart(9), '| speed-up', 'bytes', ' naive form'].join(' '),
  )
  for (const c of cases()) {
    const good = await measure(c.query, c.params, dataset)
    const naive = await measure(c.naive, c.params, dataset)
    const speedup = naive.p50 / good.p50
    if (speedup < 1) slower += 1
    console.log(
      [
        c.name.padEnd(16),
        fmt(good.p50),
        fmt(good.p95),
        fmtBytes(good.bytes),
        '|       ',
        fmt(naive.p50),
        naive.single ? '  (1 run)'.padStart(10) : fmt(naive.p95),
        fmtBytes(naive.bytes),
        `| ${speedup.toFixed(2)}x`.padEnd(9),
        `${(naive.bytes / Math.max(1, good.bytes)).toFixed(1)}x`.padStart(5),
        ` ${c.naiveIs}`,
      ].join(' '),
    )
  }
}

// Size targets on the seed: what a site actually downloads for its pages.
const seed = await readNdjson('data/seed.ndjson')
const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value))
const single = [
  ['article page (without body)', site.articleBySlugQuery, {language: 'en', slug: '2023-meeting-of-ip5-deputy-heads-of-office-held-online'}],
  ['office page', site.officePageQuery, {language: 'en', id: 'office-cn'}],
  ['person page', site.personPageQuery, {language: 'en', slug: 'liao-tao'}],
  ['event page', site.eventPageQuery, {language: 'en', slug: 'ip5-deputy-heads-2023'}],
  ['forum page', site.forumPageQuery, {language: 'en', id: 'forum-ip5'}],
] as const
console.log('\nSize targets on the seed dataset')
for (const [name, query, params] of single) {
  const result = (await evaluateGroq(query, params, seed)) as Record<string, unknown>
  const bytes = bytesOf({...result, body: undefined})
  console.log(`  ${name.padEnd(30)} ${String(bytes).padStart(6)} B   ${bytes < 2048 ? 'ok' : 'OVER'} (< 2048 B)`)
}
// The lists' items: the sitemap's are its pages (its translation groups beside them are one per article pair).
const itemsOf = (result: unknown) => (Array.isArray(result) ? result : ((result as {pages: unknown[]}).pages ?? []))
const lists = [
  ['latest articles', site.latestArticlesQuery, {language: 'en', section: null, limit: 20, afterPublishedAt: null, afterId: null}],
  ['events by year', site.eventsByYearQuery, {language: 'en', from: '2023-01-01', to: '2024-01-01'}],
  ['sitemap', site.sitemapQuery, {}],
  ['article search', site.articleSearchQuery, {language: 'en', search: 'IP5', limit: 20}],
] as const
for (const [name, query, params] of lists) {
  const result = itemsOf(await evaluateGroq(query, params, seed))
  const perItem = result.length ? bytesOf(result) / result.length : 0
  console.log(`  ${`${name} (per item)`.padEnd(30)} ${perItem.toFixed(0).padStart(6)} B   ${perItem <= 1024 ? 'ok' : 'OVER'} (<= 1024 B)`)
}
console.log(`\n${slower === 0 ? "Every query is at least as fast as its naive form." : `${slower} of ${sizes.length * cases().length} query and dataset pairs were slower in groq-js than their naive form.`}`)
