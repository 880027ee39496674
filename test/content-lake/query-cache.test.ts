import {afterAll, beforeAll, expect, it} from 'vitest'

import {postJson, raw, startLake, type InProcessLake} from '../support/lake.ts'

// Repeated queries are answered from a cache that every write empties: a query never sees a state
// older than the last write acknowledged before it was asked.

let lake: InProcessLake
const v = '/v2025-02-19'
const ask = (query: string, params: Record<string, unknown> = {}, perspective = 'published') =>
  postJson(lake.port, `${v}/data/query/production?perspective=${perspective}`, {query, params}).then((response) => response.json() as {result: unknown; ms: number})
const write = (mutations: unknown[]) => postJson(lake.port, `${v}/data/mutate/production`, {mutations})

beforeAll(async () => {
  lake = await startLake()
})
afterAll(async () => lake?.close())

it('answers a repeated query from the cache, and the first query after a write from the new state', async () => {
  const query = '*[_type == "forum" && _id == $id][0].name'
  expect((await ask(query, {id: 'forum-ip5'})).result).toBe('IP5')
  const again = await ask(query, {id: 'forum-ip5'})
  expect(again.result).toBe('IP5')
  expect(again.ms).toBe(0)
  await write([{patch: {id: 'forum-ip5', set: {name: 'IP5 (renamed)'}}}])
  expect((await ask(query, {id: 'forum-ip5'})).result).toBe('IP5 (renamed)')
  // Parameters and perspective are part of the question.
  expect((await ask(query, {id: 'forum-tm5'})).result).toBe('TM5')
  await write([{createOrReplace: {_id: 'drafts.forum-tm5', _type: 'forum', name: 'TM5 draft'}}])
  expect((await ask(query, {id: 'forum-tm5'})).result).toBe('TM5')
  expect((await ask(query, {id: 'forum-tm5'}, 'drafts')).result).toBe('TM5 draft')
})

it('tells apart parameters whose JSON text is the same: 1e400 (Infinity) is not null', async () => {
  // Over GET each value is JSON text of its own; JSON.parse reads 1e400 as Infinity, which JSON.stringify writes as null.
  const get = (value: string) => raw(lake.port, `${v}/data/query/production?query=${encodeURIComponent('{"big": $x > 5, "x": $x}')}&%24x=${value}`).then((response) => response.json().result)
  for (const order of [['1e400', 'null'], ['null', '1e400'], ['-1e400', '1e400']]) {
    const answers = []
    for (const value of [...order, ...order]) answers.push(await get(value))
    // As groq-js answers each (the infinities themselves go out as null, as JSON has no other way).
    const expected: Record<string, unknown> = {'1e400': {big: true, x: null}, '-1e400': {big: false, x: null}, null: {big: null, x: null}}
    expect(answers, order.join(' then ')).toEqual([...order, ...order].map((value) => expected[value]))
  }
})

it('never caches a query that reads the clock', async () => {
  const first = await ask('{"now": now(), "forums": count(*[_type == "forum"])}')
  await new Promise((resolve) => setTimeout(resolve, 1100))
  const second = await ask('{"now": now(), "forums": count(*[_type == "forum"])}')
  expect((second.result as {now: string}).now).not.toBe((first.result as {now: string}).now)
})

it('empties the cache on every write: a count asked after each of 20 writes follows every one', async () => {
  const query = 'count(*[_type == "note"])'
  const results: number[] = []
  for (let i = 0; i < 20; i++) {
    await write([{create: {_id: `note.${i}`, _type: 'note'}}])
    results.push((await ask(query)).result as number)
    results.push((await ask(query)).result as number) // the second from the cache
  }
  expect(results).toEqual(Array.from({length: 20}, (_, i) => [i + 1, i + 1]).flat())
})

it('counts the response bodies it keeps of a cached answer against its limit, and drops the oldest answers past it', async () => {
  // Each query carries 40 KB and returns it: 80 KB a cached answer (result and key), four fit in 400 KB; the
  // bodies made of answers 2 and 3 (with the query echoed, 80 KB; without, 40 KB) do not fit beside them.
  const small = await startLake({queries: {cacheBytes: 400 * 1024}})
  try {
    // "work" makes a fresh evaluation take milliseconds (35^4 steps: each level reads `^`, so none is
    // evaluated once for all), so that its "ms" is never 0 as a cached answer's is.
    const big = (n: number) => `{"n": ${n}, "work": count(*[count(*[_id != ^._id && count(*[_id != ^._id && count(*[_id != ^._id]) > 0]) > 0]) > 0]), "pad": *[_id == "office-cn"][0].name + ${JSON.stringify('x'.repeat(40 * 1024))}}`
    const askSmall = (n: number, echo: boolean) =>
      postJson(small.port, `${v}/data/query/production${echo ? '' : '?returnQuery=false'}`, {query: big(n)}).then((response) => response.json() as {ms: number})
    for (let n = 0; n < 4; n++) {
      await askSmall(n, true)
      expect((await askSmall(n, true)).ms, `answer ${n} from the cache`).toBe(0)
    }
    // The bodies of answers 2 and 3 push the total past the limit: the oldest answers, 0 and 1, go.
    for (const n of [2, 3]) for (const echo of [true, false]) await askSmall(n, echo)
    expect((await askSmall(3, true)).ms).toBe(0)
    // Answer 0 was dropped: it is evaluated again (ms is the worker's time, a fresh answer), then cached again.
    const again = await postJson(small.port, `${v}/data/query/production`, {query: big(0)})
    expect(again.json().ms).not.toBe(0)
  } finally {
    await small.close()
  }
})
