import {collectMigrationMutations, type Migration} from 'sanity/migrate'
import {describe, expect, it} from 'vitest'

import migration from '../../migrations/record-kipo-renaming/index.ts'
import {createInMemoryClient} from '../../offline/in-memory-client.ts'
import type {Doc} from '../../offline/ndjson.ts'
import {seed} from '../support/seed.ts'

/** The documents the migration runner would hand over: its types and filter, evaluated with groq-js. */
async function selected(documents: readonly Doc[], definition: Migration) {
  // The runner builds this same query from the migration's own fields.
  const query = `*[_type in $types && (${definition.filter ?? 'true'})]`
  return createInMemoryClient(documents).fetch<Doc[]>(query, {types: definition.documentTypes})
}

async function mutationsFor(documents: readonly Doc[]) {
  const input = await selected(documents, migration)
  // sanity/migrate's document type differs from @sanity/types' in its optional fields only.
  const iterate = async function* () {
    yield* input
  } as unknown as Parameters<typeof collectMigrationMutations>[1]
  const context = {client: undefined, filtered: {getDocument: async () => undefined, getDocuments: async () => []}, dryRun: true} as never
  const out = []
  for await (const mutation of collectMigrationMutations(migration, iterate, context)) out.push(mutation)
  return out.flat()
}

describe('migration: record KIPO renaming', () => {
  it('patches KIPO only: the old name goes to former names, dated, and the names change', async () => {
    const mutations = await mutationsFor(seed)
    expect(mutations).toEqual([
      {
        type: 'patch',
        id: 'office-kr',
        patches: [
          {path: ['formerNames'], op: {type: 'setIfMissing', value: []}},
          {
            path: ['formerNames'],
            op: {
              type: 'insert',
              position: 'after',
              referenceItem: -1,
              items: [{_key: 'kipo', _type: 'formerName', name: 'Korean Intellectual Property Office', abbreviation: 'KIPO', until: '2025-09-30'}],
            },
          },
          {path: ['name'], op: {type: 'set', value: 'Ministry of Intellectual Property'}},
          {path: ['abbreviation'], op: {type: 'set', value: 'MOIP'}},
          {path: ['officialNames', {_key: 'ko'}, 'name'], op: {type: 'set', value: '지식재산처'}},
        ],
      },
    ])
  })

  it('applies only if the office is unchanged since it was read', async () => {
    const withRevision = seed.map((doc) => (doc._id === 'office-kr' ? {...doc, _rev: 'rev-1'} : doc))
    const [mutation] = (await mutationsFor(withRevision)) as {options?: {ifRevision?: string}}[]
    expect(mutation?.options).toEqual({ifRevision: 'rev-1'})
  })

  it('leaves an office already renamed alone, so a second run changes nothing', async () => {
    const renamed = seed.map((doc) => (doc._id === 'office-kr' ? {...doc, name: 'Ministry of Intellectual Property', abbreviation: 'MOIP'} : doc))
    expect(await mutationsFor(renamed)).toEqual([])
  })

  it('adds the Korean name when the office had none', async () => {
    const withoutKorean = seed.map((doc) => (doc._id === 'office-kr' ? {...doc, officialNames: undefined} : doc))
    const [mutation] = (await mutationsFor(withoutKorean)) as {patches: {path: unknown[]; op: {type: string}}[]}[]
    expect(mutation!.patches.slice(-2)).toEqual([
      {path: ['officialNames'], op: {type: 'setIfMissing', value: []}},
      {
        path: ['officialNames'],
        op: {type: 'insert', position: 'after', referenceItem: -1, items: [{_key: 'ko', _type: 'localizedName', language: 'ko', name: '지식재산처'}]},
      },
    ])
  })
})
