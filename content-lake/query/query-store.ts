import {parse, type ExprNode} from 'groq-js'

import {evaluateTree} from '../../offline/evaluate-groq.ts'
import {compileGroq, compileGroqToJson} from './compiled-groq.ts'
import {LakeError} from '../errors.ts'
import type {Doc, DocumentStore} from '../store/document-store.ts'
import {ParsedQueries} from './parsed-queries.ts'
import {filterConjuncts, narrowTree, type Conjunct, type IndexLookup} from './narrow-query.ts'
import {buildView, compareIds, mergeInIdOrder, perspectiveKey, toPerspective, type PerspectiveInput, type PerspectiveView} from './perspectives.ts'
import {adaptTextQuery, allTextExpression} from './text-search.ts'
import {TextIndexes} from './text-index.ts'
import {positionOf} from './view-positions.ts'
import {IdRange, idsInRange} from './range-index.ts'
import {interruptible} from './time-limit.ts'
import {rewriteTopK} from './top-k.ts'
import {ASYNC_ONLY, featuresOf, SORTS, TEXT_QUERY} from './tree-features.ts'
import {freezeTree} from './tree-rewrite.ts'
import {contentSourceMap, type ContentSourceMap, type SourceMapMode} from './source-map.ts'

export {type Perspective, type PerspectiveInput} from './perspectives.ts'

/** What StoreQueries reads of a store: the documents, the indexes, one document by id. */
export type QueryableStore = Pick<DocumentStore, 'all' | 'indexes' | 'get'>

// Functions groq-js implements by throwing "not implemented": queries that reach them get a 400.
const NOT_IMPLEMENTED = new Set([
  'geo::latLng',
  'geo::contains',
  'geo::intersects',
  'geo::distance',
  'text::query',
  'text::semanticSimilarity',
  'documents::get',
  'documents::incomingRefCount',
  'documents::incomingGlobalDocumentReferenceCount',
  'user::attributes',
  'media::aspect',
  'global::anywhere',
])

// Messages groq-js's evaluator throws for what the query asks, not for a fault of the lake.
const QUERY_ERRORS = /^(not implemented|unexpected boost call|.* argument must be a selector|tuples can not be evaluated|Unknown (function|pipe function|operator): |unknown context key: |Unexpected node type: )/

function functionsIn(tree: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(tree)) for (const item of tree) functionsIn(item, into)
  else if (tree && typeof tree === 'object') {
    const node = tree as {type?: string; namespace?: string; name?: string}
    if (node.type === 'Value') return into
    if (node.type === 'FuncCall') into.add(`${node.namespace}::${node.name}`)
    for (const [key, child] of Object.entries(node)) if (key !== 'func') functionsIn(child, into)
  }
  return into
}

/** The functions in a query that groq-js does not implement (`geo::distance`, ...). */
export function unimplementedFunctionsIn(tree: ExprNode): string[] {
  return [...functionsIn(tree)].filter((name) => NOT_IMPLEMENTED.has(name))
}

/** The 400 for an error groq-js threw evaluating a query, or the error itself when it is not the query's fault. */
export function queryEvaluationError(error: unknown, tree: ExprNode): unknown {
  if (error instanceof LakeError || !(error instanceof Error) || !QUERY_ERRORS.test(error.message)) return error
  if (error.message === 'not implemented') {
    const named = [...functionsIn(tree)].filter((name) => NOT_IMPLEMENTED.has(name)).map((name) => `${name.replace(/^global::/, '')}()`)
    const which = named.length > 0 ? named.join(', ') : 'a function in this query'
    return new LakeError(400, 'queryError', `${which} ${named.length > 1 ? 'are' : 'is'} not supported by the local Content Lake: groq-js, its GROQ engine, does not implement ${named.length > 1 ? 'them' : 'it'}`)
  }
  return new LakeError(400, 'queryError', `The query can not be evaluated: ${error.message}`)
}

/**
 * Answers GROQ for the store the way the Content Lake does for a perspective, with groq-js doing the
 * evaluation and the store's indexes choosing which documents each `*[...]` needs to look at. Results
 * are those of groq-js over the perspective's documents in dataset order (`_id` ascending), also when
 * an index narrows a filter. Reads only `store.all()`, `store.indexes` and `store.get()`.
 */
export interface StoreQueriesOptions {
  /** Pick out and sort the candidates of every filter an index answers, where a kept list or a pass over the view would serve (for tests: both ways answer alike). */
  alwaysPick?: boolean
  /** Evaluate with groq-js's own interpreter even where the query compiles (compiled-groq.ts; for tests: both ways answer alike). */
  interpretOnly?: boolean
}

export class StoreQueries {
  private readonly store: QueryableStore
  private readonly alwaysPick: boolean
  private readonly compile: boolean
  private readonly textIndexes = new TextIndexes()
  /** The store.all() array `sorted` was made from, and that array in dataset order. */
  private orderOf: readonly Doc[] | undefined
  private sorted: Doc[] = []
  private views = new Map<string, PerspectiveView>()
  /** The queries asked most recently, parsed (see parsed-queries.ts). */
  private readonly parsedQueries = new ParsedQueries()
  /** Every string path of the stored documents, as GROQ, and the store.all() array it was made from. */
  private allText: {of: readonly Doc[]; expression: ExprNode} | undefined

  constructor(store: QueryableStore, options: StoreQueriesOptions = {}) {
    this.store = store
    this.alwaysPick = options.alwaysPick ?? false
    this.compile = !options.interpretOnly
  }

  /**
   * store.all() in dataset order, decided once per change of the store. The previous order is reused:
   * the stored documents keep their positions in store.all() when changed, and new ones come last, so
   * one pass finds what changed, and only new documents are sorted in.
   */
  private datasetOrder(): Doc[] {
    const all = this.store.all() as Doc[]
    if (all === this.orderOf) return this.sorted
    const previous = this.orderOf
    this.orderOf = all
    if (!previous) return this.replaceOrder(all.toSorted(compareIds))

    const changed = new Map<string, Doc | null>()
    const gone = (id: string) => {
      if (!changed.has(id)) changed.set(id, null)
    }
    let index = 0
    for (const doc of all) {
      while (index < previous.length && previous[index]!._id !== doc._id) gone(previous[index++]!._id)
      if (index < previous.length) {
        if (previous[index] !== doc) changed.set(doc._id, doc)
        index++
      } else changed.set(doc._id, doc) // new, or out of the previous order: placed below
    }
    while (index < previous.length) gone(previous[index++]!._id)
    if (changed.size === 0) return this.sorted

    const next: Doc[] = []
    for (const doc of this.sorted) {
      if (!changed.has(doc._id)) next.push(doc)
      else {
        const now = changed.get(doc._id)
        changed.delete(doc._id)
        if (now) next.push(now)
      }
    }
    const added = [...changed.values()].filter((doc): doc is Doc => doc !== null).toSorted(compareIds)
    if (added.length === 0) return this.replaceOrder(next)
    return this.replaceOrder(mergeInIdOrder(next, added))
  }

  private replaceOrder(sorted: Doc[]): Doc[] {
    this.sorted = sorted
    this.views = new Map()
    return sorted
  }

  /** The documents a perspective sees, in dataset order; rebuilt after a change, on first use. */
  view(perspectiveInput: PerspectiveInput): PerspectiveView {
    const perspective = toPerspective(perspectiveInput)
    const sorted = this.datasetOrder()
    const key = perspectiveKey(perspective)
    let view = this.views.get(key)
    if (!view) {
      view = buildView(sorted, perspective, (id) => this.store.get(id))
      this.views.set(key, view)
    }
    return view
  }

  /** What the Studio's whole-document search (`[@, _id] match text::query()`) looks in; made again after a change. */
  private allTextExpression(): ExprNode {
    const all = this.store.all()
    if (this.allText?.of !== all) this.allText = {of: all, expression: allTextExpression(all)}
    return this.allText.expression
  }

  /**
   * Evaluates a query in a perspective (a name like `raw`, `published`, `drafts`, `previewDrafts` or a
   * release id, a stack like `["r1", "drafts"]`, or a parsed Perspective). Throws LakeError 400 for bad
   * GROQ and for functions groq-js does not implement.
   */
  async query(query: string, params: Record<string, unknown> = {}, perspective: PerspectiveInput = 'raw'): Promise<unknown> {
    return (await this.answer(query, params, perspective)).result
  }

  /**
   * The query's result and its sync tags (what the Live Content API tells it changed by); with
   * `sourceMap`, also its content source map (see source-map.ts), at the cost of a second evaluation.
   */
  async answer(
    query: string,
    params: Record<string, unknown> = {},
    perspective: PerspectiveInput = 'raw',
    {sourceMap}: {sourceMap?: SourceMapMode} = {},
  ): Promise<{result: unknown; syncTags: string[]; resultSourceMap?: ContentSourceMap}> {
    // Parsed once, with the hosted lake's refusals (syntax, missing parameters, limits).
    const {tree, syncTags} = this.parsedQueries.parsed(query, params)
    const {result, resultSourceMap} = await this.evaluateParsed(tree, params, perspective, {sourceMap})
    return {result, syncTags, ...(resultSourceMap ? {resultSourceMap} : {})}
  }

  /**
   * answer(), with the result as the JSON text a response carries: what JSON.stringify writes of it.
   * Lists that project each document by what it alone holds (the sitemap) are written from texts kept
   * per document (json-fragments.ts) instead of being projected and stringified again.
   */
  async answerJson(
    query: string,
    params: Record<string, unknown> = {},
    perspective: PerspectiveInput = 'raw',
    {sourceMap}: {sourceMap?: SourceMapMode} = {},
  ): Promise<{json: string; syncTags: string[]; resultSourceMap?: ContentSourceMap}> {
    const {tree, syncTags} = this.parsedQueries.parsed(query, params)
    const {result, json, resultSourceMap} = await this.evaluateParsed(tree, params, perspective, {sourceMap, asJson: true})
    return {json: json ?? JSON.stringify(result ?? null), syncTags, ...(resultSourceMap ? {resultSourceMap} : {})}
  }

  private async evaluateParsed(
    tree: ExprNode,
    params: Record<string, unknown>,
    perspective: PerspectiveInput,
    options: {sourceMap?: SourceMapMode; asJson?: boolean},
  ): Promise<{result?: unknown; json?: string; resultSourceMap?: ContentSourceMap}> {
    // Each step that needs groq-js runs under a V8 interrupt of its own (time-limit.ts): top-k's filter
    // over its candidates (all its chunks under one), the answer when the rewritten tree does not compile.
    // A search the indexes answer with nothing (a word no document holds) calls groq-js not at all.
    const evaluated = this.evaluateNow(tree, params, perspective, options)
    const {result, json, pending, sourceMapOf} = evaluated
    if (json !== undefined) return {json}
    let value = result
    if (pending) {
      try {
        value = await pending
      } catch (error) {
        throw evaluated.errorOf(error)
      }
    }
    return sourceMapOf ? {result: value, resultSourceMap: await sourceMapOf(value)} : {result: value}
  }

  /**
   * The query's answer as far as it is evaluated synchronously: its JSON, its value, or the promise of
   * groq-js's asynchronous evaluation (and how to map an error of that promise); with a source map
   * asked, how to make it for the value.
   */
  private evaluateNow(
    tree: ExprNode,
    params: Record<string, unknown>,
    perspective: PerspectiveInput,
    {sourceMap, asJson}: {sourceMap?: SourceMapMode; asJson?: boolean},
  ): {result?: unknown; json?: string; pending?: Promise<unknown>; errorOf: (error: unknown) => unknown; sourceMapOf?: (result: unknown) => Promise<ContentSourceMap>} {
    const view = this.view(perspective)
    // What the tree holds, found in one walk of the request's own nodes (the template's are known): a
    // rewrite with nothing to look for is not run at all.
    const features = featuresOf(tree)
    const adapted = features & TEXT_QUERY ? adaptTextQuery(tree, () => this.allTextExpression()) : tree
    const lookup: IndexLookup = {
      idsOfType: (type) => this.store.indexes.idsOfType(type),
      idsReferencing: (id) => this.store.indexes.idsReferencing(id),
      idsWithSlug: (slug) => this.store.indexes.idsWithSlug(slug),
      idsMatching: (fields, pattern) => this.textIndexes.idsMatching(view, fields, pattern),
      idsInRange: (field, op, value) => idsInRange(view, field, op, value),
    }
    // Sorted lists are evaluated synchronously: queries that need groq-js's asynchronous mode skip them.
    const ranked = features & ASYNC_ONLY || !(features & SORTS)
      ? adapted
      : rewriteTopK(adapted, {
          documentsOfType: (type) => candidatesInOrder(view, [{on: 'stored', ids: this.store.indexes.idsOfType(type), key: `_type:${type}`}], this.alwaysPick),
          allowedBy: (filter) => {
            const found = filterConjuncts(filter, lookup)
            if (!found) return undefined
            const merged = mergeRanges(found)
            return (doc) => merged.every((conjunct) => allows(view, conjunct, doc))
          },
          pickAlways: this.alwaysPick,
          candidateIds: (filter) => {
            const found = filterConjuncts(filter, lookup)
            const smallest = found && mergeRanges(found).toSorted((a, b) => a.ids.size - b.ids.size)[0]
            return smallest?.on === '_id' ? smallest.ids : undefined
          },
          cache: sortedListsOf(view),
          documents: view.documents,
          params,
          dereference: (id) => view.get(id),
          termPostings: (fields, term) => this.textIndexes.termPostings(view, fields, term),
          positionOf: (id) => positionOf(view, id),
        })
    const reverse = new ReverseLookups(ranked, lookup, view, this.alwaysPick)
    const narrowed = narrowTree(ranked, lookup, (conjuncts) => candidatesInOrder(view, conjuncts, this.alwaysPick), reverse.baseFor)
    const dereference = (id: string) => reverse.resolve(id) ?? view.get(id)
    const errorOf = (error: unknown) => queryEvaluationError(error, narrowed)
    // Over the same candidates as the answer: the rewritten tree, read through marked copies.
    const sourceMapOf = sourceMap && ((result: unknown) => contentSourceMap({parsed: adapted, evaluated: narrowed, params, view, dereference, result, mode: sourceMap}))
    try {
      const options = {params, dataset: view.documents, dereference: ({_ref}: {_ref: string}) => dereference(_ref) ?? null}
      // Written straight to JSON where the answer is all the caller wants (a source map reads the values).
      const writer = this.compile && asJson && !sourceMap ? compileGroqToJson(narrowed) : undefined
      if (writer) return {json: writer(options), errorOf}
      // groq-js's evaluation compiled to closures over plain values where every node of the tree allows it.
      const compiled = this.compile ? compileGroq(narrowed) : undefined
      if (compiled) return {result: compiled(options), errorOf, ...(sourceMapOf ? {sourceMapOf} : {})}
      return {pending: interruptible(() => evaluateTree(narrowed, params, view.documents, {dereference})), errorOf, ...(sourceMapOf ? {sourceMapOf} : {})}
    } catch (error) {
      throw errorOf(error)
    }
  }
}

// Sorted lists for top-k slices, per view: a new view (after any change) starts without them.
const sortedLists = new WeakMap<PerspectiveView, Map<string, readonly Doc[]>>()
function sortedListsOf(view: PerspectiveView): Map<string, readonly Doc[]> {
  let lists = sortedLists.get(view)
  if (!lists) sortedLists.set(view, (lists = new Map()))
  return lists
}

// `coalesce({"_ref": $token + $id}->, *)`: the documents that reference $id, or, when $id is not a string
// (the enclosing value is no document), the whole view as groq-js would scan it.
const REVERSE_BASE = parse('coalesce({"_ref": $token + $id}->, *)')

function substitute(node: unknown, values: Record<string, unknown>): unknown {
  if (Array.isArray(node)) return node.map((child) => substitute(child, values))
  if (!node || typeof node !== 'object') return node
  const n = node as {type?: string; name?: string}
  if (n.type === 'Parameter' && n.name && n.name in values) return values[n.name]
  return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, substitute(child, values)]))
}

// Tokens start with a character no document id has and carry a secret of this process, so no stored `_ref` can reach them.
const REVERSE_TOKEN_PREFIX = `\u0000${crypto.randomUUID()}:`
// Each reverse-lookup filter met gets a number, which its token carries. A template's filter (frozen)
// is found by number for as long as the template holds it (weakly here), and its base is made once and
// frozen, so narrowing gives the same node for every request (narrow-query.ts). A request's own filter
// (a value written in) is known only to its evaluation (ReverseLookups).
const templateFilters = new Map<number, WeakRef<ExprNode>>()
const forgetTemplateFilter = new FinalizationRegistry<number>((number) => templateFilters.delete(number))
const templateBases = new WeakMap<object, ExprNode>()
let reverseFiltersNumbered = 0

/** The base that replaces a reverse lookup's `*`: `coalesce({"_ref": <token> + <referenced id>}->, *)`. */
const reverseBase = (number: number, referencedId: ExprNode): ExprNode =>
  substitute(REVERSE_BASE, {token: {type: 'Value', value: `${REVERSE_TOKEN_PREFIX}${number}:`}, id: referencedId}) as ExprNode

/** A template filter's base, made the first time it is narrowed. */
function templateBaseOf(filter: ExprNode, referencedId: ExprNode): ExprNode {
  let base = templateBases.get(filter)
  if (!base) {
    const number = reverseFiltersNumbered++
    templateFilters.set(number, new WeakRef(filter))
    forgetTemplateFilter.register(filter, number)
    templateBases.set(filter, (base = freezeTree(reverseBase(number, referencedId))))
  }
  return base
}

/**
 * Reverse lookups inside a query (`*[_type == "article" && ^._id in people[]._ref]` in a projection):
 * their candidates depend on the enclosing document, so they are found while the query runs. The filter's
 * base becomes a reference to a token naming the lookup and the enclosing `_id`; the evaluator follows it
 * through `dereference`, which answers with the documents the reference index gives for that id that the
 * filter's other conjuncts allow, in dataset order. A token whose filter is gone answers nothing, and
 * the base's `coalesce` then reads the whole view: the same result, found the slow way.
 */
class ReverseLookups {
  // The tree narrowed holds the filters its tokens name: kept here, it holds them while the evaluation runs.
  readonly tree: ExprNode
  private readonly lookup: IndexLookup
  private readonly view: PerspectiveView
  private readonly alwaysPick: boolean
  // Per lookup, the conjuncts of its filter the indexes answer: asked once per evaluation, when first read.
  private readonly conjuncts = new Map<number, Conjunct[]>()
  // The request's own reverse-lookup filters, by number.
  private readonly ownFilters = new Map<number, ExprNode>()

  constructor(tree: ExprNode, lookup: IndexLookup, view: PerspectiveView, alwaysPick: boolean) {
    this.tree = tree
    this.lookup = lookup
    this.view = view
    this.alwaysPick = alwaysPick
  }

  baseFor = (filter: ExprNode, referencedId: ExprNode): ExprNode => {
    if (Object.isFrozen(filter)) return templateBaseOf(filter, referencedId)
    const number = reverseFiltersNumbered++
    this.ownFilters.set(number, filter)
    return reverseBase(number, referencedId)
  }

  /** The candidates for a token, or undefined for an ordinary reference. */
  resolve(ref: string): Doc[] | undefined {
    if (!ref.startsWith(REVERSE_TOKEN_PREFIX)) return undefined
    const rest = ref.slice(REVERSE_TOKEN_PREFIX.length)
    const colon = rest.indexOf(':')
    const number = Number(rest.slice(0, colon))
    let conjuncts = this.conjuncts.get(number)
    if (!conjuncts) {
      const filter = (this.ownFilters.get(number) ?? templateFilters.get(number)?.deref()) as {expr?: ExprNode} | undefined
      if (!filter?.expr) return undefined
      conjuncts = filterConjuncts(filter.expr, this.lookup) ?? []
      this.conjuncts.set(number, conjuncts)
    }
    const referencing: Conjunct = {on: 'stored', ids: this.lookup.idsReferencing(rest.slice(colon + 1))}
    return candidatesInOrder(this.view, [referencing, ...conjuncts], this.alwaysPick)
  }
}

/** Whether a conjunct holds a view document: a `stored` one by the stored document the view shows, an `_id` one by its `_id`. */
const allows = (view: PerspectiveView, conjunct: Conjunct, doc: Doc) => conjunct.ids.has(conjunct.on === '_id' ? doc._id : view.sourceId(doc))

/** Conjuncts with the ranges of one field (`startDate >= $from && startDate < $to`) made one range. */
function mergeRanges(conjuncts: Conjunct[]): Conjunct[] {
  const merged: Conjunct[] = []
  for (const conjunct of conjuncts) {
    const index = conjunct.ids instanceof IdRange ? merged.findIndex((other) => other.ids instanceof IdRange && other.ids.intersect(conjunct.ids)) : -1
    if (index === -1) merged.push(conjunct)
    else merged[index] = {on: '_id', ids: (merged[index]!.ids as IdRange).intersect(conjunct.ids)!}
  }
  return merged
}

// Per view, the documents an index's own set allows (`_type == "article"`), in dataset order.
const orderedByKey = new WeakMap<PerspectiveView, Map<string, Doc[]>>()

/**
 * The view's documents that every conjunct allows, each once, in dataset order. A `stored` conjunct
 * holds a view document when it holds the stored document the view shows; an `_id` conjunct, when it
 * holds the view document's `_id`. The smallest conjunct leads: its documents are kept in order per view
 * when it names an index's set, picked out and sorted when it is small, found in one pass over the view
 * otherwise (sorting k candidates costs about k·log k; the pass, one set lookup per document).
 */
function candidatesInOrder(view: PerspectiveView, conjuncts: Conjunct[], alwaysPick: boolean): Doc[] {
  const [smallest, ...others] = mergeRanges(conjuncts).toSorted((a, b) => a.ids.size - b.ids.size)
  const allowedBy = (conjunct: Conjunct, doc: Doc) => allows(view, conjunct, doc)
  const allowedByOthers = (doc: Doc) => others.every((conjunct) => allowedBy(conjunct, doc))
  const k = smallest!.ids.size
  if (smallest!.key !== undefined && !alwaysPick) {
    let lists = orderedByKey.get(view)
    if (!lists) orderedByKey.set(view, (lists = new Map()))
    let ordered = lists.get(smallest!.key)
    if (!ordered) lists.set(smallest!.key, (ordered = view.documents.filter((doc) => allowedBy(smallest!, doc))))
    return others.length === 0 ? ordered : ordered.filter(allowedByOthers)
  }
  if (!alwaysPick && k * (Math.log2(k + 1) + 4) > view.documents.length) return view.documents.filter((doc) => allowedBy(smallest!, doc) && allowedByOthers(doc))
  const found = new Set<Doc>()
  for (const id of smallest!.ids) {
    const doc = smallest!.on === '_id' ? view.get(id) : view.byRawId(id)
    if (doc && (smallest!.on === '_id' || view.sourceId(doc) === id) && allowedByOthers(doc)) found.add(doc)
  }
  return [...found].toSorted(compareIds)
}
