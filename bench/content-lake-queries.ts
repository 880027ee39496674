/**
 * Query latency through the local Content Lake's indexes next to plain groq-js over the whole array,
 * for the same queries in the same run, on the synthetic 10k and 50k datasets. Target: at least 10x
 * for lookups by _id, _type and slug.
 *
 *   npm run bench:lake [-- --sizes 10000,50000 --runs 15]
 */
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseArgs} from 'node:util'

import {StoreQueries} from '../content-lake/query/query-store.ts'
import {DocumentStore, type Doc} from '../content-lake/store/document-store.ts'
import {evaluateGroq} from '../offline/evaluate-groq.ts'
import * as site from '../queries/index.ts'
import {syntheticDataset} from './synthetic-dataset.ts'

const {values} = parseArgs({options: {sizes: {type: 'string', default: '10000,50000'}, runs: {type: 'string', default: '15'}}})
const sizes = values.sizes.split(',').map(Number)
const runs = Number(values.runs)

const cases: [string, string, Record<string, unknown>][] = [
  ['lookup by _id', '*[_id == $id][0]{_id, title}', {id: 'article.123'}],
  ['lookup by _type + slug', '*[_type == "person" && slug.current == $slug][0]{_id}', {slug: 'person-17'}],
  ['list by _type', '*[_type == "forum"] | order(name asc) {_id, name}', {}],
  ['references()', '*[references($id)]._id', {id: 'person.5'}],
  ['article page', site.articleBySlugQuery, {slug: 'article-10'}],
  ['office page', site.officePageQuery, {id: 'office.0'}],
  ['person page', site.personPageQuery, {slug: 'person-1'}],
  ['event page', site.eventPageQuery, {slug: 'event-4'}],
  ['forum page', site.forumPageQuery, {id: 'forum.1'}],
  ['latest articles', site.latestArticlesQuery, {section: null, limit: 20, afterPublishedAt: null, afterId: null}],
]

async function time(run: () => Promise<unknown>) {
  await run()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await run()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

for (const size of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'lake-bench-'))
  const documents = syntheticDataset(size) as Doc[]
  const store = DocumentStore.open(dir, () => documents)
  const queries = new StoreQueries(store)
  const all = store.all()
  console.log(`\n${size.toLocaleString('en')} documents, median of ${runs} runs`)
  console.log(['query'.padEnd(24), 'indexed'.padStart(10), 'groq-js'.padStart(10), 'ratio'.padStart(8)].join(' '))
  for (const [name, query, params] of cases) {
    const indexed = await time(() => queries.query(query, params, 'published'))
    const plain = await time(() => evaluateGroq(query, params, all))
    console.log([name.padEnd(24), `${indexed.toFixed(2)} ms`.padStart(10), `${plain.toFixed(2)} ms`.padStart(10), `${(plain / indexed).toFixed(1)}x`.padStart(8)].join(' '))
  }
  store.close()
  rmSync(dir, {recursive: true, force: true})
}
