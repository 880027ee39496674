/**
 * Ranked text search (`*[... match $search] | score(...) | order(_score desc, ...)[0...n]`), which the
 * lake answers from its token index (scores summed from term counts, the best sorted first) instead of
 * letting groq-js match and score every candidate: the same documents, in the same order, with the same
 * `_score`, as plain groq-js, for the package's article search and for other shapes of score(), in every
 * perspective, before and after edits. Also the case folding that index relies on, against the RegExps
 * groq-js builds.
 */
import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import * as fc from 'fast-check'
import {evaluate, parse} from 'groq-js'
import {afterAll, describe, expect, it} from 'vitest'

import {StoreQueries} from '../../content-lake/query/query-store.ts'
import {foldCase} from '../../content-lake/query/text-index.ts'
import {nthSmallest} from '../../content-lake/query/top-k.ts'
import {DocumentStore, type Doc} from '../../content-lake/store/document-store.ts'
import {articleSearchQuery} from '../../queries/index.ts'

const SEED = Number(process.env.GROQ_DIFF_SEED ?? 20_261_126)

// Words that share tokens case-insensitively only in groq-js's own way: ß is not SS, ſ (long s) and the
// Kelvin sign are not s and k, İ is not i.
const VOCABULARY = ['patent', 'Patent', 'PATENTS', 'office', 'quality', 'straße', 'STRASSE', 'ſtrasse', 'k', '\u212a', 'İstanbul', 'istanbul', 'co-operation', 'ip5', 'IP5', 'e.g.', '5', 'α', 'Ω']
const text = fc.array(fc.constantFrom(...VOCABULARY), {maxLength: 8}).map((words) => words.join(' '))
const block = (words: string, key: string) => ({_type: 'block', _key: key, style: 'normal', markDefs: [], children: [{_type: 'span', _key: `${key}s`, text: words, marks: []}]})

const article = fc.record(
  {
    title: fc.oneof({weight: 6, arbitrary: text}, fc.constant(null), fc.constant(3)),
    summary: fc.oneof({weight: 4, arbitrary: text}, fc.constant(undefined)),
    body: fc.array(text, {maxLength: 3}).map((parts) => parts.map((words, index) => block(words, `b${index}`))),
    language: fc.constantFrom('en', 'en', 'zh-Hans'),
    publishedAt: fc.constantFrom('2024-01-01T00:00:00Z', '2025-06-01T00:00:00Z', '2023-03-03T00:00:00Z', undefined),
  },
  {requiredKeys: ['title', 'body', 'language']},
)

/** Published articles, some with drafts, and a few other documents that hold the same words. */
const dataset = fc
  .array(fc.tuple(article, fc.option(article, {freq: 3})), {minLength: 1, maxLength: 40})
  .map((pairs) => [
    ...pairs.flatMap(([published, draft], index) => [
      {_id: `article-${index}`, _type: 'article', ...published},
      ...(draft ? [{_id: `drafts.article-${index}`, _type: 'article', ...draft}] : []),
    ]),
    {_id: 'event-1', _type: 'event', title: 'patent office quality'},
  ])

const searchWords = fc.array(fc.constantFrom(...VOCABULARY, 'pat*', 'PAT*', 'str*', 'q*', '*', 'pa*nt', 'off.ce', 'ſ*', 'nothing'), {minLength: 0, maxLength: 3}).map((words) => words.join(' '))

// The package's own search, and other shapes of score() groq-js ranks by.
const QUERIES = [
  articleSearchQuery,
  '*[_type == "article" && [title, summary, pt::text(body)] match $search] | score(title match $search, boost(summary match $search, 3)) | order(_score desc) [0...5] {_id, _score, title}',
  '*[_type == "article" && title match $search] | score(title match $search || summary match $search, pt::text(body) match $search && title match $search) | order(_score desc, _id desc) [1...4] {_id, _score}',
  '*[_type == "article"] | score(boost(title match $search, -2), summary match $search) | order(_score desc, publishedAt asc) [0...6] {_id, _score}',
  '*[_type == "article" && language == $language] | score([title, summary] match $search)[0...3]',
  '*[_type == "article"] | score(title match $search) | order(_score desc, title) [0]',
]

type PerspectiveName = 'raw' | 'published' | 'drafts'

function referenceView(documents: readonly Doc[], perspective: PerspectiveName): Doc[] {
  const byId = (a: Doc, b: Doc) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)
  if (perspective === 'raw') return documents.toSorted(byId)
  const published = documents.filter((doc) => !doc._id.startsWith('drafts.'))
  if (perspective === 'published') return published.toSorted(byId)
  // As the lake shows them in drafts: every document with its _originalId.
  const chosen = new Map(published.map((doc) => [doc._id, {...doc, _originalId: doc._id}]))
  for (const doc of documents) if (doc._id.startsWith('drafts.')) chosen.set(doc._id.slice(7), {...doc, _id: doc._id.slice(7), _originalId: doc._id})
  return [...chosen.values()].toSorted(byId)
}

async function plain(query: string, params: Record<string, unknown>, documents: Doc[]) {
  return (await evaluate(parse(query, {params}), {dataset: documents, params})).get()
}

function openStore(): DocumentStore {
  const parent = existsSync('/dev/shm') ? '/dev/shm' : tmpdir()
  return DocumentStore.open(mkdtempSync(join(parent, 'lake-ranked-search-')))
}

describe('ranked text search through the lake, against plain groq-js', () => {
  const store = openStore()
  const lakes = [new StoreQueries(store), new StoreQueries(store, {alwaysPick: true})]
  afterAll(() => {
    store.close()
    rmSync(store.directory, {recursive: true, force: true})
  })

  it('finds the same documents, in the same order, with the same _score, in every perspective and after edits', async () => {
    const compare = async (search: string, state: string) => {
      const params = {search, language: 'en', limit: 4}
      for (const perspective of ['raw', 'published', 'drafts'] as const) {
        const view = referenceView(store.all(), perspective)
        for (const query of QUERIES) {
          const expected = await plain(query, params, view)
          for (const queries of lakes) {
            const actual = await queries.query(query, params, perspective)
            if (JSON.stringify(actual) !== JSON.stringify(expected)) {
              throw new Error(`${state}, ${perspective}, search ${JSON.stringify(search)}\nquery: ${query}\nlake:    ${JSON.stringify(actual)}\ngroq-js: ${JSON.stringify(expected)}`)
            }
          }
        }
      }
    }
    const property = fc.asyncProperty(dataset, fc.array(searchWords, {minLength: 1, maxLength: 3}), article, async (documents, searches, edited) => {
      store.reset(structuredClone(documents))
      for (const search of searches) await compare(search, 'as given')
      // A write makes new views: their indexes keep the unchanged documents' tokens.
      store.commit([{id: 'article-0', after: {_id: 'article-0', _type: 'article', ...structuredClone(edited)}}], {referentialIntegrity: false})
      for (const search of searches) await compare(search, 'after an edit')
    })
    await expect(fc.assert(property, {seed: SEED, numRuns: 100})).resolves.toBeUndefined()
  }, 120_000)

  it('ranks by how often the words occur in the title, then by publication, as the site expects', async () => {
    store.reset([
      {_id: 'a', _type: 'article', language: 'en', title: 'Patent office', summary: 'quality', body: [], publishedAt: '2024-01-01T00:00:00Z'},
      {_id: 'b', _type: 'article', language: 'en', title: 'Patent patent quality', body: [], publishedAt: '2023-01-01T00:00:00Z'},
      {_id: 'c', _type: 'article', language: 'en', title: 'Other', body: [block('patent quality', 'k')], publishedAt: '2025-01-01T00:00:00Z'},
      {_id: 'd', _type: 'article', language: 'en', title: 'Office', body: [block('patent quality', 'k')], publishedAt: '2022-01-01T00:00:00Z'},
      {_id: 'e', _type: 'article', language: 'zh-Hans', title: 'Patent quality', body: [], publishedAt: '2025-01-01T00:00:00Z'},
    ])
    const hits = (await lakes[0]!.query(articleSearchQuery, {search: 'patent quality', language: 'en', limit: 10}, 'published')) as {_id: string}[]
    // b holds both words in its title (patent twice), a one in the title and one in the summary; c and d only in the body, newest first.
    expect(hits.map((hit) => hit._id)).toEqual(['b', 'a', 'c', 'd'])
  })

  it('indexes a document whose body holds 300,000 words (more than a call takes as arguments)', async () => {
    const words = Array.from({length: 300_000}, (_, index) => (index === 299_999 ? 'needle' : 'hay')).join(' ')
    store.reset([
      {_id: 'long', _type: 'article', language: 'en', title: 'Long', body: [block(words, 'k')]},
      {_id: 'short', _type: 'article', language: 'en', title: 'Short', body: [block('hay', 'k')]},
    ])
    // Scored from the index alone (groq-js's own match gathers a text's tokens as a call's arguments, and overflows here).
    const hits = await lakes[0]!.query('*[_type == "article"] | score(pt::text(body) match "needle") | order(_score desc) [0...2] {_id, _score}', {}, 'published')
    expect(hits).toEqual([{_id: 'long', _score: 1}, {_id: 'short', _score: 0}])
  })
})

describe('case folding of the token index', () => {
  it('equals groq-js matching a word: a case-insensitive RegExp without the u flag, for every code unit that has a case', () => {
    const cased: string[] = []
    for (let unit = 0; unit < 0x10000; unit++) {
      const char = String.fromCharCode(unit)
      if (char.toUpperCase() !== char || char.toLowerCase() !== char) cased.push(char, ...[char.toUpperCase(), char.toLowerCase()].filter((other) => other.length === 1))
    }
    const units = [...new Set(cased)]
    let differences = 0
    for (const a of units) {
      const pattern = new RegExp(`^\\u${a.charCodeAt(0).toString(16).padStart(4, '0')}$`, 'i')
      const folded = foldCase(a)
      for (const b of units) if (pattern.test(b) !== (folded === foldCase(b))) differences++
    }
    expect(units.length).toBeGreaterThan(2000)
    expect(differences).toBe(0)
  })
})

describe('the score bands of ranked search', () => {
  it('find the nth smallest score as a sort does, ties and sorted runs included', () => {
    const scores = fc.oneof(fc.array(fc.constantFrom(0.5, 1, 1.5, 2, 3.25), {minLength: 1, maxLength: 300}), fc.array(fc.double({min: -5, max: 5, noNaN: true}), {minLength: 1, maxLength: 300}))
    fc.assert(
      fc.property(scores, fc.nat(), fc.boolean(), (values, at, presorted) => {
        const list = presorted ? values.toSorted((a, b) => a - b) : values
        const n = at % list.length
        expect(nthSmallest(Float64Array.from(list), n)).toBe(Float64Array.from(list).toSorted()[n])
      }),
      {seed: 20_261_204, numRuns: 500},
    )
  })
})
