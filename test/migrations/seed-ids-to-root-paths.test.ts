import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {collectMigrationMutations} from 'sanity/migrate'
import {describe, expect, it} from 'vitest'

import type {ApiMutation} from '../../content-lake/mutations/apply-mutations.ts'
import {planMutations} from '../../content-lake/mutations/apply-mutations.ts'
import {DocumentStore, type Doc} from '../../content-lake/store/document-store.ts'
import migration, {rootPathId} from '../../migrations/seed-ids-to-root-paths/index.ts'
import {seed} from '../support/seed.ts'

// The ids of the seed's documents before they moved to root paths (2026-12-04).
const EARLIER_IDS = [
  'office.us', 'office.cn', 'office.jp', 'office.kr', 'office.ep', 'office.wo', 'office.gb', 'office.de', 'office.fr', 'office.in', 'office.br',
  'office.ea', 'office.ap', 'office.oa', 'office.em', 'office.cn.international-cooperation', 'office.cn.treaty-and-law', 'office.cn.strategic-planning',
  'office.cn.patent-office', 'office.cn.patent-office.examination-affairs', 'office.cn.patent-office.documentation', 'office.cn.patent-office.automation',
  'forum.ip5', 'forum.tm5', 'forum.id5', 'person.liao-tao', 'person.valencia-martin-wallace', 'person.christoph-ernst', 'person.katsura-masanori',
  'person.ryu-donghyun', 'event.ip5-deputy-heads-2023', 'article.ip5-deputy-heads-2023', 'article.ip5-deputy-heads-2023.zh-hans',
  'translation.ip5-deputy-heads-2023',
]
const earlierId = new Map(EARLIER_IDS.map((id) => [rootPathId(id)!, id]))

/** A value with every id and reference of the seed as an earlier seed had it. */
function asEarlier<T>(value: T): T {
  if (Array.isArray(value)) return value.map(asEarlier) as T
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, (key === '_id' || key === '_ref') && typeof child === 'string' ? (earlierId.get(child) ?? child) : asEarlier(child)])) as T
}

type MigrateMutation =
  | {type: 'createIfNotExists'; document: Doc}
  | {type: 'delete'; id: string}
  | {type: 'patch'; id: string; patches: {path: (string | number | {_key: string})[]; op: {type: string; value: unknown}}[]; options?: {ifRevision?: string}}

/** A sanity/migrate path as the HTTP API's patch paths write it: `positions[_key=="now"].office._ref`. */
const pathString = (path: (string | number | {_key: string})[]) =>
  path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : typeof segment === 'string' ? `${index ? '.' : ''}${segment}` : `[_key==${JSON.stringify(segment._key)}]`)).join('')

/** What the runner sends to /data/mutate for one of sanity/migrate's mutations (set patches are all this migration makes). */
function toApi(mutation: MigrateMutation): ApiMutation {
  if (mutation.type === 'createIfNotExists') return {createIfNotExists: mutation.document} as ApiMutation
  if (mutation.type === 'delete') return {delete: {id: mutation.id}} as ApiMutation
  for (const {op} of mutation.patches) expect(op.type).toBe('set')
  const set = Object.fromEntries(mutation.patches.map(({path, op}) => [pathString(path), op.value]))
  return {patch: {id: mutation.id, set, ...(mutation.options?.ifRevision ? {ifRevisionID: mutation.options.ifRevision} : {})}} as ApiMutation
}

/** Runs the migration over a lake's documents and commits what it yields there, each transaction as one. */
async function migrate(store: DocumentStore): Promise<MigrateMutation[][]> {
  const documents = async function* () {
    yield* store.all()
  } as unknown as Parameters<typeof collectMigrationMutations>[1]
  const context = {client: undefined, filtered: {getDocument: async () => undefined, getDocuments: async () => []}, dryRun: false} as never
  const transactions: MigrateMutation[][] = []
  for await (const yielded of collectMigrationMutations(migration, documents, context)) {
    for (const item of [yielded].flat() as ({type: 'transaction'; mutations: MigrateMutation[]} | MigrateMutation)[]) {
      const mutations = item.type === 'transaction' ? item.mutations : [item]
      transactions.push(mutations)
      // The lake's referential-integrity check judges the transaction as it leaves the dataset.
      store.commit(planMutations(store, mutations.map(toApi)))
    }
  }
  return transactions
}

const open = (documents: Doc[]) => DocumentStore.open(mkdtempSync(join(tmpdir(), 'migration-root-paths-')), () => structuredClone(documents))
const content = ({_rev: _r, _updatedAt: _u, _createdAt: _c, ...rest}: Doc) => rest

describe('migration: seed ids to root paths', () => {
  it('moves an earlier seed to the current one in one transaction, every reference with it', async () => {
    const earlier = seed.map(asEarlier)
    expect(earlier.filter((doc) => doc._id.includes('.'))).toHaveLength(EARLIER_IDS.length)
    const store = open(earlier)
    const transactions = await migrate(store)
    expect(transactions).toHaveLength(1)
    const byId = (docs: readonly Doc[]) => Object.fromEntries(docs.map((doc) => [doc._id, content(doc)]))
    expect(byId(store.all())).toEqual(byId(seed))
  })

  it('carries drafts, versions and the editors\' own documents along, and keeps a document whose new id is taken', async () => {
    const earlier = seed.map(asEarlier)
    const editorsArticle = {_id: '4f1c7a52-9d1e-4c1b-8a3e-2b9f3e0c6d11', _type: 'article', title: 'An editor\'s article', offices: [{_key: 'a', _type: 'reference', _ref: 'office.cn'}]}
    const draft = {...earlier.find((doc) => doc._id === 'office.jp')!, _id: 'drafts.office.jp', headquarters: 'Tokyo (draft)'}
    const version = {_id: 'versions.r1.person.liao-tao', _type: 'person', givenName: 'Tao', familyName: 'Liao', positions: [{_key: 'p', _type: 'position', title: 'Deputy', office: {_type: 'reference', _ref: 'office.cn', _weak: true}}]}
    const taken = [{_id: 'forum.ip5', _type: 'forum', name: 'IP5 (old)'}, {_id: 'forum-ip5', _type: 'forum', name: 'IP5 (already there)'}]
    const store = open([...earlier.filter((doc) => doc._id !== 'forum.ip5'), editorsArticle, draft, version, ...taken])
    await migrate(store)

    expect(store.get(editorsArticle._id)?.offices).toEqual([{_key: 'a', _type: 'reference', _ref: 'office-cn'}])
    expect(store.get('drafts.office-jp')).toMatchObject({headquarters: 'Tokyo (draft)'})
    expect(store.get('drafts.office.jp')).toBeUndefined()
    expect(store.get('versions.r1.person-liao-tao')?.positions).toEqual([expect.objectContaining({office: {_type: 'reference', _ref: 'office-cn', _weak: true}})])
    // forum-ip5 was taken: forum.ip5 stays, and so do the references to it (the event's forum).
    expect(store.get('forum.ip5')?.name).toBe('IP5 (old)')
    expect(store.get('forum-ip5')?.name).toBe('IP5 (already there)')
    expect(store.get('event-ip5-deputy-heads-2023')?.forum).toMatchObject({_ref: 'forum.ip5'})
    expect(store.all().map((doc) => doc._id).filter((id) => id.includes('.') && !id.startsWith('drafts.') && !id.startsWith('versions.'))).toEqual(['forum.ip5'])
  })

  it('finds nothing to do on the current seed, or a second time', async () => {
    const store = open(seed)
    expect(await migrate(store)).toEqual([])
    const earlier = open(seed.map(asEarlier))
    await migrate(earlier)
    expect(await migrate(earlier)).toEqual([])
  })

  it('moves only the model\'s dotted ids, keeping the variant prefix', () => {
    expect(rootPathId('office.cn.patent-office')).toBe('office-cn-patent-office')
    expect(rootPathId('drafts.article.x.zh-hans')).toBe('drafts.article-x-zh-hans')
    expect(rootPathId('versions.r1.person.liao-tao')).toBe('versions.r1.person-liao-tao')
    for (const stays of ['office-cn', 'cookiePolicy', 'sanity-preview-url-secret.share-access', 'drafts.abc', '_.releases.r1', 'image-abc-3x2-png']) expect(rootPathId(stays), stays).toBeUndefined()
  })
})
