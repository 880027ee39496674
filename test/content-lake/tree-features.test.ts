import {parse} from 'groq-js'
import {expect, it} from 'vitest'

import {ASYNC_ONLY, BEYOND_ITEM, EVERYTHING, featuresOf, lacks, READS_SCOPE, SORTS, TEXT_QUERY} from '../../content-lake/query/tree-features.ts'

// The rewrites pass over subtrees without what they look for: a feature missed here would leave a
// filter over `*` unnarrowed or a text::query() unadapted (the differential tests would see the answers).

it('finds `*`, text::query() and the asynchronous-only functions anywhere below a node, but not in values', () => {
  const rewritten = (text: string) => featuresOf(parse(text)) & (EVERYTHING | TEXT_QUERY | ASYNC_ONLY)
  expect(rewritten('*[_type == "article"]{title}')).toBe(EVERYTHING)
  expect(rewritten('{"a": [1, {"b": *[0]}]}')).toBe(EVERYTHING)
  expect(rewritten('*[title match text::query("ip5")]')).toBe(EVERYTHING | TEXT_QUERY)
  expect(rewritten('{"changed": diff::changedAny($a, $b, (title))}')).toBe(ASYNC_ONLY)
  expect(featuresOf(parse('{"title": upper(title), "n": count(tags)}')) & ~READS_SCOPE).toBe(0)
  // A parameter's value is data, even when it looks like a query's node.
  expect(featuresOf({type: 'Value', value: {type: 'Everything'}})).toBe(0)
})

// Top-k rewrites only what is sorted or ranked: a subtree without SORTS is passed over (a page's projection).
it('finds order() and score() below a node, and no other pipe function', () => {
  const sorts = (text: string) => (featuresOf(parse(text)) & SORTS) !== 0
  for (const text of ['*[_type == "event"] | order(startDate desc)[0...10]', '{"latest": *[_type == "article"] | order(publishedAt desc)[0]}', '*[title match "ip5"] | score(title match "ip5")']) expect(sorts(text), text).toBe(true)
  for (const text of ['*[_type == "article" && slug.current == "x"][0]{title, "offices": offices[]->name}', '*[_type == "article"]{title}[0...10]']) expect(sorts(text), text).toBe(false)
})

// A subtree without BEYOND_ITEM answers the same for the same `@`: json-fragments.ts keeps its JSON per document.
it('finds what reads beyond the item: parameters, `^`, `*`, `->` and functions other than those of their arguments alone', () => {
  const beyond = (text: string) => (featuresOf(parse(text)) & BEYOND_ITEM) !== 0
  for (const text of ['{_id, "v": $v}', '{"up": ^._id}', '{"n": count(*)}', '{"o": office->name}', '{"t": now()}', '{"r": references("a")}', '{"s": pt::text(body)}', '{"d": dateTime(publishedAt)}']) {
    expect(beyond(text), text).toBe(true)
  }
  for (const text of ['{_type, _id, "slug": slug.current, "when": coalesce(_updatedAt, publishedAt), _type == "t" => {language}}', '{"n": count(tags[defined(@)]), "u": upper(title), "p": _id in path("drafts.**")}', '{"items": items[]{k}[k > 1] | order(k desc)}']) {
    expect(beyond(text), text).toBe(false)
  }
})

it('lets a rewrite skip only frozen subtrees without the feature; a request\'s own nodes are walked', () => {
  const projection = Object.freeze(parse('{title, "n": count(tags)}'))
  expect(lacks(projection, EVERYTHING)).toBe(true)
  // Not frozen: it may be a copy being built, so it is walked rather than known.
  expect(lacks(parse('{title}'), EVERYTHING)).toBe(false)
  const filter = Object.freeze(parse('*[_type == "office"]'))
  expect(lacks(filter, EVERYTHING)).toBe(false)
  expect(lacks(filter, TEXT_QUERY)).toBe(true)
})

// A subtree without READS_SCOPE is the same list wherever it is evaluated in one run: compiled-groq.ts
// evaluates it once (a sub-query in a filter), where a missed reader would give every item the first one's answer.
it('finds what reads the scope it is evaluated in: `@`, bare attributes, `^` at any depth, scope-reading functions', () => {
  const readsScope = (text: string) => (featuresOf(parse(text)) & READS_SCOPE) !== 0
  for (const text of ['title', '@', '@.n', '*[_id == ^._id]', '*[_type == "t"]{"up": ^.title}', '*[_type == "t"][*[^.^._id == _id][0]._id == "x"]', 'references("a")', '*[_type == "t"] | order(^.n)', 'count(tags)', 'items[]{k}']) {
    expect(readsScope(text), text).toBe(true)
  }
  for (const text of ['*[_type == "t"]._id', '*[_type == "t" && _id in *[_type == "u"].refs[]._ref]', '*[_type == "t"]{title, "n": count(tags), "r": references("a")}', '*[_type == "t"] | order(n desc)[0...2]', '$p + 1', '[1, 2]{"k": @}', '*[references($id)]{_id}']) {
    expect(readsScope(text), text).toBe(false)
  }
})
