import {collectMigrationMutations} from 'sanity/migrate'
import {describe, expect, it} from 'vitest'

import migration from '../../migrations/add-chinese-names/index.ts'
import {createInMemoryClient} from '../../offline/in-memory-client.ts'
import type {Doc} from '../../offline/ndjson.ts'
import {seed} from '../support/seed.ts'

type Mutation = {type: string; id: string; patches: {path: unknown[]; op: {type: string; value?: unknown; items?: unknown[]}}[]}

/** The seed as a dataset loaded before names in other languages had Chinese values. */
const withoutChinese = (documents: readonly Doc[]): Doc[] =>
  documents.map((doc) => {
    const strip = (list: unknown) => (Array.isArray(list) ? list.filter((item: {language?: string}) => item.language !== 'zh-Hans') : list)
    const copy: Doc = {...structuredClone(doc)}
    for (const field of ['officialNames', 'localizedNames', 'localizedTitles']) {
      if (field in copy) {
        const kept = strip(copy[field]) as unknown[]
        if (kept.length) copy[field] = kept
        else delete copy[field]
      }
    }
    if (Array.isArray(copy.positions)) copy.positions = copy.positions.map((position: Record<string, unknown>) => {
      const {localizedTitles: _dropped, ...rest} = position
      return rest
    })
    return copy
  })

async function mutationsFor(documents: readonly Doc[]): Promise<Mutation[]> {
  const input = await createInMemoryClient(documents).fetch<Doc[]>('*[_type in $types]', {types: migration.documentTypes})
  const iterate = async function* () {
    yield* input
  } as unknown as Parameters<typeof collectMigrationMutations>[1]
  const context = {client: undefined, filtered: {getDocument: async () => undefined, getDocuments: async () => []}, dryRun: true} as never
  const out = []
  for await (const mutation of collectMigrationMutations(migration, iterate, context)) out.push(mutation)
  return out.flat() as Mutation[]
}

/** Applies the migration's patches the simple way they are written (setIfMissing, then append). */
function apply(documents: readonly Doc[], mutations: Mutation[]): Doc[] {
  const result = structuredClone(documents) as Doc[]
  for (const mutation of mutations) {
    const doc = result.find((candidate) => candidate._id === mutation.id)!
    for (const {path, op} of mutation.patches) {
      let parent: Record<string, unknown> = doc
      for (const segment of path.slice(0, -1)) {
        parent = (typeof segment === 'string' ? parent[segment] : (parent as unknown as {_key: string}[]).find((item) => item._key === (segment as {_key: string})._key)) as Record<string, unknown>
      }
      const last = path.at(-1) as string
      if (op.type === 'setIfMissing') parent[last] ??= op.value
      else if (op.type === 'insert') (parent[last] as unknown[]).push(...op.items!)
    }
  }
  return result
}

describe('migration: add Chinese names', () => {
  it('gives a dataset from before the Chinese names the seed\'s names, and leaves every other value as it was', async () => {
    const before = withoutChinese(seed)
    const mutations = await mutationsFor(before)
    expect(new Set(mutations.map((mutation) => mutation.type))).toEqual(new Set(['patch']))
    const after = apply(before, mutations)
    const named = (doc: Doc) => ['office', 'forum', 'event', 'person'].includes(doc._type)
    expect(after.filter(named)).toEqual(seed.filter(named))
  })

  it('changes nothing on the seed, nor twice: a name already there in Chinese stays', async () => {
    expect(await mutationsFor(seed)).toEqual([])
    const edited = seed.map((doc) =>
      doc._id === 'forum-ip5' ? {...doc, localizedNames: [{_key: 'zh', _type: 'localizedName', language: 'zh-Hans', name: '五局'}]} : doc,
    )
    expect((await mutationsFor(edited)).map((mutation) => mutation.id)).not.toContain('forum-ip5')
  })

  it('leaves documents the seed does not have alone', async () => {
    const other = {_id: 'office.xx', _type: 'office', name: 'Unknown office', kind: 'national'}
    expect(await mutationsFor([other])).toEqual([])
  })
})
