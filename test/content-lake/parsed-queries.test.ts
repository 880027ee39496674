/**
 * parsed-queries.ts against the lake's own parse (groq-js's parser with the lake's checks): a query's
 * template, made with the first request's values and kept, must give every later request the tree (and
 * sync tags) that parsing that request gives, its Parameter nodes read as the values they name, or the
 * same refusal. Queries are the shapes whose tree
 * depends on the values (brackets, slices, object keys, custom functions) and the site's own; values of
 * every JSON type, sometimes missing. One ParsedQueries serves a whole run, so templates are reused
 * across values and types. Seeded: PARSED_QUERIES_SEED=<n>, PARSED_QUERIES_RUNS=<n>.
 */
import * as fc from 'fast-check'
import {describe, expect, it} from 'vitest'

import {LakeError} from '../../content-lake/errors.ts'
import {compileGroq} from '../../content-lake/query/compiled-groq.ts'
import {syncTagsOf} from '../../content-lake/live/sync-tags.ts'
import {ParsedQueries} from '../../content-lake/query/parsed-queries.ts'
import {parseQuery} from '../../content-lake/query/query-checks.ts'
import * as site from '../../queries/index.ts'

const SEED = Number(process.env.PARSED_QUERIES_SEED ?? 20_261_204)
const RUNS = Number(process.env.PARSED_QUERIES_RUNS ?? 3000)

const QUERIES = [
  '*[_type == "a"][$i]',
  '*[_type == "a"][($i)]',
  '*[_type == "a"][-$i]',
  '*[_type == "a"][$i + 1]',
  '*[_type == "a"][$i + $j]',
  '*[_type == "a"][$i...$j]',
  '*[_type == "a"][0..$i]',
  '*[_type == "a"] | order(_id desc) [$i...$j]{_id}',
  '*[_type == $t][0]{title, "n": $j}',
  '*[_id == $t]{..., "x": $obj.k}',
  '*[_type in $t && _id == $i]',
  'count(*[_type == $t])',
  '{$t: 1}',
  '{"a": $t, "b": [$i, $j]}',
  '*[_type == "a"]{"k": @[$t]}',
  '*[$t]',
  '$obj[$t]',
  '$obj.k[$i]',
  '"$t is text, not a parameter" + $t',
  'fn ex::f($t) = $t{title}; *[_type == "a"]{"t": ex::f(@)}',
  'fn ex::f($x) = $x{"t": $t}; *[_type == "a"]{"t": ex::f(@)}',
  '*[_type == "a" && slug.current == $t][0]{title, "refs": *[references(^._id)][0...$i]}',
  '*[_type == "a"', // a syntax error
  '*[_type == "a"][1.5]',
  `${'('.repeat(99)}$t${')'.repeat(99)}`, // deep, past the limit only as Parameter nodes count
  site.articleBySlugQuery,
  site.latestArticlesQuery,
  site.officePageQuery,
  site.articleSearchQuery,
]

const scalar = fc.oneof(fc.integer({min: -3, max: 5}), fc.constantFrom(1.5, -0, 'a', '_id', 'title', '', 'k', true, false, null))
const value = fc.oneof(scalar, fc.array(scalar, {maxLength: 3}), fc.dictionary(fc.constantFrom('k', 'n', '__proto__'), scalar, {maxKeys: 2}))
const names = ['t', 'i', 'j', 'obj', 'x', 'language', 'slug', 'id', 'section', 'limit', 'afterPublishedAt', 'afterId', 'search', 'hasOwnProperty']
// Every name given but one or two left out (so the refusal of a missing parameter is tried too); mostly
// plain objects, as a request's parameters are, sometimes without a prototype, which groq-js refuses.
const params = fc
  .tuple(fc.record(Object.fromEntries(names.map((name) => [name, value]))), fc.subarray(names, {maxLength: 2}), fc.nat(9))
  .map(([all, left, kind]) => {
    const given: Record<string, unknown> = kind === 0 ? Object.create(null) : {}
    for (const [name, v] of Object.entries(all)) if (!left.includes(name) && (name !== 'hasOwnProperty' || kind === 1)) given[name] = v
    return given
  })

/** The tree with each Parameter node left in it (read from the parameters as it is evaluated) a Value node of its value, as groq-js writes it. */
function resolved(tree: unknown, values: Record<string, unknown>): unknown {
  if (Array.isArray(tree)) return tree.map((child) => resolved(child, values))
  if (!tree || typeof tree !== 'object') return tree
  const node = tree as {type?: string; name?: string}
  if (node.type === 'Value') return tree
  if (node.type === 'Parameter') return {type: 'Value', value: values[node.name!]}
  return Object.fromEntries(Object.entries(tree).map(([key, child]) => [key, resolved(child, values)]))
}

type Outcome = {tree: unknown; syncTags: string[]} | {refused: string}
function outcome(parse: () => {tree: unknown; syncTags: string[]}, values: Record<string, unknown>): Outcome {
  try {
    const {tree: parsed, syncTags} = parse()
    const tree = resolved(parsed, values)
    // As JSON: the trees are compared as values, frozen or not.
    return {tree: JSON.parse(JSON.stringify(tree)) as unknown, syncTags}
  } catch (error) {
    if (error instanceof LakeError) return {refused: `${error.status} ${error.type}: ${error.message}`}
    return {refused: `${(error as Error).name}: ${(error as Error).message}`}
  }
}

describe('ParsedQueries', () => {
  it('gives every request the tree and sync tags parsing it gives, or the same refusal, across values', () => {
    const parsed = new ParsedQueries()
    let templatesUsed = 0
    fc.assert(
      fc.property(fc.constantFrom(...QUERIES), params, (query, values) => {
        const expected = outcome(() => {
          const tree = parseQuery(query, values)
          return {tree, syncTags: syncTagsOf(tree)}
        }, values)
        const got = outcome(() => parsed.parsed(query, values), values)
        expect(got).toEqual(expected)
        if ('tree' in got) templatesUsed++
      }),
      {seed: SEED, numRuns: RUNS},
    )
    // Not a run of refusals only.
    expect(templatesUsed).toBeGreaterThan(RUNS / 4)
  })

  it('parses a page query once for every slug, and keeps the tree it gives apart from the values', () => {
    const parsed = new ParsedQueries()
    const query = '*[_type == "article" && slug.current == $slug][0]{title, "people": people[]->name}'
    const first = parsed.parsed(query, {slug: 'one'})
    const second = parsed.parsed(query, {slug: 'two'})
    expect(JSON.stringify(second.tree)).toContain('"value":"two"')
    expect(JSON.stringify(second.tree)).not.toContain('"value":"one"')
    expect(JSON.stringify(first.tree)).toContain('"value":"one"')
    // The parts without parameters are the template's own, shared and frozen.
    const projection = (tree: unknown) => (tree as {expr: unknown}).expr
    expect(projection(first.tree)).toBe(projection(second.tree))
    expect(Object.isFrozen(projection(first.tree))).toBe(true)
  })

  it('tells apart values that write alike as JSON (an in-process caller may pass them)', () => {
    const parsed = new ParsedQueries()
    const tricky: Record<string, unknown>[] = [{i: Infinity}, {i: Number.NaN}, {i: null}, {i: undefined}, {}, {i: 2}, {i: new Date(0)}, {i: '1970-01-01T00:00:00.000Z'}]
    for (const query of ['*[_type == "a"][0...$i]', 'fn ex::f($x) = $x; *[_type == "a"]{"t": ex::f($i)}', '*[_type == "a" && n == $i]']) {
      for (const values of [...tricky, ...tricky.toReversed()]) {
        // The trees themselves, not as JSON: NaN, undefined and Dates are what JSON would blur.
        const treeOrRefusal = (parse: () => unknown) => {
          try {
            return {tree: parse()}
          } catch (error) {
            return {refused: (error as Error).message}
          }
        }
        expect(treeOrRefusal(() => resolved(parsed.parsed(query, values).tree, values))).toStrictEqual(treeOrRefusal(() => parseQuery(query, values)))
      }
    }
  })

  it('writes values in only where the rewrites read them: the indexed conjuncts of filters over `*`, pipe functions\' arguments', () => {
    const parsed = new ParsedQueries()
    const english = parsed.parsed(site.articleBySlugQuery, {slug: 'one', language: 'en'})
    const chinese = parsed.parsed(site.articleBySlugQuery, {slug: 'two', language: 'zh-Hans'})
    const text = JSON.stringify(chinese.tree)
    // The filters over `*` hold the slug, which the slug index answers...
    expect(text).toContain('{"type":"Value","value":"two"}')
    // ...not the language, which no index answers: groq-js reads it from the parameters, as in projections.
    expect(text).not.toContain('"zh-Hans"')
    // So the projection (names read `[language == $language]`, translations found by reverse lookup) is the template's own, shared and frozen.
    const projectionOf = (tree: unknown) => (tree as {expr: unknown}).expr
    expect(JSON.stringify(projectionOf(chinese.tree))).toContain('{"type":"Parameter","name":"language"}')
    expect(projectionOf(english.tree)).toBe(projectionOf(chinese.tree))
    expect(Object.isFrozen(projectionOf(chinese.tree))).toBe(true)
    // Every conjunct shape the indexes answer gets its value, and nothing else in the filter does.
    const shapes = JSON.stringify(
      parsed.parsed('*[_type == $type && _id in $ids && slug.current == $slug && publishedAt >= $from && title match $words && references($ref) && section == $section]', {
        type: 't', ids: ['i'], slug: 's', from: 'f', words: 'w', ref: 'r', section: 'x',
      }).tree,
    )
    for (const json of ['"t"', '["i"]', '"s"', '"f"', '"w"', '"r"']) expect(shapes).toContain(`{"type":"Value","value":${json}}`)
    expect(shapes).toContain('{"type":"Parameter","name":"section"}')
    // A path() glob too, wherever it stands: the compiled evaluator compiles only a constant one.
    const drafts = parsed.parsed('*[_type == "post" && !(_id in path($drafts))]{_id}', {drafts: 'drafts.**'}).tree
    expect(JSON.stringify(drafts)).toContain('{"type":"Value","value":"drafts.**"}')
    expect(compileGroq(drafts)).toBeDefined()
    // order() keys and score() patterns are written in too: they name top-k's sorted lists and scores.
    const search = JSON.stringify(parsed.parsed(site.articleSearchQuery, {language: 'en', search: 'ip5', limit: 20}).tree)
    expect(search).toContain('{"type":"Value","value":"ip5"}')
  })

  it('refuses a parameter the query reads but the request leaves out, after a request that gave it', () => {
    const parsed = new ParsedQueries()
    parsed.parsed('*[_id == $id][0]', {id: 'a'})
    expect(() => parsed.parsed('*[_id == $id][0]', {})).toThrow(/param \$id referenced, but not provided/)
  })
})
