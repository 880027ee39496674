import {createClient} from '@sanity/client'
import {firstValueFrom} from 'rxjs'
import {createSearch, getSearchableTypes} from 'sanity'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {postJson, startLake, TEST_TOKEN, type InProcessLake} from '../support/lake.ts'
import {workspaceFor} from '../support/workspace.ts'

// The Studio's own search (its groq2024 strategy, the query it builds from the schema's weights)
// against the lake, as the search box and reference inputs use it.

// The Node client talks only to this test's own lake on 127.0.0.1, whose certificate is self-signed.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'

let lake: InProcessLake
let search: (text: string) => Promise<string[]>

beforeAll(async () => {
  lake = await startLake()
  const client = createClient({projectId: 'local', dataset: 'production', apiHost: `https://localhost:${lake.port}`, useProjectHostname: false, useCdn: false, apiVersion: '2025-02-19', token: TEST_TOKEN})
  const {schema} = await workspaceFor()
  const find = createSearch(getSearchableTypes(schema), client, {strategy: 'groq2024', perspective: 'drafts'})
  search = async (text) => {
    const results = await firstValueFrom(find({query: text, types: []}, {limit: 20}))
    return results.hits.map((hit) => hit.hit._id)
  }
})
afterAll(async () => lake?.close())

describe('search', () => {
  it('puts the office first for its abbreviation, before the departments, people and articles that refer to it', async () => {
    // Even an article with the abbreviation in its title that refers to the office comes after it.
    await postJson(lake.port, '/v2025-02-19/data/mutate/production', {mutations: [{create: {_id: 'drafts.article.cnipa-uspto', _type: 'article', title: 'CNIPA and USPTO discuss examination practice', slug: {_type: 'slug', current: 'cnipa-and-uspto-discuss-examination-practice'}, offices: [{_key: 'a', _type: 'reference', _ref: 'office-cn'}]}}]})
    const hits = await search('CNIPA')
    expect(hits).toContain('article.cnipa-uspto')
    expect(hits[0]).toBe('office-cn')
    expect(hits).toContain('office-cn-international-cooperation')
  })

  it('finds a document by any string field: former names, names in other languages, position titles', async () => {
    expect(await search('SIPO')).toEqual(['office-cn'])
    expect(await search('国家知识产权局')).toContain('office-cn')
    const deputies = await search('Deputy Commissioner')
    expect(deputies).toEqual(expect.arrayContaining(['person-liao-tao', 'person-katsura-masanori']))
  })

  it('searches Portable Text bodies and matches word prefixes as the Studio asks (the last word)', async () => {
    // "officiated" is only in the article's body.
    expect(await search('officiated')).toEqual(['article-ip5-deputy-heads-2023'])
    expect(await search('officia')).toContain('article-ip5-deputy-heads-2023')
  })
})
