/**
 * The queries bench/content-lake-queries.ts times: every site query of queries/ with its parameters, its
 * naive form, its goal and its share of the load mix. A module of its own, so the load clients (worker
 * threads, bench/lake-load-client.ts) ask exactly the mix the bench describes.
 */
import {createClient, type SanityClient} from '@sanity/client'

import * as site from '../queries/index.ts'

export type Params = Record<string, unknown>

/**
 * The synthetic dataset's ids have dots (`article.12`), which a request without a token may not read
 * (as on a hosted public dataset): the bench reads with a token (the local lake takes any).
 */
const BENCH_TOKEN = 'bench-read-token'

/** The bench's client of a lake on 127.0.0.1: published perspective, with the bench's token. */
export const benchClient = (port: number): SanityClient =>
  createClient({projectId: 'local', dataset: 'production', apiHost: `https://127.0.0.1:${port}`, useProjectHostname: false, useCdn: false, apiVersion: '2025-02-19', perspective: 'published', token: BENCH_TOKEN})
export interface Case {
  name: string
  query: string
  params: (i: number) => Params
  naive?: string
  /** p50 goal over HTTP, in ms. */
  goal: number
  /** Share of the load mix. */
  weight: number
}

const page = {language: 'en', section: null, limit: 20, afterPublishedAt: null, afterId: null}
/**
 * Pages of articles that exist: `article.n` with n % 5 === 1 is the Chinese version of `article.n-1` and
 * keeps its slug (synthetic-dataset.ts), so there the Chinese page of that slug is asked.
 */
const articlePage = (i: number): Params => {
  const n = i % 500
  return n % 5 === 1 ? {language: 'zh-Hans', slug: `article-${n - 1}`} : {language: 'en', slug: `article-${n}`}
}
const SEARCH_NAIVE = '*[_type == "article" && [title, summary, pt::text(body)] match $search] | score(title match $search) | order(_score desc) [0...$limit]'
export const cases: Case[] = [
  {name: 'article page', query: site.articleBySlugQuery, params: articlePage, naive: '*[_type == "article" && slug.current == $slug][0]{..., "offices": offices[]->, "people": people[]->, "events": events[]->}', goal: 10, weight: 30},
  {name: 'latest articles', query: site.latestArticlesQuery, params: () => page, naive: '*[_type == "article" && (!defined($section) || section == $section)] | order(publishedAt desc) [0...$limit]', goal: 10, weight: 20},
  {name: 'person page', query: site.personPageQuery, params: (i) => ({language: 'en', slug: `person-${i % 200}`}), naive: '*[_type == "person" && slug.current == $slug][0]{..., "articles": *[_type == "article" && ^._id in people[]->_id], "events": *[_type == "event" && ^._id in delegations[].head.person->_id]}', goal: 10, weight: 8},
  {name: 'office page', query: site.officePageQuery, params: (i) => ({language: 'en', id: `office.${i % 100}`}), naive: '*[_type == "office" && _id == $id][0]{..., "people": *[_type == "person" && $id in positions[].office->_id], "latestArticles": *[_type == "article" && $id in offices[]->_id] | order(publishedAt desc) [0...10], "hostedEvents": *[_type == "event" && host->_id == $id]}', goal: 10, weight: 8},
  {name: 'event page', query: site.eventPageQuery, params: (i) => ({language: 'en', slug: `event-${i % 200}`}), naive: '*[_type == "event" && slug.current == $slug][0]{..., "host": host->, "delegations": delegations[]{..., "office": office->}, "relatedArticles": *[_type == "article" && ^._id in events[]->_id]}', goal: 10, weight: 8},
  {name: 'forum page', query: site.forumPageQuery, params: (i) => ({language: 'en', id: `forum.${i % 3}`}), naive: '*[_type == "forum" && _id == $id][0]{..., "members": members[]->, "observers": observers[]->, "events": *[_type == "event" && forum->_id == ^._id]}', goal: 10, weight: 4},
  {name: 'events by year', query: site.eventsByYearQuery, params: (i) => ({language: 'en', from: `${2018 + (i % 6)}-01-01`, to: `${2019 + (i % 6)}-01-01`}), naive: '*[_type == "event" && string::split(startDate, "-")[0] == "2020"] | order(startDate desc)', goal: 10, weight: 4},
  {name: 'upcoming events', query: site.upcomingEventsQuery, params: () => ({language: 'en', today: '2027-06-01', limit: 20}), naive: '*[_type == "event" && (startDate >= $today || endDate >= $today)] | order(startDate asc) [0...$limit]', goal: 10, weight: 6},
  {name: 'cookie policy', query: site.cookiePolicyQuery, params: () => ({}), naive: '*[_type == "cookiePolicy"][0]', goal: 10, weight: 6},
  {name: 'article search', query: site.articleSearchQuery, params: (i) => ({language: 'en', search: ['roadmap sustainable', 'patent quality', 'joint statement'][i % 3], limit: 20}), naive: SEARCH_NAIVE, goal: 50, weight: 4},
  // A word no article holds (the synthetic text draws on 24 words): a search that finds nothing. Not in the load mix.
  {name: 'search without hits', query: site.articleSearchQuery, params: () => ({language: 'en', search: 'quantum', limit: 20}), naive: SEARCH_NAIVE, goal: 50, weight: 0},
  {name: 'sitemap', query: site.sitemapQuery, params: () => ({}), naive: '*[_type in ["article", "person", "event", "office", "forum"]] | order(_type asc, _id asc) {_type, _id, slug, _updatedAt, updatedAt, publishedAt}', goal: 100, weight: 2},
]
/** What the heavy client loops: the office page's naive form, every document of three types read (about 33 ms over HTTP at 50k, 2026-12-04). */
export const HEAVY = cases.find((c) => c.name === 'office page')!.naive!

/** The load mix: each case as often as its weight, asked in the order `mixCase(i)` gives. */
const mix = cases.flatMap((c) => Array.from({length: c.weight}, () => c))
export const mixCase = (i: number) => mix[(i * 7919) % mix.length]!

/** One load client until `end` (a performance.now() time): the mix from `offset` in steps of `stride`, each request's latency in ms into `latencies`. */
export async function loopMix(client: SanityClient, {offset, stride, end, latencies}: {offset: number; stride: number; end: number; latencies: number[]}) {
  for (let i = offset; performance.now() < end; i += stride) {
    const c = mixCase(i)
    const started = performance.now()
    await client.fetch(c.query, c.params(i))
    latencies.push(performance.now() - started)
  }
}

/**
 * The heavy client until `end`: its query over and over, its failures (the time limit) ignored. Each
 * request has a parameter of its own (which the query does not read), so no answer comes from the
 * result cache: every one is evaluated, as a heavy query the cache cannot help.
 */
export async function loopHeavy(client: SanityClient, end: number) {
  for (let run = 0; performance.now() < end; run++) await client.fetch(HEAVY, {id: 'office.1', run}).catch(() => undefined)
}
