import {spawn} from 'node:child_process'
import {appendFileSync, mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {LakeError} from '../../content-lake/errors.ts'
import {planMutations} from '../../content-lake/mutations/apply-mutations.ts'
import {DocumentStore, type Doc} from '../../content-lake/store/document-store.ts'
import {projectRoot} from '../support/cli.ts'
import {seed} from '../support/seed.ts'

const freshDir = () => mkdtempSync(join(tmpdir(), 'content-lake-test-'))
const seeded = () => DocumentStore.open(freshDir(), () => structuredClone(seed) as Doc[])

function lakeError(run: () => unknown): LakeError {
  try {
    run()
  } catch (error) {
    if (error instanceof LakeError) return error
    throw error
  }
  throw new Error('expected a LakeError')
}

describe('document store', () => {
  it('seeds an empty data folder, with system fields on every document', () => {
    const store = seeded()
    expect(store.size).toBe(seed.length)
    expect(store.get('office-cn')).toMatchObject({name: 'China National Intellectual Property Administration', _rev: expect.any(String), _createdAt: expect.any(String)})
    expect([...store.indexes.idsOfType('forum')].toSorted()).toEqual(['forum-id5', 'forum-ip5', 'forum-tm5'])
    expect(store.indexes.idsReferencing('person-liao-tao')).toEqual(new Set(['event-ip5-deputy-heads-2023', 'article-ip5-deputy-heads-2023', 'article-ip5-deputy-heads-2023-zh-hans']))
  })

  it('keeps the indexes in step with creates, patches and deletes', () => {
    const store = seeded()
    store.commit(planMutations(store, [{create: {_id: 'article.new', _type: 'article', title: 'New', offices: [{_key: 'a', _type: 'reference', _ref: 'office-jp'}]}}]))
    expect(store.indexes.idsReferencing('office-jp').has('article.new')).toBe(true)
    store.commit(planMutations(store, [{patch: {id: 'article.new', set: {'offices[0]._ref': 'office-kr'}}}]))
    expect(store.indexes.idsReferencing('office-jp').has('article.new')).toBe(false)
    expect(store.indexes.idsReferencing('office-kr').has('article.new')).toBe(true)
    store.commit(planMutations(store, [{delete: {id: 'article.new'}}]))
    expect(store.get('article.new')).toBeUndefined()
    expect(store.indexes.idsOfType('article').has('article.new')).toBe(false)
  })

  it('gives every changed document the transaction id as revision, and keeps _createdAt', () => {
    const store = seeded()
    const created = store.get('office-jp')!._createdAt
    const record = store.commit(planMutations(store, [{patch: {id: 'office-jp', set: {headquarters: 'Chiyoda, Tokyo'}}}]))
    expect(store.get('office-jp')).toMatchObject({_rev: record.transactionId, _createdAt: created, headquarters: 'Chiyoda, Tokyo'})
  })

  it('answers 409 for a stale ifRevisionID and leaves the document unchanged', () => {
    const store = seeded()
    const rev = store.get('office-jp')!._rev!
    store.commit(planMutations(store, [{patch: {id: 'office-jp', ifRevisionID: rev, set: {headquarters: 'A'}}}]))
    const error = lakeError(() => store.commit(planMutations(store, [{patch: {id: 'office-jp', ifRevisionID: rev, set: {headquarters: 'B'}}}])))
    expect(error.status).toBe(409)
    expect(error.message).toContain(`not the expected ${rev}`)
    expect(store.get('office-jp')!.headquarters).toBe('A')
  })

  it('survives a restart: the same documents and revisions come back', () => {
    const dir = freshDir()
    const first = DocumentStore.open(dir, () => structuredClone(seed) as Doc[])
    first.commit(planMutations(first, [{createOrReplace: {_id: 'office.xx', _type: 'office', name: 'Test office'}}]))
    first.commit(planMutations(first, [{delete: {id: 'office-gb'}}]))
    const expected = first.all().toSorted((a, b) => a._id.localeCompare(b._id))
    first.close()
    const second = DocumentStore.open(dir, () => [])
    expect(second.all().toSorted((a, b) => a._id.localeCompare(b._id))).toEqual(expected)
    second.compact()
    second.close()
    expect(DocumentStore.open(dir).all().toSorted((a, b) => a._id.localeCompare(b._id))).toEqual(expected)
  })

  it('drops a torn last line of the log: no partial transaction comes back', () => {
    const dir = freshDir()
    const store = DocumentStore.open(dir, () => structuredClone(seed) as Doc[])
    store.commit(planMutations(store, [{create: {_id: 'office.yy', _type: 'office', name: 'Kept'}}]))
    store.close()
    appendFileSync(join(dir, 'transactions.ndjson'), '{"transactionId":"torn","changes":[{"id":"office.zz","after":{"_id":"off')
    const reopened = DocumentStore.open(dir)
    expect(reopened.get('office.yy')?.name).toBe('Kept')
    expect(reopened.get('office.zz')).toBeUndefined()
    expect(readFileSync(join(dir, 'transactions.ndjson'), 'utf8').endsWith('\n')).toBe(true)
  })

  it('keeps every acknowledged transaction, and no half of one, when killed with SIGKILL', async () => {
    const dir = freshDir()
    const child = spawn(process.execPath, ['test/support/commit-loop.ts', dir], {cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit']})
    let acknowledged = -1
    let buffer = ''
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString()
        const lines = buffer.split('\n')
        buffer = lines.pop()!
        for (const line of lines) acknowledged = Number(line.slice('ack '.length))
        if (acknowledged >= 300 && !child.killed) child.kill('SIGKILL')
      })
      child.on('exit', () => resolve())
    })
    expect(acknowledged).toBeGreaterThanOrEqual(300)
    const store = DocumentStore.open(dir)
    for (let i = 0; i <= acknowledged; i++) expect(store.get(`pair.${i}.a`) && store.get(`pair.${i}.b`), `pair ${i}`).toBeTruthy()
    // Transactions are whole: every pair is complete, acknowledged or not.
    const notes = [...store.indexes.idsOfType('note')]
    const pairs = new Map<string, number>()
    for (const id of notes) pairs.set(id.split('.')[1]!, (pairs.get(id.split('.')[1]!) ?? 0) + 1)
    expect([...pairs.values()].every((count) => count === 2)).toBe(true)
  }, 60_000)
})

describe('mutations', () => {
  it('creates, replaces, creates if missing and deletes', () => {
    const store = seeded()
    const changes = planMutations(store, [
      {create: {_id: 'person.new', _type: 'person', familyName: 'New'}},
      {createIfNotExists: {_id: 'office-cn', _type: 'office', name: 'Ignored'}},
      {createOrReplace: {_id: 'forum-tm5', _type: 'forum', name: 'TM5 replaced'}},
      {delete: {id: 'forum-id5'}},
    ])
    store.commit(changes)
    expect(store.get('person.new')?.familyName).toBe('New')
    expect(store.get('office-cn')?.name).toBe('China National Intellectual Property Administration')
    expect(store.get('forum-tm5')).toMatchObject({name: 'TM5 replaced'})
    expect(store.get('forum-tm5')?.members).toBeUndefined()
    expect(store.get('forum-id5')).toBeUndefined()
  })

  it('applies patches with @sanity/mutator: set, unset, inc, insert, diffMatchPatch', () => {
    const store = seeded()
    store.commit(
      planMutations(store, [
        {patch: {id: 'forum-ip5', set: {abbreviation: 'IP-5'}, unset: ['description'], inc: {founded: 1}}},
        {patch: {id: 'forum-ip5', insert: {after: 'observers[-1]', items: [{_key: 'gb', _type: 'reference', _ref: 'office-gb'}]}}},
        {patch: {id: 'forum-ip5', diffMatchPatch: {name: '@@ -1,3 +1,4 @@\n IP5\n+!\n'}}},
      ]),
    )
    const forum = store.get('forum-ip5')!
    expect(forum).toMatchObject({abbreviation: 'IP-5', founded: 2008, name: 'IP5!'})
    expect(forum.description).toBeUndefined()
    expect((forum.observers as {_ref: string}[]).map((ref) => ref._ref)).toEqual(['office-wo', 'office-gb'])
  })

  it('rejects bad input with a 4xx and a message, changing nothing', () => {
    const store = seeded()
    const before = JSON.stringify(store.all())
    const cases: [unknown, number, RegExp][] = [
      [[], 400, /non-empty array/],
      [[{frobnicate: {id: 'x'}}], 400, /Unknown mutation \["frobnicate"\]/],
      [[{create: {_id: '-bad id', _type: 'office'}}], 400, /is not valid/],
      [[{create: {_id: 'office.new'}}], 400, /needs a _type/],
      [[{create: {_id: 'office-cn', _type: 'office'}}], 409, /already exists/],
      [[{patch: {id: 'office.none', set: {name: 'x'}}}], 404, /does not exist/],
      [[{patch: {id: 'office-cn', rename: {name: 'x'}}}], 400, /Unknown patch operation rename/],
      // All or nothing: the first mutation is valid, the second is not.
      [[{create: {_id: 'office.first', _type: 'office'}}, {create: {_id: 'office-cn', _type: 'office'}}], 409, /already exists/],
    ]
    for (const [mutations, status, message] of cases) {
      const error = lakeError(() => store.commit(planMutations(store, mutations as never)))
      expect(error.status).toBe(status)
      expect(error.message).toMatch(message)
    }
    expect(JSON.stringify(store.all())).toBe(before)
  })
})
