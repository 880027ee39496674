/**
 * compiled-groq.ts against groq-js's own synchronous evaluator, on random expressions over random
 * documents: for every expression that compiles, both answers must be the same JSON (key order
 * included), or both must throw. Expressions come from a grammar of every node the compiler writes
 * out (and some it leaves to groq-js, which must not compile). Seeded: COMPILED_GROQ_SEED=<n>,
 * COMPILED_GROQ_RUNS=<n>.
 */
import * as fc from 'fast-check'
import {evaluateSync, parse} from 'groq-js'
import {describe, expect, it} from 'vitest'

import {compileGroq, compileGroqToJson} from '../../content-lake/query/compiled-groq.ts'
import {keptTextChars} from '../../content-lake/query/json-fragments.ts'

const SEED = Number(process.env.COMPILED_GROQ_SEED ?? 20_261_204)
const RUNS = Number(process.env.COMPILED_GROQ_RUNS ?? 1500)

const IDS = ['a', 'b', 'c', 'drafts.a', 'd', 'a.b.c', 'a+b']
const scalar = fc.oneof(fc.integer({min: -2, max: 3}), fc.constantFrom(0.5, -0, 'a', 'b', '', 'A', '😀x', true, false, null))
const reference = fc.record({_ref: fc.constantFrom(...IDS, 'missing', 7)}, {requiredKeys: []})
const value: fc.Arbitrary<unknown> = fc.letrec<{value: unknown}>((tie) => ({
  value: fc.oneof({depthSize: 'small', withCrossShrink: true}, scalar, fc.array(tie('value'), {maxLength: 3}), fc.dictionary(fc.constantFrom('k', 'n', '_ref', '__proto__', 'hasOwn'), tie('value'), {maxKeys: 3})),
})).value

const doc = (id: string) =>
  fc
    .record(
      {
        _type: fc.constantFrom('t', 'u', 7),
        n: scalar,
        title: fc.oneof(scalar, fc.constantFrom('alpha beta', 'Beta')),
        tags: fc.array(scalar, {maxLength: 4}),
        ref: reference,
        refs: fc.array(reference, {maxLength: 3}),
        items: fc.array(fc.record({k: scalar, n: scalar}, {requiredKeys: []}), {maxLength: 3}),
        obj: fc.oneof(fc.record({k: scalar, n: scalar}, {requiredKeys: []}), scalar),
        any: value,
      },
      {requiredKeys: []},
    )
    .map((fields) => ({_id: id, ...fields}))

const dataset = fc.tuple(...IDS.map(doc)).chain((docs) => fc.subarray(docs, {minLength: 1}))
const params = fc.record({p: scalar, arr: fc.array(scalar, {maxLength: 3}), obj: fc.dictionary(fc.constantFrom('k', 'n'), scalar, {maxKeys: 2})})

const path = fc.constantFrom(
  '@', '^', '^.^', '_id', '_type', 'n', 'title', 'tags', 'tags[0]', 'tags[-1]', 'tags[0..1]', 'tags[1...3]', 'tags[]',
  'ref', 'ref->', 'ref->title', 'ref->n', 'refs[]->_id', 'refs[0]->', 'items[].k', 'items[]{k}', 'items[]{"m": k, ...}', 'items[0].n',
  'obj', 'obj.k', 'obj{k}', 'any', 'any.k', 'any[0]', 'any[].k', '$p', '$arr', '$arr[1]', '$obj', '$obj.k', '^._id', '^.n', '@.n', 'missing',
)
const literal = fc.constantFrom('1', '-2.5', '0', '"a"', '"b"', '""', 'true', 'false', 'null', '[1, "a", null]', '{"k": 1}', '[]', '{}')

const expression: fc.Arbitrary<string> = fc.letrec<{e: string}>((tie) => {
  const e = tie('e')
  return {
    e: fc.oneof(
      {depthSize: 'small', withCrossShrink: true},
      path,
      literal,
      fc.tuple(e, fc.constantFrom('==', '!=', '<', '<=', '>', '>=', 'in', '+', '-', '*', '/', '%', '**', '&&', '||'), e).map(([a, op, b]) => `(${a} ${op} ${b})`),
      // Leaves that often meet their equals, so that every comparison's edge is reached.
      {
        weight: 6,
        arbitrary: fc
          .tuple(fc.constantFrom('n', 'title', 'obj', 'obj.k', '1', '0.5', '"a"', '""', 'tags[0]', '$p', '$obj', 'null', 'true', '[1]'), fc.constantFrom('==', '!=', '<', '<=', '>', '>=', '+', '-', '%', 'in'), fc.constantFrom('n', 'title', 'obj', '1', '"a"', '""', 'tags[1]', '$p', '$obj', 'null', 'false', 'tags', '[1]'))
          .map(([a, op, b]) => `(${a} ${op} ${b})`),
      },
      e.map((a) => `!(${a})`),
      e.map((a) => `-(${a})`),
      fc.tuple(e, e, e, fc.boolean()).map(([a, b, c, inclusive]) => `(${a} in ${b}${inclusive ? '..' : '...'}${c})`),
      fc.tuple(fc.constantFrom('coalesce', 'defined', 'count', 'length', 'string', 'lower', 'upper', 'string::lower', 'array::compact'), fc.array(e, {minLength: 1, maxLength: 3})).map(([name, args]) => `${name}(${name === 'coalesce' ? args.join(', ') : args[0]})`),
      fc.tuple(fc.constantFrom('string::split', 'string::startsWith', 'array::join'), fc.oneof(e, fc.constantFrom('""', 'title', 'tags', '"a,b"')), fc.oneof(e, fc.constantFrom('""', '","', '"a"'))).map(([name, a, b]) => `${name}(${a}, ${b})`),
      fc.array(e, {minLength: 1, maxLength: 2}).map((args) => `references(${args.join(', ')})`),
      // `in path()`, as the Studio filters drafts: globs with `*`, `**` and characters RegExps read.
      fc
        .tuple(fc.oneof(e, fc.constantFrom('_id', 'title', '"drafts.a"', '"a.b.c"', '"drafts."', '".a"', '"a..c"')), fc.constantFrom('"drafts.**"', '"drafts.*"', '"*"', '"**"', '"a"', '"*.a"', '"a.**.c"', '"**.*.c"', '"a+b"', '"(a)"', '"."', '""'))
        .map(([x, glob]) => `(${x} in path(${glob}))`),
      fc.constantFrom('*[references("a")]._id', '*[references(["a", "b"], $p)]._id', '*[references(^._id)]._id', '*{"r": references(refs[]._ref)}'),
      fc.tuple(e, e, e).map(([c, v, f]) => `select(${c} => ${v}, ${f})`),
      fc.tuple(e, e).map(([c, v]) => `select(${c} => ${v})`),
      fc.array(fc.tuple(e, fc.boolean()), {maxLength: 3}).map((elements) => `[${elements.map(([x, splat]) => (splat ? `...${x}` : x)).join(', ')}]`),
      fc.array(fc.tuple(fc.constantFrom('k', 'n', '__proto__', 'x'), e, fc.constantFrom('value', 'splat', 'conditional')), {maxLength: 3}).map(
        (attributes) => `{${attributes.map(([name, x, kind]) => (kind === 'value' ? `"${name}": ${x}` : kind === 'splat' ? `...${x}` : `${x} => {"${name}": n}`)).join(', ')}}`,
      ),
      e.map((filter) => `*[${filter}]`),
      fc.tuple(e, e).map(([filter, projection]) => `*[${filter}]{"v": ${projection}, _id}`),
      fc.tuple(e, fc.constantFrom('', ' desc', ' asc'), fc.constantFrom('', ', _id desc', ', n')).map(([key, direction, more]) => `*[] | order(${key}${direction}${more}) {_id}`),
      fc.tuple(e, fc.integer({min: -2, max: 2})).map(([filter, index]) => `*[${filter}][${index}]`),
      fc.tuple(e, e).map(([filter, inner]) => `*[${filter}]{_id, "sub": *[${inner}]._id}`),
      e.map((a) => `(${a})[0]`),
      e.map((a) => `(${a})[]`),
      e.map((a) => `(${a}){k, "n": n}`),
      e.map((a) => `(${a})->`),
      e.map((a) => `*[_type == "t" && ^._id in refs[]._ref]{"x": ${a}}`),
      fc.constantFrom('*[^._id in refs[]._ref]', '*[ref._ref == ^._id]._id', '*{_id, "back": *[references(^._id)]._id}'),
    ),
  }
}).e

// What groq-js leaves to its own evaluation: these must not compile.
const LEFT_TO_GROQ = ['title match "alpha"', 'dateTime("2024-01-01T00:00:00Z")', 'path("a.*")', '_id in path($p)', '_id in path("a.**.b.**")', '*[] | score(title match "a")', 'now()', 'pt::text(any)', 'round(n)', 'array::unique(tags)']

type Outcome = {value: string} | {error: true}

// groq-js calls an object's own `hasOwnProperty`, which a key of that name (or a null prototype, from a
// `"__proto__": null` attribute) takes away: it throws where the compiled query looks up with Object.hasOwn.
const OWN_PROPERTY_FAULT = /hasOwnProperty is not a function/

async function throughGroqJs(tree: ReturnType<typeof parse>, options: {dataset: unknown[]; params: Record<string, unknown>}): Promise<Outcome | undefined> {
  try {
    return {value: JSON.stringify(await evaluateSync(tree, options).get()) ?? 'undefined'}
  } catch (error) {
    if (error instanceof TypeError && OWN_PROPERTY_FAULT.test(error.message)) return undefined
    return {error: true}
  }
}

function compiled(run: NonNullable<ReturnType<typeof compileGroq>>, options: {dataset: unknown[]; params: Record<string, unknown>}): Outcome {
  try {
    return {value: JSON.stringify(run(options)) ?? 'undefined'}
  } catch {
    return {error: true}
  }
}

function written(run: NonNullable<ReturnType<typeof compileGroqToJson>>, options: {dataset: unknown[]; params: Record<string, unknown>}): Outcome {
  try {
    return {value: run(options)}
  } catch {
    return {error: true}
  }
}

function deepFreeze<T>(node: T): T {
  if (node && typeof node === 'object' && !Object.isFrozen(node)) {
    for (const child of Object.values(node)) deepFreeze(child)
    Object.freeze(node)
  }
  return node
}

describe('compiled GROQ', () => {
  it('answers as groq-js evaluateSync does, key order included, for random expressions over random documents', async () => {
    let compiledCount = 0
    let compared = 0
    await fc.assert(
      fc.asyncProperty(dataset, params, fc.array(expression, {minLength: 1, maxLength: 6}), async (docs, parameters, texts) => {
        for (const text of texts) {
          let tree
          try {
            tree = parse(text, {params: JSON.parse(JSON.stringify(parameters)) as Record<string, unknown>})
          } catch {
            continue // not GROQ groq-js parses (slices need constant numbers ...)
          }
          const run = compileGroq(tree)
          compared++
          if (!run) continue
          compiledCount++
          // Fresh copies, as JSON brings them (a `__proto__` key an own property of an ordinary object): neither side may see what the other did to its data.
          const options = () => ({dataset: JSON.parse(JSON.stringify(docs)) as unknown[], params: JSON.parse(JSON.stringify(parameters)) as Record<string, unknown>})
          const expected = await throughGroqJs(tree, options())
          if (!expected) continue
          expect(compiled(run, options()), text).toEqual(expected)
          // Written as JSON from a frozen tree (a shared template), three times over the same documents:
          // an item seen the second time is kept as text where a list's items read only themselves, and
          // the third time written from the kept text.
          const writer = compileGroqToJson(deepFreeze(parse(text, {params: JSON.parse(JSON.stringify(parameters)) as Record<string, unknown>})))!
          const same = options()
          for (let time = 0; time < 3; time++) expect(written(writer, same), text).toEqual(expected)
        }
      }),
      {seed: SEED, numRuns: RUNS},
    )
    // Nearly every generated expression is one the compiler writes out; none would mean testing nothing.
    expect(compiledCount).toBeGreaterThan(compared * 0.9)
  })

  it('answers as groq-js does for the site queries over a seeded dataset', async () => {
    const {cases} = await import('../../bench/lake-cases.ts')
    const {syntheticDataset} = await import('../../bench/synthetic-dataset.ts')
    const documents = syntheticDataset(1500)
    let ran = 0
    for (const c of cases) {
      for (const query of [c.query, c.naive].filter((q): q is string => typeof q === 'string')) {
        const parameters = c.params(3) as Record<string, unknown>
        const tree = parse(query, {params: parameters})
        const run = compileGroq(tree)
        if (!run) continue
        ran++
        const byId = new Map(documents.map((d) => [d._id, d]))
        const dereference = ({_ref}: {_ref: string}) => byId.get(_ref) ?? null
        const expected = JSON.stringify(await evaluateSync(tree, {dataset: documents, params: parameters, dereference}).get())
        expect(JSON.stringify(run({dataset: documents, params: parameters, dereference})), `${c.name}: ${query}`).toBe(expected)
      }
    }
    // All but the ranked searches (match, score()) compile.
    const searches = cases.filter((c) => c.query.includes(' match ')).length
    expect(searches).toBeGreaterThan(0)
    expect(ran).toBe((cases.length - searches) * 2)
  })

  it('writes a list projecting each document from the texts kept per document, and a changed document anew', async () => {
    const query = deepFreeze(parse('{"pages": *[_type in ["t", "u"]] | order(_id asc) {_type, _id, "slug": slug.current, "when": coalesce(_updatedAt, publishedAt), _type == "t" => {language}}, "count": count(*), "none": *[_type == "none"]{_id}, "one": *[_id == "c"]{_id}, "inner": {"list": *[_type == "u"]{_id}, "missing": nothing}}'))
    const writer = compileGroqToJson(query)!
    const docs: Record<string, unknown>[] = [
      {_id: 'b', _type: 't', slug: {current: 'bee'}, publishedAt: '2024-01-01', language: 'en'},
      {_id: 'a', _type: 'u', slug: {current: 'ay'}, _updatedAt: '2024-02-02', language: 'zh-Hans'},
      {_id: 'c', _type: 'v'},
    ]
    const groqJs = async (documents: unknown[]) => JSON.stringify(await evaluateSync(query, {dataset: documents}).get())
    for (let time = 0; time < 3; time++) expect(writer({dataset: docs, params: {}})).toBe(await groqJs(docs))
    // A write replaces the document object: the new one is projected, the others' texts are kept.
    const changed = [{...docs[0], slug: {current: 'bee-2'}, language: 'fr'}, docs[1], docs[2]]
    for (let time = 0; time < 3; time++) expect(writer({dataset: changed, params: {}})).toBe(await groqJs(changed))
    const answer = writer({dataset: changed, params: {}})
    expect(answer).toContain('"slug":"bee-2"')
    expect(JSON.parse(answer)).toEqual({pages: [{_type: 'u', _id: 'a', slug: 'ay', when: '2024-02-02'}, {_type: 't', _id: 'b', slug: 'bee-2', when: '2024-01-01', language: 'fr'}], count: 3, none: [], one: [{_id: 'c'}], inner: {list: [{_id: 'a'}], missing: null}})
    // What reads beyond its item (a parameter here) is projected on every request, with that request's value.
    const withParameter = deepFreeze(parse('*[_type == "t"]{_id, "v": $v}'))
    const parameterWriter = compileGroqToJson(withParameter)!
    expect(parameterWriter({dataset: docs, params: {v: 1}})).toBe('[{"_id":"b","v":1}]')
    expect(parameterWriter({dataset: docs, params: {v: 2}})).toBe('[{"_id":"b","v":2}]')
  })

  it('keeps the texts of items seen again (stored documents), not of objects made for one request', () => {
    const writer = compileGroqToJson(deepFreeze(parse('*[_type == "t"]{_id, title}')))!
    const docs = Array.from({length: 50}, (_, i) => ({_id: `d${i}`, _type: 't', title: `Title ${i}`}))
    // Copies made anew for each request, as a search's hits with their _score are: never kept.
    const before = keptTextChars()
    for (let time = 0; time < 3; time++) expect(JSON.parse(writer({dataset: docs.map((stored) => ({...stored})), params: {}}))).toHaveLength(50)
    expect(keptTextChars()).toBe(before)
    // The same objects again: kept from their second request on.
    writer({dataset: docs, params: {}})
    expect(keptTextChars()).toBe(before)
    writer({dataset: docs, params: {}})
    expect(keptTextChars()).toBe(before + docs.reduce((sum, stored) => sum + JSON.stringify({_id: stored._id, title: stored.title}).length, 0))
  })

  it('evaluates a sub-query that reads nothing of its scope once per run, and one that reads `^` per item', async () => {
    // Each document counts how often its `n` is read: groq-js reads the inner filter's `n` for every outer item.
    let reads = 0
    const docs = Array.from({length: 30}, (_, i) => {
      const stored = {_id: `d${i}`, _type: i % 3 === 0 ? 'featured' : 't', refs: [{_ref: `d${(i * 7) % 30}`}]}
      Object.defineProperty(stored, 'n', {enumerable: true, get: () => (reads++, i)})
      return stored
    })
    const cases = [
      // The same list for every item: evaluated once (the 30 documents' `n` read about once each).
      {text: '*[_type == "t" && _id in *[_type == "featured" && n > 3].refs[]._ref]._id', once: true},
      {text: '*[_type == "t"]{_id, "featured": count(*[_type == "featured" && n > 3])}', once: true},
      // Reads the enclosing document: evaluated for each of the 20 (a featured document's `n` read 200 times).
      {text: '*[_type == "t"]{_id, "after": count(*[_type == "featured" && n > ^.n])}', once: false},
      {text: '*[_type == "t" && count(*[_type == "featured" && n > 3 && _id in ^.refs[]._ref]) > 0]._id', once: false},
    ]
    for (const {text, once} of cases) {
      const tree = parse(text)
      const expected = JSON.stringify(await evaluateSync(tree, {dataset: docs}).get())
      reads = 0
      expect(JSON.stringify(compileGroq(tree)!({dataset: docs, params: {}})), text).toBe(expected)
      expect(reads <= 60 ? 'once' : reads >= 200 ? 'per item' : reads, text).toBe(once ? 'once' : 'per item')
    }
  })

  it('leaves to groq-js what it does not write out', () => {
    for (const text of LEFT_TO_GROQ) expect(compileGroq(parse(text)), text).toBeUndefined()
    expect(compileGroq(parse('*[_type == "t"]{_id, "n": count(tags)}'))).toBeTypeOf('function')
  })
})
