/**
 * The lake's query path against plain groq-js, on random datasets and random queries.
 *
 * Each case is a dataset (published documents, drafts, release versions `versions.r1.x`, references with
 * and without `_weak`, slugs, arrays, numbers, strings, nulls, missing fields), a few queries from a
 * grammar of the filters the lake narrows with its indexes and the ones it passes through, and a few
 * edits. Every query runs in every perspective through StoreQueries (over a DocumentStore) and through
 * groq-js's own evaluator over the perspective's documents, built here independently and sorted by
 * `_id`; then the edits are committed one by one and everything is compared again. Results must be
 * deep-equal, order included, or both must be errors.
 *
 * Seeded: GROQ_DIFF_SEED=<n> and GROQ_DIFF_RUNS=<n> change the seed and the number of runs. A failure
 * prints fast-check's seed and counterexample (dataset, queries, edits) and the differing answers.
 */
import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {isDeepStrictEqual} from 'node:util'

import * as fc from 'fast-check'
import {evaluate, parse} from 'groq-js'
import {afterAll, describe, expect, it} from 'vitest'

import {LakeError} from '../../content-lake/errors.ts'
import {StoreQueries} from '../../content-lake/query/query-store.ts'
import {DocumentStore, type Doc} from '../../content-lake/store/document-store.ts'

const SEED = Number(process.env.GROQ_DIFF_SEED ?? 20_261_126)
const RUNS = Number(process.env.GROQ_DIFF_RUNS ?? 600)

// ---------------------------------------------------------------------------------------------------
// Datasets

const BASE_IDS = ['a1', 'a2', 'b.1', 'p1', 'p2', 'x']
const RELEASES = ['r1', 'r2']
const TYPES = ['article', 'person', 'office']
const SLUGS = ['one', 'two', 'three']
// Words whose case groq-js's RegExps fold in their own way (ß is not SS, ſ and the Kelvin sign stay apart from s and k).
const WORDS = ['alpha', 'beta', 'Alpha beta', 'gamma delta', 'alphabet', '', 'ALPHA alpha alph', 'straße STRASSE ſtrasse', 'K \u212a k-k']
const ALL_IDS = BASE_IDS.flatMap((id) => [id, `drafts.${id}`, ...RELEASES.map((release) => `versions.${release}.${id}`)])

const reference = fc.record(
  {_type: fc.constant('reference'), _ref: fc.constantFrom(...BASE_IDS, ...ALL_IDS.slice(0, 8), 'missing'), _weak: fc.constant(true), _key: fc.constantFrom('k1', 'k2')},
  {requiredKeys: ['_type', '_ref']},
)

const content = fc.record(
  {
    _type: fc.constantFrom(...TYPES),
    title: fc.oneof(fc.constantFrom(...WORDS), fc.constant(null), fc.integer({min: 0, max: 3})),
    rank: fc.oneof(fc.integer({min: -2, max: 5}), fc.constantFrom(2.5, '3', null, true)),
    slug: fc.oneof(fc.record({_type: fc.constant('slug'), current: fc.constantFrom(...SLUGS)}), fc.constant({current: null}), fc.constantFrom(...SLUGS)),
    tags: fc.array(fc.constantFrom('t1', 't2', 't3'), {maxLength: 3}),
    author: reference,
    items: fc.array(reference, {maxLength: 3}),
    date: fc.constantFrom('2024-01-01T00:00:00Z', '2023-06-01T12:00:00Z', 'not a date'),
    nested: fc.record({author: reference, n: fc.integer({min: 0, max: 2})}, {requiredKeys: []}),
    // score() starts from a stored numeric _score.
    _score: fc.constantFrom(1.5, 'high'),
  },
  {requiredKeys: ['_type']},
)

type Content = Record<string, unknown> & {_type: string}

/** Up to one published document, draft and version in each release per base id. */
const dataset = fc
  .tuple(
    fc.tuple(
      ...BASE_IDS.map((id) =>
      fc.record({published: fc.option(content, {freq: 3}), draft: fc.option(content), r1: fc.option(content, {freq: 3}), r2: fc.option(content, {freq: 4})}).map((variants) => {
        const docs: Doc[] = []
        if (variants.published) docs.push({...variants.published, _id: id})
        if (variants.draft) docs.push({...variants.draft, _id: `drafts.${id}`})
        if (variants.r1) docs.push({...variants.r1, _id: `versions.r1.${id}`})
        if (variants.r2) docs.push({...variants.r2, _id: `versions.r2.${id}`})
        return docs
      }),
      ),
    ),
    fc.boolean(),
  )
  .map(([groups, withRelease]) => [...groups.flat(), ...(withRelease ? [{_id: '_.releases.r1', _type: 'system.release', state: 'active', metadata: {title: 'R1'}}] : [])])
  // In any order: the store and its indexes list documents in the order they were written.
  .chain((docs) => fc.shuffledSubarray(docs, {minLength: docs.length, maxLength: docs.length}))

type Edit = {id: string; after: Content | null}
const edit: fc.Arbitrary<Edit> = fc.record({id: fc.constantFrom(...ALL_IDS), after: fc.option(content, {freq: 3}) as fc.Arbitrary<Content | null>})

// ---------------------------------------------------------------------------------------------------
// Queries

const quoted = (value: string) => JSON.stringify(value)
const list = (values: string[]) => `[${values.map(quoted).join(', ')}]`
const someOf = (values: string[]) => fc.subarray(values, {minLength: 1, maxLength: 3})

// Filters the lake answers from its _type, _id, slug and reference indexes.
const narrowed = fc.oneof(
  fc.constantFrom(...TYPES).map((type) => `_type == ${quoted(type)}`),
  fc.constantFrom(...TYPES).map((type) => `${quoted(type)} == _type`),
  someOf(TYPES).map((types) => `_type in ${list(types)}`),
  fc.constantFrom(...ALL_IDS, 'nope').map((id) => `_id == ${quoted(id)}`),
  fc.subarray([...ALL_IDS, 'nope'], {maxLength: 5}).map((ids) => `_id in ${list(ids)}`),
  fc.constantFrom(...SLUGS).map((slug) => `slug.current == ${quoted(slug)}`),
  fc.constantFrom(...BASE_IDS, 'drafts.a1', 'missing').map((id) => `references(${quoted(id)})`),
  someOf(BASE_IDS).map((ids) => `references(${list(ids)})`),
  fc.constant('_type == $type'),
  fc.constant('_id in $ids'),
  // Ranges of a field's strings: numbers, nulls and other types in that field never match.
  fc.tuple(fc.constantFrom('<', '<=', '>', '>='), fc.constantFrom('alpha', 'beta', 'gamma', '', '2024', '2023-06-01T12:00:00Z')).map(([op, value]) => `title ${op} ${quoted(value)}`),
  fc.tuple(fc.constantFrom('<', '<=', '>', '>='), fc.constantFrom('2023', '2024-01-01', '2024-01-01T00:00:00Z', 'not')).map(([op, value]) => `date ${op} ${quoted(value)}`),
  fc.constantFrom('"beta" > title', '"2024" <= date', '_id >= "b"', '_type < "c"', 'rank >= "3"', 'slug > "s"'),
  // Either of two indexed filters.
  fc.constantFrom('(_type == "person" || references("a1"))', '(date >= "2024" || title < "b")', '(_type == "article" || slug.current == "s1")', '(_id == "a1" || title >= "gamma")'),
)

// Filters the lake passes through to groq-js as they are.
const passed = fc.oneof(
  fc.integer({min: -1, max: 4}).map((n) => `rank > ${n}`),
  fc.integer({min: -1, max: 4}).map((n) => `rank <= ${n}`),
  fc.constantFrom('defined(title)', '!defined(slug)', 'rank == null', 'defined(slug.current)', 'author._weak == true', 'length(title) > 4', 'lower(title) == "alpha"'),
  fc.constantFrom('alpha', 'alph*', 'beta', 'gamma').map((word) => `title match ${quoted(word)}`),
  // Text the lake narrows with its token index: fields, arrays of fields, several words, wildcards.
  fc.constantFrom('[title] match "beta alpha"', '[title, tags] match "t1"', 'tags match "t1"', '[title, slug.current] match "ALPHA"', 'title match "alpha.beta"', '[_id, title] match "a1"'),
  fc.constantFrom('drafts.**', 'versions.**', 'versions.r1.*', '*', 'b.*').map((path) => `_id in path(${quoted(path)})`),
  fc.constantFrom('drafts.**', '*').map((path) => `_originalId in path(${quoted(path)})`),
  fc.integer({min: 0, max: 2}).map((n) => `count(tags) > ${n}`),
  fc.constantFrom('t1', 't3').map((tag) => `${quoted(tag)} in tags`),
  fc.constantFrom(...TYPES).map((type) => `author->_type == ${quoted(type)}`),
  fc.constantFrom('defined(author->)', 'defined(items[0]->title)', 'count(items[]->) > 0', 'nested.author->rank > 0'),
  fc.constantFrom(...BASE_IDS, 'drafts.a1').map((id) => `sanity::versionOf(${quoted(id)})`),
  fc.constantFrom(...RELEASES).map((release) => `sanity::partOfRelease(${quoted(release)})`),
  fc.constant('dateTime(date) > dateTime("2023-12-31T00:00:00Z")'),
  fc.constantFrom('count(*[references(^._id)]) > 0', 'count(*[_type == "person" && references(^._id)]) > 0', '^._id == _id'),
  // Sub-queries that read nothing of the item: the compiled evaluator evaluates each once per query.
  fc.constantFrom('_id in *[_type == "person"]._id', 'author._ref in *[rank > 1]._id', 'count(items[@._ref in *[_type == "article" && rank > 0]._id]) > 0', 'count(*[title match "alpha"]) > 1', 'rank < count(*[_type == $type])'),
  // Reverse lookups by the field that holds the reference: the lake reads them from the reference index.
  fc.constantFrom('count(*[author._ref == ^._id]) > 0', 'count(*[_type == "article" && ^._id in items[]._ref]) > 0', 'count(*[(author._ref == ^._id || nested.author._ref == ^._id)]) > 0', 'count(*[author->author._ref == ^._id]) > 0', 'count(*[^._id in items[]->author._ref]) > 0'),
  // Parameters no index reads: they stay Parameter nodes in the shared template (parsed-queries.ts).
  fc.constantFrom('title == $title', 'lower(title) != $title', '$tag in tags', 'count(*[_type == $type && title == $title]) > 0', 'count(*[author._ref == ^._id && title != $title]) > 0'),
  // A reverse lookup whose own filter reads a parameter an index answers: the request's own node.
  fc.constant('count(*[_type == $type && author._ref == ^._id]) > 0'),
)

const filter: fc.Arbitrary<string> = fc.letrec<{filter: string}>((tie) => ({
  filter: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    narrowed,
    passed,
    fc.tuple(tie('filter'), tie('filter')).map(([a, b]) => `${a} && ${b}`),
    fc.tuple(tie('filter'), tie('filter')).map(([a, b]) => `(${a} || ${b})`),
    tie('filter').map((a) => `!(${a})`),
  ),
})).filter

const projection = fc.constantFrom(
  '',
  '',
  '{_id, _type, title}',
  '{_id, _score, title}',
  '{_id, "a": author->{_id, _type, title}}',
  '{_id, "o": _originalId}',
  '._id',
  '{_id, "items": items[]->_id}',
  '{_id, "refs": *[references(^._id)]._id}',
  '{_id, "people": *[_type == "person" && references(^._id)]{_id, rank}}',
  '{_id, "back": *[_type == "article" && ^._id in items[]._ref] | order(rank desc)[0...2]{_id, rank}}',
  '{_id, "by": *[author._ref == ^._id || nested.author._ref == ^._id]._id}',
  '{_id, "named": *[_type == "person" && title != $title && references(^._id)]{_id, "same": title == $title}}',
  '{_id, "typed": *[_type == $type && references(^._id)]._id}',
  '{_id, "two": *[_id != ^._id]{_id, "x": *[author._ref == ^.^._id]._id}[0...2]}',
  '{_id, "fromItems": items[]{"back": *[author._ref == ^._id]._id}}',
  // A `_ref` read through `->` is another document's: no reverse lookup of the reference index.
  '{_id, "viaAuthor": *[author->author._ref == ^._id]._id, "viaItems": *[^._id in (items[]->nested)[].author._ref]._id}',
  '{..., "n": count(tags)}',
  '{_id, "persons": count(*[_type == "person" && rank > 1]), "first": *[_type == "office"] | order(_id)[0]._id}',
  '{_id, "v": sanity::versionOf("a1"), "r": sanity::partOfRelease("r1")}',
)
const ordering = fc.oneof(
  {weight: 3, arbitrary: fc.constantFrom('', '', '| order(rank)', '| order(rank desc)', '| order(_type, title desc)', '| order(title)', '| order(_id desc)', '| order(slug.current)')},
  // Ranked text search: the lake scores from its token index where groq-js's score() allows.
  fc.constantFrom(
    '| score(title match "alpha")',
    '| score(title match "alpha") | order(_score desc, rank desc)',
    '| score(title match "alph* beta", boost(tags match "t1", 2)) | order(_score desc)',
    '| score([title, tags] match "strasse t2", title match "straße") | order(_score desc, _id)',
    '| score(title match "alpha" && tags match "t1", title match "beta" || title match "k") | order(_score desc, title)',
    '| score(boost(title match "beta", -3), title match "ALPHA") | order(_score desc)',
    '| score(boost(title match "delta", "x"), (title match "gamma")) | order(_score desc)',
    '| score(title match "a*ha al.ha *") | order(_score desc, rank)',
  ),
)
const slice = fc.constantFrom('', '', '[0]', '[1]', '[0...2]', '[1..3]', '[-1]')

const base = fc.oneof(
  {arbitrary: filter.map((f) => `*[${f}]`), weight: 6},
  {arbitrary: fc.constant('*'), weight: 1},
  {arbitrary: fc.tuple(narrowed, filter).map(([a, b]) => `*[${a}][${b}]`), weight: 1},
)

const query = fc
  .tuple(base, ordering, slice, projection, fc.constantFrom('plain', 'plain', 'plain', 'plain', 'count', 'object', 'coalesce', 'diff', 'unique', 'unsupported'))
  .map(([from, order, at, project, wrap]) => {
    const body = `${from}${order ? ` ${order}` : ''}${at}${project && !(project === '._id' && order) ? ` ${project}` : ''}`
    switch (wrap) {
      case 'count':
        return `count(${from})`
      case 'object':
        return `{"list": ${body}, "total": count(*), "types": array::unique(*._type), "releases": releases::all()._id}`
      case 'coalesce':
        return `coalesce(${from}[0]._id, "none")`
      case 'diff':
        return `{"list": ${body}, "changed": diff::changedAny(*[_id == "a1"][0], *[_id == "a2"][0], (title, rank))}`
      case 'unique':
        return `array::unique(${from}._type)`
      case 'unsupported':
        // groq-js throws "not implemented" when it gets to evaluate these: the lake answers 400 then.
        return `${from}${at}{_id, "d": geo::distance(geo::latLng(1, 2), geo::latLng(3, 4))}`
      default:
        return body
    }
  })

// A plain object: groq-js calls params.hasOwnProperty.
const params = fc
  .record({type: fc.constantFrom(...TYPES), ids: fc.subarray([...ALL_IDS, 'nope'], {maxLength: 4}), title: fc.constantFrom('alpha', 'beta', 'gamma', ''), tag: fc.constantFrom('t1', 't2', 't3')})
  .map((value) => ({...value}))

// ---------------------------------------------------------------------------------------------------
// The two paths

type PerspectiveName = 'raw' | 'published' | 'drafts' | 'previewDrafts' | string[]
const PERSPECTIVES: PerspectiveName[] = ['raw', 'published', 'drafts', 'previewDrafts', ['r1', 'drafts'], ['r1'], ['r2', 'r1', 'drafts']]

const byId = (a: Doc, b: Doc) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)

/** The documents a perspective sees, written out plainly, independent of the lake's view builder. */
function referenceView(documents: readonly Doc[], perspective: PerspectiveName): Doc[] {
  if (perspective === 'raw') return documents.toSorted(byId)
  const layers =
    perspective === 'published' ? ['published'] : perspective === 'drafts' || perspective === 'previewDrafts' ? ['drafts', 'published'] : [...perspective, 'published']
  const chosen = new Map<string, {doc: Doc; rank: number}>()
  for (const doc of documents) {
    const draft = /^drafts\.(.+)$/.exec(doc._id)
    const version = /^versions\.([^.]+)\.(.+)$/.exec(doc._id)
    const [layer, id] = draft ? ['drafts', draft[1]!] : version ? [version[1]!, version[2]!] : ['published', doc._id]
    const rank = layers.indexOf(layer)
    if (rank < 0) continue
    const best = chosen.get(id)
    if (!best || rank < best.rank) chosen.set(id, {doc, rank})
  }
  return [...chosen]
    .map(([id, {doc}]) => (layers.length === 1 ? doc : {...doc, _id: id, _originalId: doc._id}))
    .toSorted(byId)
}

type Outcome = {result: unknown} | {error: string}

async function plainGroqJs(text: string, parameters: Record<string, unknown>, documents: Doc[]): Promise<Outcome> {
  try {
    const tree = parse(text, {params: parameters})
    return {result: await (await evaluate(tree, {dataset: documents, params: parameters})).get()}
  } catch (error) {
    return {error: (error as Error).message}
  }
}

async function throughTheLake(queries: StoreQueries, text: string, parameters: Record<string, unknown>, perspective: PerspectiveName): Promise<Outcome> {
  try {
    const result = await queries.query(text, parameters, perspective)
    // The text the worker sends (written from texts kept per document where it can) is that result's JSON.
    const {json} = await queries.answerJson(text, parameters, perspective)
    if (json !== JSON.stringify(result ?? null)) throw new Error(`answerJson differs from the answer's JSON\nquery: ${text}\njson:   ${json}\nanswer: ${JSON.stringify(result ?? null)}`)
    return {result}
  } catch (error) {
    // The lake must refuse what groq-js refuses with a 400, never fail with anything else.
    if (!(error instanceof LakeError) || error.status !== 400) throw error
    return {error: error.message}
  }
}

const sameOutcome = (a: Outcome, b: Outcome) => ('error' in a && 'error' in b) || ('result' in a && 'result' in b && isDeepStrictEqual(a.result, b.result))

function openStore(): DocumentStore {
  // A RAM disk when there is one: every commit is fsynced.
  const parent = existsSync('/dev/shm') ? '/dev/shm' : tmpdir()
  return DocumentStore.open(mkdtempSync(join(parent, 'lake-groq-diff-')))
}

async function compareAll(store: DocumentStore, lakes: StoreQueries[], texts: string[], parameters: Record<string, unknown>, state: string) {
  for (const perspective of PERSPECTIVES) {
    const view = referenceView(store.all(), perspective)
    for (const text of texts) {
      const expected = await plainGroqJs(text, parameters, view)
      for (const [index, queries] of lakes.entries()) {
        const actual = await throughTheLake(queries, text, parameters, perspective)
        if (sameOutcome(actual, expected)) continue
        throw new Error(
          [
            `The lake${index > 0 ? ' (always picking out candidates)' : ''} and groq-js differ ${state}, perspective ${JSON.stringify(perspective)}`,
            `query:  ${text}`,
            `params: ${JSON.stringify(parameters)}`,
            `lake:    ${JSON.stringify(actual)}`,
            `groq-js: ${JSON.stringify(expected)}`,
            `documents (${JSON.stringify(perspective)}): ${JSON.stringify(view.map((doc) => doc._id))}`,
          ].join('\n'),
        )
      }
    }
  }
}

describe('GROQ through the lake, against plain groq-js', () => {
  // One store and one StoreQueries for every run: its cached dataset order and views live across
  // resets and edits, as in the server.
  const store = openStore()
  const queries = new StoreQueries(store)
  // Also picking out and sorting the candidates where the lake would use a kept list or one pass over the view.
  const lakes = [queries, new StoreQueries(store, {alwaysPick: true}), new StoreQueries(store, {interpretOnly: true})]
  afterAll(() => {
    store.close()
    rmSync(store.directory, {recursive: true, force: true})
  })

  it(
    'answers the same, in the same order, in every perspective, before and after edits',
    async () => {
      const property = fc.asyncProperty(dataset, fc.array(query, {minLength: 1, maxLength: 3}), params, fc.array(edit, {maxLength: 4}), async (documents, texts, parameters, edits) => {
        store.reset(structuredClone(documents))
        await compareAll(store, lakes, texts, parameters, 'on the dataset as given')
        for (const [index, {id, after}] of edits.entries()) {
          // Random edits may leave references dangling: stored as given, as the dataset is.
          store.commit([{id, after: after && {...structuredClone(after), _id: id}}], {referentialIntegrity: false})
          await compareAll(store, lakes, texts, parameters, `after edit ${index + 1} (${after ? 'write' : 'delete'} ${id})`)
        }
      })
      await expect(fc.assert(property, {seed: SEED, numRuns: RUNS})).resolves.toBeUndefined()
    },
    120_000,
  )

  it('keeps answering in dataset order when queried between single edits', async () => {
    // A deterministic walk: the same query after every edit of an indexed field, each compared.
    store.reset(BASE_IDS.map((id, index) => ({_id: id, _type: TYPES[index % 3]!, rank: index, slug: {_type: 'slug', current: SLUGS[index % 3]!}})))
    const texts = ['*[_type == "article"]._id', '*[_type in ["article", "person"]]{_id, rank}', '*[_id in ["p2", "a2", "a1"]]._id', '*[_type == "article"][0]._id', '*[slug.current == "one"] | order(_type) {_id}']
    for (const id of [...BASE_IDS, ...BASE_IDS.toReversed()]) {
      store.commit([{id, after: {_id: id, _type: 'article', rank: 1, slug: {_type: 'slug', current: 'one'}}}])
      store.commit([{id: `drafts.${id}`, after: {_id: `drafts.${id}`, _type: 'person', rank: 2}}])
      await compareAll(store, lakes, texts, {}, `after editing ${id}`)
    }
    expect(await queries.query('*[_id in ["p2", "a2", "a1"]]._id', {}, 'raw')).toEqual(['a1', 'a2', 'p2'])
  })
})
