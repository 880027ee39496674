import {appendFileSync, readFileSync, writeFileSync} from 'node:fs'
import {connect} from 'node:http2'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {LIMITS} from '../../content-lake/limits.ts'
import {DocumentStore, type Doc} from '../../content-lake/store/document-store.ts'
import {projectRoot} from '../support/cli.ts'
import {postJson, raw, startLake, TEST_AUTHORIZATION, type InProcessLake} from '../support/lake.ts'
import {seed} from '../support/seed.ts'

// Adversarial input through HTTP: every request here must get a 4xx with a message, or be served,
// and the server must stay up and keep its dataset openable.

let lake: InProcessLake
const v = '/v2025-02-19'
const mutate = (mutations: unknown[]) => postJson(lake.port, `${v}/data/mutate/production`, {mutations})
const query = (groq: string, params: Record<string, unknown> = {}) => postJson(lake.port, `${v}/data/query/production`, {query: groq, params})
const nested = (depth: number, leaf: unknown = 'x'): unknown => {
  let value: unknown = leaf
  for (let level = 0; level < depth; level++) value = {a: value}
  return value
}
// A path pattern that makes groq-js's matcher backtrack for minutes on a short id.
const RUNAWAY = `"${'a.'.repeat(24)}a" in path("${'**.'.repeat(10)}x")`

/** A listener over HTTP/2, as the Studio opens them; collects its events. */
function listen(port: number, groq: string) {
  const session = connect(`https://127.0.0.1:${port}`, {rejectUnauthorized: false})
  const stream = session.request({':path': `${v}/data/listen/production?query=${encodeURIComponent(groq)}`, ':authority': `localhost:${port}`, ...TEST_AUTHORIZATION})
  let text = ''
  const status = new Promise<number>((resolve) => stream.on('response', (headers) => resolve(Number(headers[':status']))))
  stream.on('data', (chunk: Buffer) => (text += chunk))
  const closed = new Promise<void>((resolve) => stream.on('close', resolve))
  stream.on('error', () => {})
  return {status, closed, text: () => text, close: () => session.close()}
}

async function until(condition: () => boolean, ms = 5000) {
  const end = Date.now() + ms
  while (!condition() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 20))
  return condition()
}

beforeAll(async () => {
  lake = await startLake({queries: {timeoutMs: 1000}})
})
afterAll(async () => lake?.close())

describe('listeners cannot stop the server', () => {
  it('refuses a listener whose query uses a function the lake cannot evaluate, before the stream opens', async () => {
    for (const groq of ['*[geo::distance(1, 2) > 0]', '*[text::query("x")]', '*[geo::contains(a, b)]', '*[diff::changedAny(before(), after(), (title))]']) {
      const response = await raw(lake.port, `${v}/data/listen/production?query=${encodeURIComponent(groq)}`)
      expect(response.status, groq).toBe(400)
    }
    const geo = await raw(lake.port, `${v}/data/listen/production?query=${encodeURIComponent('*[geo::distance(1, 2) > 0]')}`)
    expect(geo.json().error.description).toMatch(/Listeners cannot use geo::distance\(\)/)
    // A bare expression selects no documents: it heard of every one before (`false` counted as a match).
    for (const groq of ['false', '_type == "article"', 'count(*[_type == "article"])']) {
      const response = await raw(lake.port, `${v}/data/listen/production?query=${encodeURIComponent(groq)}`)
      expect(response.status, groq).toBe(400)
      expect(response.json().error.description).toMatch(/Listen with a query over the documents/)
    }
  })

  it('gives a listener\'s query a tenth of a second to parse on the main thread (a 14 KB chain took a third of one)', async () => {
    const response = await raw(lake.port, `${v}/data/listen/production?query=${encodeURIComponent(`*[0]${'.a'.repeat(7_000)}`)}`)
    expect(response.status).toBe(400)
    expect(response.json().error.description).toMatch(/took more than 100 ms to parse/)
  })

  it('ends only the listener whose query fails on a write; the write, the server and other listeners carry on', async () => {
    const runaway = listen(lake.port, `*[_type == "forum" && ${RUNAWAY}]`)
    const good = listen(lake.port, '*[_type == "forum"]')
    expect(await runaway.status).toBe(200)
    expect(await good.status).toBe(200)
    const write = await mutate([{createOrReplace: {_id: 'forum.listened', _type: 'forum', name: 'Listened'}}])
    expect(write.status).toBe(200)
    await runaway.closed
    expect(runaway.text()).toContain('event: channelError')
    expect(await until(() => good.text().includes('"documentId":"forum.listened"'))).toBe(true)
    expect((await query('*[_id == "forum.listened"][0].name')).json().result).toBe('Listened')
    runaway.close()
    good.close()
  })

  it('stops a listener whose compiled filter runs away on a written document, and goes on serving', async () => {
    // Compiled (no groq-js): every item against every item against every item, 3,000 of them, 2.7e10 steps.
    const compiledRunaway = '*[_type == "bulkList" && count(items[count(^.items[count(^.^.items[true]) > 0]) > 0]) > 0]'
    const runaway = listen(lake.port, compiledRunaway)
    const good = listen(lake.port, '*[_type == "bulkList"]')
    expect(await runaway.status).toBe(200)
    expect(await good.status).toBe(200)
    const write = await mutate([{createOrReplace: {_id: 'bulk.list', _type: 'bulkList', items: Array.from({length: 3000}, (_, i) => i)}}])
    expect(write.status).toBe(200)
    await runaway.closed
    expect(runaway.text()).toContain('event: channelError')
    // Its check got what was left of the transaction's budget for all listeners (listener-hub.ts).
    expect(runaway.text()).toMatch(/ran longer than \d+ ms and was stopped/)
    expect(await until(() => good.text().includes('"documentId":"bulk.list"'))).toBe(true)
    expect((await query('count(*[_id == "bulk.list"][0].items)')).json().result).toBe(3000)
    runaway.close()
    good.close()
  }, 20_000)
})

describe('documents, parameters and queries past the limits get 4xx, and the dataset stays openable', () => {
  it(`refuses a document nested deeper than ${LIMITS.nestingDepth} levels and keeps one at the limit`, async () => {
    const tooDeep = await mutate([{createOrReplace: {_id: 'deep.doc', _type: 'note', body: nested(4000)}}])
    expect(tooDeep.status).toBe(400)
    expect(tooDeep.json().error.description).toMatch(/nested more than/)
    const justBeyond = await mutate([{createOrReplace: {_id: 'deep.doc', _type: 'note', body: nested(LIMITS.nestingDepth)}}])
    expect(justBeyond.status).toBe(400)
    const atLimit = await mutate([{createOrReplace: {_id: 'deep.doc', _type: 'note', body: nested(LIMITS.nestingDepth - 1)}}])
    expect(atLimit.status).toBe(200)
    // A patch cannot build what a create may not.
    const deeper = await mutate([{patch: {id: 'deep.doc', set: {[`body${'.a'.repeat(LIMITS.nestingDepth)}`]: 1}}}])
    expect(deeper.status).toBe(400)
    const hugeBody = await raw(lake.port, `${v}/data/mutate/production`, {method: 'POST', headers: {'content-type': 'application/json'}, body: `{"mutations":[{"create":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`})
    expect(hugeBody.status).toBe(400)
    // What was written opens again.
    const reopened = DocumentStore.open(lake.directory)
    expect(reopened.get('deep.doc')).toBeDefined()
    reopened.close()
  })

  it('opens, queries and resets a dataset that already holds a document nested thousands of levels deep', () => {
    const store = DocumentStore.open(join(lake.directory, 'old'), () => structuredClone(seed) as Doc[])
    store.close()
    const deep = `{"_id":"deep.old","_type":"note","body":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`
    appendFileSync(join(lake.directory, 'old', 'snapshot.ndjson'), `${deep}\n`)
    const opened = DocumentStore.open(join(lake.directory, 'old'))
    expect(opened.get('deep.old')).toBeDefined()
    opened.close()
    const reset = DocumentStore.open(join(lake.directory, 'old'), () => structuredClone(seed) as Doc[], {reset: true})
    expect(reset.get('deep.old')).toBeUndefined()
    expect(reset.size).toBe(seed.length)
    reset.close()
  })

  it('answers parameters and queries past the limits with 400, not 500', async () => {
    const deepParam = await raw(lake.port, `${v}/data/query/production?query=${encodeURIComponent('$p')}&$p=${'['.repeat(4000)}${']'.repeat(4000)}`)
    expect(deepParam.status).toBe(400)
    expect(deepParam.json().error.description).toMatch(/Parameter \$p is nested more than/)
    // Past what a URL may carry: an answer, not a reset connection.
    expect((await raw(lake.port, `${v}/data/query/production?query=${encodeURIComponent('$p')}&$p=${'['.repeat(100_000)}${']'.repeat(100_000)}`)).status).toBe(431)
    expect((await query('$p', {p: nested(1000)})).status).toBe(400)
    const deepBody = await raw(lake.port, `${v}/data/query/production`, {method: 'POST', headers: {'content-type': 'application/json'}, body: `{"query":"$p","params":{"p":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`})
    expect(deepBody.status).toBe(400)
    const deepQuery = await query(`${'('.repeat(1000)}1${')'.repeat(1000)}`)
    expect(deepQuery.status).toBe(400)
    expect(deepQuery.json().error.description).toMatch(/nests/)
    expect((await query('x'.repeat(LIMITS.queryLength + 1))).status).toBe(413)
  })

  it('refuses long chains (1 + 1 + ..., a.a.a..., x == 1 && ...) promptly: groq-js takes seconds to parse them', async () => {
    // 60 KB each: groq-js spent 6 to 15 s on each (twice: once for the template, once per request) before
    // its stack overflowed, holding a worker past the query time limit.
    const chains = [Array(30_000).fill('1').join('+'), `*[0]${'.a'.repeat(30_000)}`, Array(10_000).fill('a==1').join('&&')]
    const started = performance.now()
    const answers = await Promise.all(chains.map((chain) => query(chain)))
    for (const answer of answers) {
      expect(answer.status, answer.text).toBe(400)
      expect(answer.json().error.type).toBe('queryTooComplex')
    }
    // Each is stopped within the second its parse may take (three at once on two workers).
    expect(performance.now() - started).toBeLessThan(6_000)
    expect((await query('*[_id == "forum-ip5"][0].name')).json().result).toBe('IP5')
  }, 30_000)

  it('answers a JSON null, an array or a number as the body of query, mutate and actions with 400', async () => {
    for (const endpoint of ['query', 'mutate', 'actions']) {
      for (const body of ['null', '[]', '7', '"text"']) {
        const response = await raw(lake.port, `${v}/data/${endpoint}/production`, {method: 'POST', headers: {'content-type': 'application/json'}, body})
        expect(response.status, `${endpoint} ${body}`).toBe(400)
      }
    }
    expect((await postJson(lake.port, `${v}/data/query/production`, {query: '1', params: 5})).status).toBe(400)
  })

  it('answers a malformed percent escape in a path with 400', async () => {
    for (const path of [`${v}/data/doc/production/%E0%A4%A`, `${v}/data/history/production/transactions/%zz`, `${v}/users/me/keyvalue/%E0`]) {
      expect((await raw(lake.port, path)).status, path).toBe(400)
    }
  })

  it('answers functions groq-js does not implement, missing parameters and inherited names with 400', async () => {
    for (const groq of ['*[geo::distance(1, 2) > 0]', 'geo::latLng(1, 2)', 'text::semanticSimilarity("x")', 'documents::get("a")']) {
      const response = await query(groq)
      expect(response.status, groq).toBe(400)
    }
    const missing = await query('*[_id == $id]')
    expect(missing.status).toBe(400)
    expect(missing.json().error.description).toBe('param $id referenced, but not provided')
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect((await query(`$${name}`)).status, name).toBe(400)
    }
    expect((await query('$constructor', {constructor: 'given'})).json().result).toBe('given')
    // A parameter named __proto__ is a parameter like any other, given in a POST body or a GET query string.
    const viaPost = (await query('$__proto__', JSON.parse('{"__proto__": {"a": 1}}'))).json()
    const viaGet = (await raw(lake.port, `${v}/data/query/production?query=%24__proto__&%24__proto__=${encodeURIComponent('{"a":1}')}`)).json()
    expect(viaPost.result).toEqual({a: 1})
    expect(viaGet.result).toEqual({a: 1})
  })

  it('refuses documents without a string _type, and patches that remove it or change the _id', async () => {
    await mutate([{createOrReplace: {_id: 'note.typed', _type: 'note', title: 'x'}}])
    for (const mutation of [
      {create: {_id: 'note.numeric', _type: 7}},
      {create: {_id: 'note.blank', _type: '  '}},
      {patch: {id: 'note.typed', unset: ['_type']}},
      {patch: {id: 'note.typed', set: {_type: 3}}},
      {patch: {id: 'note.typed', set: {_id: 'note.other'}}},
    ]) {
      const response = await mutate([mutation])
      expect(response.status, JSON.stringify(mutation)).toBe(400)
    }
    expect((await query('*[_id == "note.typed"][0]._type')).json().result).toBe('note')
    expect((await query('count(*[_id in ["note.numeric", "note.blank", "note.other"]])')).json().result).toBe(0)
  })

  it('refuses more mutations or actions in one request than the limit', async () => {
    const mutations = Array.from({length: LIMITS.mutationsPerTransaction + 1}, (_, index) => ({createOrReplace: {_id: `bulk.${index}`, _type: 'note'}}))
    expect((await mutate(mutations)).status).toBe(413)
    expect((await query('count(*[_type == "note" && _id match "bulk.*"])')).json().result).toBe(0)
  })

  it('refuses a truncated or damaged image instead of storing made-up dimensions', async () => {
    const png = readFileSync(`${projectRoot}test/fixtures/red-3x2.png`)
    const upload = (body: Buffer) => raw(lake.port, `${v}/assets/images/production?filename=x.png`, {method: 'POST', headers: {'content-type': 'image/png'}, body})
    const truncated = await upload(png.subarray(0, 30))
    expect(truncated.status).toBe(400)
    const damaged = Buffer.from(png)
    damaged[20] = damaged[20]! ^ 0xff // inside IHDR: the width
    expect((await upload(damaged)).status).toBe(400)
    expect((await upload(png)).status).toBe(200)
    expect((await query('count(*[_type == "sanity.imageAsset"])')).json().result).toBe(1)
  })

  it('is still up and answering after all of the above', async () => {
    expect((await query('count(*[_type == "office"])')).json().result).toBe(22)
    writeFileSync(join(lake.directory, 'probe'), 'ok')
  })
})

describe('a result too large to send', () => {
  it('is answered 422, and the lake goes on answering', async () => {
    const patient = await startLake({queries: {timeoutMs: 60_000}})
    try {
      const ask = (groq: string) => postJson(patient.port, `${v}/data/query/production`, {query: groq})
      const response = await ask('*{"a": *{"b": *{"c": *{...}}}}')
      expect(response.status).toBe(422)
      expect(response.json().error.description).toMatch(/too large/)
      expect((await ask('count(*[_type == "forum"])')).json().result).toBe(3)
    } finally {
      await patient.close()
    }
  }, 90_000)
})

describe('ids and paths that name nothing', () => {
  it('refuses ids that end in a dot or are only a draft or version prefix, and patches through __proto__', async () => {
    // Nor a draft or version of a draft, version or system document: publishing one would write that document.
    for (const id of ['drafts.', 'versions.r1', 'versions.r1.', 'office.', 'a..b', 'versions.r1.versions.r2.office-de', 'versions.r1.drafts.office-de', 'drafts.versions.r1.x', 'drafts.drafts.x', 'versions.r1._.releases.r2', 'drafts.-x', 'versions.r1.-x']) {
      const response = await mutate([{createOrReplace: {_id: id, _type: 'note'}}])
      expect(response.status, id).toBe(400)
    }
    // One stored before that rule (written here behind the API's back) can still be deleted.
    lake.store.commit([{id: 'versions.r1.drafts.old-note', after: {_id: 'versions.r1.drafts.old-note', _type: 'note'}}])
    expect((await mutate([{delete: {id: 'versions.r1.drafts.old-note'}}])).status).toBe(200)
    expect(lake.store.get('versions.r1.drafts.old-note')).toBeUndefined()
    await mutate([{createOrReplace: {_id: 'note.proto', _type: 'note'}}])
    expect((await mutate([{patch: {id: 'note.proto', set: {'__proto__.polluted': 1}}}])).status).toBe(400)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
