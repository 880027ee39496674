import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {expect, it} from 'vitest'

import {QueryPool} from '../../content-lake/query/query-pool.ts'
import {DocumentStore, type Doc} from '../../content-lake/store/document-store.ts'
import {seed} from '../support/seed.ts'

// Query workers read the dataset from disk while the store goes on committing: every answer must
// still include every transaction committed before the query was asked.

it('answers with every transaction committed while its workers were loading, compactions included', async () => {
  const store = DocumentStore.open(mkdtempSync(join(tmpdir(), 'lake-workers-')), () => structuredClone(seed) as Doc[])
  const pool = new QueryPool(store, {size: 2, cacheBytes: 0})
  try {
    // 2,500 transactions right away: more than two compactions' worth, while the first worker loads.
    for (let i = 0; i < 2500; i++) {
      store.commit([{id: `note.${i}`, after: {_id: `note.${i}`, _type: 'note', n: i}}, ...(i % 3 === 0 ? [{id: `note.${i - 3}`, after: null}] : [])])
    }
    const counts = await Promise.all([1, 2, 3, 4].map(() => pool.query('count(*[_type == "note"])', {}, 'raw')))
    const expected = 2500 - Math.floor(2499 / 3) // every third transaction deleted the note three before it (from note.0 on)
    expect(counts.map((answer) => JSON.parse(answer.json))).toEqual([expected, expected, expected, expected])
    // And a worker started now, after the compactions, reads the same.
    store.commit([{id: 'note.last', after: {_id: 'note.last', _type: 'note'}}])
    const again = await Promise.all([1, 2, 3].map(() => pool.query('count(*[_type == "note"])', {}, 'raw')))
    expect(again.map((answer) => JSON.parse(answer.json))).toEqual([expected + 1, expected + 1, expected + 1])
  } finally {
    await pool.close()
    store.close()
  }
}, 60_000)

it('drops a queued query once every request waiting for it has gone, and answers those still waiting', async () => {
  const store = DocumentStore.open(mkdtempSync(join(tmpdir(), 'lake-workers-')), () => structuredClone(seed) as Doc[])
  const pool = new QueryPool(store, {size: 1, timeoutMs: 1_000})
  try {
    await pool.query('count(*)', {}, 'raw') // the one worker loaded
    // groq-js's path matcher backtracks past any limit on this: it holds the worker for the whole second.
    const busy = pool.query(`"${'a.'.repeat(24)}a" in path("${'**.'.repeat(10)}x")`, {}, 'raw').catch((error: unknown) => error)
    const [first, second, alone] = [new AbortController(), new AbortController(), new AbortController()]
    // Two requests for the same query share one run: one leaving does not take it from the other.
    const shared = [pool.query('*[_id == "forum-ip5"][0].name', {}, 'raw', undefined, first.signal), pool.query('*[_id == "forum-ip5"][0].name', {}, 'raw', undefined, second.signal)]
    const dropped = pool.query('*[_id == "forum-tm5"][0].name', {}, 'raw', undefined, alone.signal).catch((error: unknown) => error)
    first.abort()
    alone.abort()
    expect(await dropped).toMatchObject({status: 499, type: 'clientClosedRequest'})
    expect((await Promise.all(shared)).map((answer) => JSON.parse(answer.json))).toEqual(['IP5', 'IP5'])
    expect(await busy).toMatchObject({status: 408})
  } finally {
    await pool.close()
    store.close()
  }
}, 30_000)
