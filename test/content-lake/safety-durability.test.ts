import {execFileSync} from 'node:child_process'
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {DocumentStore, type Doc} from '../../content-lake/store/document-store.ts'
import {planMutations} from '../../content-lake/mutations/apply-mutations.ts'
import {freshDataDir, postJson, raw, runLakeToExit, spawnLake, startLake, type InProcessLake} from '../support/lake.ts'
import {seed} from '../support/seed.ts'

// Every write the lake acknowledged is there after a crash, a full disk or a restart; nothing it
// refused is; and a damaged file stops start-up with its name, its line and the way out.

const v = '/v2025-02-19'
const put = (port: number, id: string, fields: Record<string, unknown> = {}) =>
  postJson(port, `${v}/data/mutate/production`, {mutations: [{createOrReplace: {_id: id, _type: 'note', ...fields}}]})
const datasetDir = (dataDir: string) => join(dataDir, 'production')

describe('a crash or a full disk loses no acknowledged write and keeps no partial one', () => {
  it('keeps every acknowledged transaction when the server is killed (SIGKILL) in the middle of a write loop', async () => {
    const dataDir = freshDataDir()
    const lake = await spawnLake(dataDir)
    const acknowledged: number[] = []
    // Four writers at once, each transaction a pair of documents; the kill lands while some are in flight.
    let next = 0
    const writer = async () => {
      while (next < 2000) {
        const i = next++
        const response = await postJson(lake.port, `${v}/data/mutate/production`, {
          mutations: [{create: {_id: `pair.${i}.a`, _type: 'note', n: i}}, {create: {_id: `pair.${i}.b`, _type: 'note', partner: {_type: 'reference', _ref: `pair.${i}.a`}}}],
        }).catch(() => undefined)
        if (response?.status !== 200) return
        acknowledged.push(i)
        if (acknowledged.length === 150) lake.child.kill('SIGKILL')
      }
    }
    await Promise.all([writer(), writer(), writer(), writer()])
    await lake.exited
    expect(acknowledged.length).toBeGreaterThanOrEqual(150)
    const store = DocumentStore.open(datasetDir(dataDir))
    for (const i of acknowledged) expect(store.get(`pair.${i}.a`) && store.get(`pair.${i}.b`), `pair ${i}`).toBeTruthy()
    const halves = new Map<string, number>()
    for (const id of store.indexes.idsOfType('note')) halves.set(id.split('.')[1]!, (halves.get(id.split('.')[1]!) ?? 0) + 1)
    expect([...halves.values()].every((count) => count === 2)).toBe(true)
    store.close()
  }, 60_000)

  it('answers writes on a full disk with 507, undoes the partial write, and keeps every acknowledged one after space returns and a restart', async () => {
    const dataDir = freshDataDir()
    // A soft file-size limit of 64 KiB on the server process: the log fills after a dozen 4 KB documents.
    const lake = await spawnLake(dataDir, [], 'ulimit -S -f 64')
    const filler = 'x'.repeat(4000)
    const accepted: string[] = []
    const refused: string[] = []
    const refusals: {status: number; description: string}[] = []
    for (let i = 0; i < 60 && refused.length < 3; i++) {
      const response = await put(lake.port, `full.${i}`, {filler})
      if (response.status === 200) accepted.push(`full.${i}`)
      else {
        refusals.push({status: response.status, description: response.json().error.description})
        refused.push(`full.${i}`)
      }
    }
    expect(refused).toHaveLength(3)
    for (const refusal of refusals) expect(refusal).toMatchObject({status: 507, description: expect.stringMatching(/disk is full/)})
    expect(accepted.length).toBeGreaterThan(3)
    // A refused write is not visible either.
    const visible = await raw(lake.port, `${v}/data/doc/production/${refused.join(',')}`)
    expect(visible.json().documents).toEqual([])
    // Space comes back: the same process takes writes again.
    execFileSync('prlimit', ['--pid', String(lake.child.pid), '--fsize=unlimited:'])
    for (let i = 100; i < 103; i++) {
      expect((await put(lake.port, `full.${i}`, {filler})).status).toBe(200)
      accepted.push(`full.${i}`)
    }
    lake.child.kill('SIGKILL')
    await lake.exited
    const log = readFileSync(join(datasetDir(dataDir), 'transactions.ndjson'), 'utf8')
    expect(log.endsWith('\n')).toBe(true)
    const store = DocumentStore.open(datasetDir(dataDir))
    for (const id of accepted) expect(store.get(id)?.filler, id).toBe(filler)
    for (const id of refused) expect(store.get(id), id).toBeUndefined()
    store.close()
  }, 60_000)
})

describe('loading keeps every intact transaction and names what is damaged', () => {
  const writeTen = (dir: string) => {
    const store = DocumentStore.open(dir, () => structuredClone(seed) as Doc[])
    for (let i = 0; i < 10; i++) store.commit(planMutations(store, [{create: {_id: `note.${i}`, _type: 'note', n: i}}]))
    store.close()
  }

  it('drops a torn last line (a write never acknowledged) with a message, and keeps the rest', async () => {
    const dataDir = freshDataDir()
    writeTen(datasetDir(dataDir))
    writeFileSync(join(datasetDir(dataDir), 'transactions.ndjson'), '{"transactionId":"torn","timest', {flag: 'a'})
    const started = await runLakeToExit(dataDir)
    expect(started.output).toMatch(/line 11: an unfinished write \(\d+ bytes, no newline\) was dropped/)
    const store = DocumentStore.open(datasetDir(dataDir))
    for (let i = 0; i < 10; i++) expect(store.get(`note.${i}`)).toBeDefined()
    store.close()
  }, 30_000)

  it('reads files a chunk at a time without losing a line that spans chunks or a snapshot\'s last line without its newline', () => {
    const directory = datasetDir(freshDataDir())
    // Documents of 3 MB: the 4 MB reads split them across chunks.
    const big = (n: number): Doc => ({_id: `note.big${n}`, _type: 'note', text: `${n}`.repeat(3 * 1024 * 1024), 'ünïcødé': '王林'})
    DocumentStore.open(directory, () => [big(1), big(2), big(3)]).close()
    const snapshotPath = join(directory, 'snapshot.ndjson')
    writeFileSync(snapshotPath, readFileSync(snapshotPath, 'utf8').trimEnd())
    const store = DocumentStore.open(directory)
    expect([1, 2, 3].map((n) => String(store.get(`note.big${n}`)?.text).length)).toEqual([3, 3, 3].map((mb) => mb * 1024 * 1024))
    expect(store.get('note.big3')?.['ünïcødé']).toBe('王林')
    store.close()
  })

  it('stops start-up on a damaged line in the middle of the log, naming file and line, and --reset recovers', async () => {
    const dataDir = freshDataDir()
    writeTen(datasetDir(dataDir))
    const logPath = join(datasetDir(dataDir), 'transactions.ndjson')
    const lines = readFileSync(logPath, 'utf8').split('\n')
    lines[4] = lines[4]!.slice(0, -10) // half a transaction, with intact ones after it
    writeFileSync(logPath, lines.join('\n'))
    const refused = await runLakeToExit(dataDir)
    expect(refused.code).toBe(2)
    expect(refused.output).toContain(`${logPath}, line 5: not valid JSON`)
    expect(refused.output).toContain('--reset')
    // Nothing was thrown away: the intact lines after the damage are still in the file.
    expect(readFileSync(logPath, 'utf8').split('\n')).toHaveLength(lines.length)
    const reset = await runLakeToExit(dataDir, ['--reset'])
    expect(reset.output).toContain(`Local Content Lake: https://localhost`)
    expect(reset.output).toMatch(/damaged dataset files were kept as .*transactions\.ndjson\.damaged-/)
    expect(readdirSync(datasetDir(dataDir)).some((name) => name.startsWith('transactions.ndjson.damaged-'))).toBe(true)
  }, 30_000)

  it('stops start-up on a damaged snapshot with its name and line', async () => {
    const dataDir = freshDataDir()
    writeTen(datasetDir(dataDir))
    const snapshotPath = join(datasetDir(dataDir), 'snapshot.ndjson')
    const lines = readFileSync(snapshotPath, 'utf8').split('\n')
    lines[2] = '{"_id": 1}'
    writeFileSync(snapshotPath, lines.join('\n'))
    const refused = await runLakeToExit(dataDir)
    expect(refused.code).toBe(2)
    expect(refused.output).toContain(`${snapshotPath}, line 3: a document without a string _id and _type`)
    expect((await runLakeToExit(dataDir, ['--reset'])).output).toContain('Local Content Lake: https://localhost')
  }, 30_000)
})

describe('transaction ids and revisions as the hosted lake checks them', () => {
  let lake: InProcessLake
  beforeAll(async () => {
    lake = await startLake()
  })
  afterAll(async () => lake?.close())

  it('refuses a client-chosen transaction id that was used before or is a document\'s revision, so ifRevisionID keeps protecting', async () => {
    const office = (await raw(lake.port, `${v}/data/doc/production/office-kr`)).json().documents[0] as Doc
    const reuse = await postJson(lake.port, `${v}/data/mutate/production`, {transactionId: office._rev, mutations: [{patch: {id: 'office-jp', set: {headquarters: 'x'}}}]})
    expect(reuse.status).toBe(409)
    const first = await postJson(lake.port, `${v}/data/mutate/production`, {transactionId: 'tx-chosen-once', mutations: [{patch: {id: 'office-kr', set: {headquarters: 'Daejeon'}}}]})
    expect(first.status).toBe(200)
    const again = await postJson(lake.port, `${v}/data/mutate/production`, {transactionId: 'tx-chosen-once', mutations: [{patch: {id: 'office-jp', set: {headquarters: 'y'}}}]})
    expect(again.status).toBe(409)
    const stale = await postJson(lake.port, `${v}/data/mutate/production`, {mutations: [{patch: {id: 'office-kr', ifRevisionID: office._rev, set: {headquarters: 'Lost update'}}}]})
    expect(stale.status).toBe(409)
    for (const revision of [123, null, {}, '']) {
      const response = await postJson(lake.port, `${v}/data/mutate/production`, {mutations: [{patch: {id: 'office-kr', ifRevisionID: revision, set: {headquarters: 'z'}}}]})
      expect(response.status, JSON.stringify(revision)).toBe(400)
    }
    expect(lake.store.get('office-kr')?.headquarters).toBe('Daejeon')
  })

  it('refuses a publish whose draft is not the draft of its published id, and changes nothing', async () => {
    const before = [lake.store.get('office-in'), lake.store.get('office-br')]
    for (const action of [
      {draftId: 'office-in', publishedId: 'office-br'},
      {draftId: 'drafts.office-in', publishedId: 'office-br'},
      {draftId: 'drafts.office-br', publishedId: 'drafts.office-br'},
    ]) {
      const response = await postJson(lake.port, `${v}/data/actions/production`, {actions: [{actionType: 'sanity.action.document.publish', ...action}]})
      expect(response.status, JSON.stringify(action)).toBe(400)
    }
    expect([lake.store.get('office-in'), lake.store.get('office-br')]).toEqual(before)
  })
})
