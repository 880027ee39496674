/**
 * What listeners cost a write: the local Content Lake checks every changed document against every
 * listener's filter (before and after the change) on its main thread, which also answers every request.
 * Times a write (one document, the transaction log's fsync included) on the seed with 0, 10, 30 and 100
 * listeners of the kinds an open Studio holds (a document and its draft by id, a type's list, the
 * structure's filtered lists), and prints each beside the write without listeners (the baseline) as a
 * ratio. A Studio tab holds about ten listeners.
 *
 *   npm run bench:listeners [-- --writes 400 --runs 5]
 */
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseArgs} from 'node:util'

import {ListenerHub} from '../content-lake/listeners/listener-hub.ts'
import {DocumentStore, type Doc} from '../content-lake/store/document-store.ts'
import {readNdjson} from '../offline/ndjson.ts'

const {values} = parseArgs({options: {writes: {type: 'string', default: '400'}, runs: {type: 'string', default: '5'}}})
const writes = Number(values.writes)
const runs = Number(values.runs)
const seed = (await readNdjson(new URL('../data/seed.ndjson', import.meta.url).pathname)) as Doc[]

// The filters a Studio listens with (document pairs, lists by type, the structure's filtered lists).
const FILTERS: [string, Record<string, unknown>][] = [
  ['*[_id in [$id, $draft]]', {id: 'article-bench', draft: 'drafts.article-bench'}],
  ['*[_type == "article"]', {}],
  ['*[_type == "article" && section == $section]', {section: 'news'}],
  ['*[_type == "office" && !(_id in path("drafts.**"))]', {}],
  ['*[_type in ["person", "event", "forum"]]', {}],
]

/** Mean ms per write with `count` listeners, and the events they were sent. */
function timeWrites(count: number): {ms: number; events: number} {
  const directory = mkdtempSync(join(tmpdir(), 'lake-listener-bench-'))
  const store = DocumentStore.open(directory, () => structuredClone(seed))
  const hub = new ListenerHub(store)
  let events = 0
  for (let i = 0; i < count; i++) {
    const [query, params] = FILTERS[i % FILTERS.length]!
    hub.add({query, params, includeResult: true, includePreviousRevision: false, includeMutations: true, identity: 'bench'}, () => events++)
  }
  const write = (i: number) => store.commit([{id: 'article-bench', after: {_id: 'article-bench', _type: 'article', section: 'news', title: `Write ${i}`}}], {referentialIntegrity: false})
  for (let i = 0; i < 20; i++) write(i) // warm-up
  const started = performance.now()
  for (let i = 0; i < writes; i++) write(i)
  const ms = (performance.now() - started) / writes
  store.close()
  rmSync(directory, {recursive: true, force: true})
  return {ms, events}
}

const median = (numbers: number[]) => numbers.toSorted((a, b) => a - b)[Math.floor(numbers.length / 2)]!
console.log(`A write of one document on the seed, mean of ${writes} writes, median of ${runs} runs (Node ${process.version})`)
console.log(['listeners'.padStart(9), 'ms/write'.padStart(9), 'x no listeners'.padStart(15), 'events/write'.padStart(13)].join(' '))
let baseline = 0
for (const count of [0, 10, 30, 100]) {
  const timings = Array.from({length: runs}, () => timeWrites(count))
  const ms = median(timings.map((timing) => timing.ms))
  if (count === 0) baseline = ms
  const events = timings[0]!.events / (writes + 20)
  console.log([String(count).padStart(9), ms.toFixed(3).padStart(9), (ms / baseline).toFixed(2).padStart(15), events.toFixed(1).padStart(13)].join(' '))
}
