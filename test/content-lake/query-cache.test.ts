import {afterAll, beforeAll, expect, it} from 'vitest'

import {postJson, startLake, type InProcessLake} from '../support/lake.ts'

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
