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
