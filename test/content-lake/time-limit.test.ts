import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, describe, expect, it} from 'vitest'

import {LakeError} from '../../content-lake/errors.ts'
import {QueryPool} from '../../content-lake/query/query-pool.ts'
import {StoreQueries} from '../../content-lake/query/query-store.ts'
import {withDeadline} from '../../content-lake/query/time-limit.ts'
import {DocumentSet} from '../../content-lake/store/document-set.ts'
import {DocumentStore, type Doc} from '../../content-lake/store/document-store.ts'
import {seed} from '../support/seed.ts'

// A query worker limits each query with withDeadline: the compiled evaluator checks the clock in its
// loops, and groq-js (what does not compile) runs under V8's interrupt. Both stop a runaway query with
// the worker's own 408, where before every query paid for a watchdog thread.

/**
 * `count(*[_id >= ^._id && count(*[ ... ]) > 0])`: every document against every document, `depth` deep.
 * Each level reads its enclosing document (`^`), so none is the same list for every item, evaluated once.
 */
const nested = (depth: number): string => {
  let filter = 'true'
  for (let level = 1; level < depth; level++) filter = `count(*[_id >= ^._id && ${filter}]) > 0`
  return `count(*[${filter}])`
}
// Six deep: some 35^6 / 2^5 (about 57 million) steps on the seed's 35 documents, each level keeping the
// documents from its enclosing one's id on. It compiles.
const NESTED = nested(6)
// groq-js's path matcher backtracks for minutes on this (measured: past 30 s). It does not compile.
const BACKTRACKING = `"${'a.'.repeat(24)}a" in path("${'**.'.repeat(10)}x")`

const documents = new DocumentSet(structuredClone(seed) as Doc[])
const queries = new StoreQueries(documents as unknown as DocumentStore)

async function stopped(query: string, ms: number): Promise<{error: unknown; took: number}> {
  const started = performance.now()
  try {
    await withDeadline(ms, () => queries.answer(query, {}, 'raw'))
  } catch (error) {
    return {error, took: performance.now() - started}
  }
  throw new Error(`${query} was not stopped`)
}

describe('withDeadline', () => {
  it('stops a compiled query in its loops, with the 408 that says what to do', async () => {
    const {error, took} = await stopped(NESTED, 150)
    expect(error).toBeInstanceOf(LakeError)
    expect((error as LakeError).status).toBe(408)
    expect((error as LakeError).message).toMatch(/ran longer than 150 ms and was stopped: narrow it/)
    expect(took).toBeGreaterThanOrEqual(150)
    expect(took).toBeLessThan(150 + 1000)
  })

  it('stops groq-js, which does not check the clock, at the same limit', async () => {
    const {error, took} = await stopped(BACKTRACKING, 150)
    expect((error as LakeError).status).toBe(408)
    expect((error as LakeError).message).toMatch(/ran longer than 150 ms/)
    expect(took).toBeLessThan(150 + 1000)
  })

  it('lets a query within its limit answer, and leaves no limit behind for what runs after it', async () => {
    await expect(withDeadline(1000, () => queries.answer('count(*[_type == "office"])', {}, 'raw'))).resolves.toMatchObject({result: seed.filter((doc) => doc._type === 'office').length})
    // Outside withDeadline nothing is limited: a query longer than the limits above still answers.
    const started = performance.now()
    const {result} = await queries.answer(nested(3), {}, 'raw')
    expect(result).toBe(seed.length)
    expect(performance.now() - started).toBeLessThan(5000)
  })
})

describe('a query worker', () => {
  const store = DocumentStore.open(mkdtempSync(join(tmpdir(), 'lake-time-limit-')), () => structuredClone(seed) as Doc[])
  const pool = new QueryPool(store, {size: 1, cacheBytes: 0, timeoutMs: 300})
  afterAll(async () => {
    await pool.close()
    store.close()
  })

  it('stops a runaway compiled query itself and answers the next query without being replaced', async () => {
    await pool.query('count(*)', {}, 'raw') // loaded
    const started = performance.now()
    const error = await pool.query(NESTED, {}, 'raw').then(
      () => undefined,
      (failure: unknown) => failure,
    )
    expect((error as LakeError).status).toBe(408)
    // The worker's own message (the pool's, when it must end a stuck worker after a grace of 2 s, has no advice).
    expect((error as LakeError).message).toMatch(/narrow it/)
    expect(performance.now() - started).toBeLessThan(300 + 1500)
    // The same worker, not a new one loading the dataset again, answers at once.
    const next = performance.now()
    expect(JSON.parse((await pool.query('count(*[_type == "forum"])', {}, 'raw')).json)).toBe(3)
    expect(performance.now() - next).toBeLessThan(250)
  }, 20_000)
})
