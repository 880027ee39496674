import {evaluateSync, toJS, type ExprNode} from 'groq-js'

import type {Doc} from '../store/document-store.ts'
import {compileGroq} from './compiled-groq.ts'
import type {IdSet} from './narrow-query.ts'
import {isIndexableText, termsOf, type TermPostings} from './text-index.ts'
import {interruptible} from './time-limit.ts'
import {EVERYTHING, lacks, SORTS} from './tree-features.ts'
import {rewriteChildren} from './tree-rewrite.ts'

type Node = {type: string; [key: string]: unknown}

/** What a top-k rewrite needs from the query being answered. */
export interface TopKContext {
  /** The view's documents of a type, in dataset order; undefined when the type is not indexed. */
  documentsOfType: (type: string) => readonly Doc[]
  /** Where sorted lists live until the data changes (one per perspective view). */
  cache: Map<string, readonly Doc[]>
  documents: readonly Doc[]
  params: Record<string, unknown>
  dereference: (id: string) => Doc | null | undefined
  /** Which documents the indexes say a filter can match (a superset), or undefined when they cannot tell. */
  allowedBy?: (filter: ExprNode) => ((doc: Doc) => boolean) | undefined
  /** Where a `match` term occurs in `fields` (positions in `documents`, with counts), as groq-js counts for `score()`; undefined when unknown. */
  termPostings?: (fields: ExprNode, term: string) => TermPostings | undefined
  /** The `_id`s (as the view shows them) the indexes narrow a filter to, when they can: a superset of its matches. */
  candidateIds?: (filter: ExprNode) => IdSet | undefined
  /** Pick out the candidates of `candidateIds` even where walking the sorted list would cost less (for tests: both ways answer alike). */
  pickAlways?: boolean
  /** A document's position in `documents`, by `_id`. */
  positionOf?: (id: string) => number | undefined
}

function contains(node: unknown, type: string): boolean {
  const stack: unknown[] = [node]
  while (stack.length > 0) {
    const value = stack.pop()
    if (!value || typeof value !== 'object') continue
    if ((value as Node).type === type) return true
    if ((value as Node).type === 'Value') continue
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push(child)
  }
  return false
}

/** The type a filter requires (`_type == "article" && ...`), or undefined. */
function requiredType(expr: Node): string | undefined {
  if (expr.type === 'And') return requiredType(expr.left as Node) ?? requiredType(expr.right as Node)
  if (expr.type === 'Group') return requiredType(expr.base as Node)
  if (expr.type !== 'OpCall' || expr.op !== '==') return undefined
  const [left, right] = [expr.left as Node, expr.right as Node]
  const isType = (node: Node) => node.type === 'AccessAttribute' && node.name === '_type' && node.base === undefined
  const constant = (node: Node) => (node.type === 'Value' && typeof node.value === 'string' ? node.value : undefined)
  return isType(left) ? constant(right) : isType(right) ? constant(left) : undefined
}

/**
 * The types a filter allows and nothing else besides (`_type == "a"`, `_type in ["a", "b"]`, or an `||`
 * of those), in the order first named; undefined for any other filter.
 */
function onlyTypes(expr: Node): string[] | undefined {
  if (expr.type === 'Group') return onlyTypes(expr.base as Node)
  if (expr.type === 'Or') {
    const [left, right] = [onlyTypes(expr.left as Node), onlyTypes(expr.right as Node)]
    return left && right ? [...new Set([...left, ...right])] : undefined
  }
  const type = requiredType(expr)
  if (type !== undefined) return expr.type === 'OpCall' ? [type] : undefined
  if (expr.type !== 'OpCall' || expr.op !== 'in') return undefined
  const [left, right] = [expr.left as Node, expr.right as Node]
  if (left.type !== 'AccessAttribute' || left.name !== '_type' || left.base !== undefined || right.type !== 'Array') return undefined
  const types: string[] = []
  for (const element of right.elements as Array<{value: Node; isSplat: boolean}>) {
    if (element.isSplat || element.value.type !== 'Value' || typeof element.value.value !== 'string') return undefined
    types.push(element.value.value)
  }
  return [...new Set(types)]
}

// The parameter a chunk of candidates is given to the compiled filter as: no GROQ parameter has a space.
const CHUNK = 'candidates chunk'

/**
 * `*[filter] | order(keys) [a...b]` as groq-js answers it, without filtering and sorting every candidate:
 * the documents of the filter's type are sorted by the keys once per data version (by groq-js's own
 * order(), which is stable, so ties stay in dataset order), then the filter runs down that list, a chunk
 * at a time, until b documents match. A stable sort of a filtered list equals the filtered sorted list,
 * so the slice holds the same documents in the same order.
 *
 * Only shapes with no `^` in the filter or keys (they would need the enclosing scope), constant
 * non-negative bounds and a `_type == "..."` in the filter are rewritten.
 */
export function rewriteTopK(tree: ExprNode, context: TopKContext): ExprNode {
  const options = {dataset: context.documents as Doc[], params: context.params, dereference: ({_ref}: {_ref: string}) => context.dereference(_ref) ?? null}

  // The documents of the types in dataset order, sorted by the keys: compiled where the keys allow (a
  // write makes a new view, and the first query after it sorts again), by groq-js otherwise.
  const sorted = (types: readonly string[], keys: unknown[]): readonly Doc[] => {
    const key = `${types.join('\u0001')}\u0000${JSON.stringify(keys)}`
    let list = context.cache.get(key)
    if (!list) {
      const allowed = new Set(types)
      const documents = types.length === 1 ? context.documentsOfType(types[0]!) : context.documents.filter((doc) => allowed.has(doc._type))
      const order = {type: 'PipeFuncCall', name: 'order', base: {type: 'Value', value: documents}, args: keys} as ExprNode
      const compiled = compileGroq(order)
      list = (compiled ? compiled(options) : interruptible(() => toJS(evaluateSync(order, options)))) as Doc[]
      context.cache.set(key, list)
    }
    return list
  }

  const firstMatches = (list: Iterable<Doc>, filter: ExprNode, count: number, allowed = context.allowedBy?.(filter)): Doc[] => {
    // Documents the indexes rule out are skipped before the filter sees them; the rest keep their order.
    // The filter compiled where it can be (its closures kept with the template's nodes), else groq-js's.
    const compiled = compileGroq({type: 'Filter', base: {type: 'Parameter', name: CHUNK}, expr: filter} as ExprNode)
    const filterChunk = (part: Doc[]): Doc[] => {
      if (compiled) return compiled({...options, params: {...options.params, [CHUNK]: part}}) as Doc[]
      return toJS(evaluateSync({type: 'Filter', base: {type: 'Value', value: part}, expr: filter} as ExprNode, options)) as Doc[]
    }
    const matches: Doc[] = []
    const documents = list[Symbol.iterator]()
    let done = false
    const walk = () => {
      for (let chunk = Math.max(32, count * 2); !done && matches.length < count; chunk *= 2) {
        const part: Doc[] = []
        while (part.length < chunk) {
          const next = documents.next()
          if (next.done) {
            done = true
            break
          }
          if (!allowed || allowed(next.value)) part.push(next.value)
        }
        if (part.length > 0) matches.push(...filterChunk(part))
      }
    }
    // groq-js's chunks all run under one V8 interrupt (a watchdog thread each costs 0.1 to 0.4 ms).
    if (compiled) walk()
    else interruptible(walk)
    return matches.slice(0, count)
  }

  /**
   * The first documents of `*[filter] | score(...) | order(_score desc, keys)` (or of `... | score(...)`
   * alone, which sorts by `_score` too), with their `_score`, when every score argument is a `match` the
   * text indexes count exactly. groq-js's order is stable: by score, then by the keys, then in dataset
   * order; the type's documents sorted by the keys give the last two (their position). Only documents
   * that hold a term score other than 0, so those are sorted by score and position, and the rest follow
   * in position order between the positive and the negative scores (a negative boost); the filter runs
   * down that order as above until enough match.
   */
  const scoredTopOf = (base: Node, count: number): Doc[] | undefined => {
    const ordered = base.type === 'PipeFuncCall' && base.name === 'order' && isScoreDesc((base.args as Node[])[0]) ? (base.base as Node) : undefined
    const scoring = ordered ?? base
    const {termPostings, positionOf} = context
    if (scoring.type !== 'PipeFuncCall' || scoring.name !== 'score' || !termPostings || !positionOf) return undefined
    const keys = ordered ? (base.args as unknown[]).slice(1) : []
    const filter = scoring.base as Node
    if (filter.type !== 'Filter' || (filter.base as Node).type !== 'Everything') return undefined
    if (contains(filter.expr, 'Parent') || contains(scoring.args, 'Parent') || contains(keys, 'Parent') || contains(keys, 'This') || readsScore(keys)) return undefined
    const type = requiredType(filter.expr as Node)
    if (type === undefined) return undefined
    const size = context.documents.length
    const scorers = (scoring.args as Node[]).map((arg) => scorerOf(arg, termPostings, size))
    if (!scorers.every(Boolean)) return undefined

    const list = keys.length > 0 ? sorted([type], keys) : context.documentsOfType(type)
    const {listPosition, viewPosition, storesScore} = listPositionsOf(list, size, positionOf)
    // groq-js starts from a stored numeric `_score`: rare enough to leave to groq-js.
    if (storesScore) return undefined
    // A rare word: the few documents the text index leaves for the filter (further below, in the order of
    // their scores), instead of the list walked past every document that cannot match; none at all (a
    // word no document holds), and nothing is scored.
    const few = fewCandidatePositions(list, filter.expr as ExprNode)
    if (few?.length === 0) return []
    // As groq-js adds them up: each argument's score in turn, for every document of the view in one pass
    // over typed arrays (adding the 0 of an untouched one changes nothing).
    const total = scoreArrays.take(size)
    for (const scorer of scorers) {
      const values = scorer!()
      for (let position = 0; position < size; position++) total[position]! += values[position]!
      scoreArrays.give(values)
    }
    // The list's scores in list order (the order of the keys, then of the dataset: groq-js's ties).
    const length = list.length
    const listScores = listScoreArrays.take(length)
    let positives = 0
    for (let k = 0; k < length; k++) {
      const score = total[viewPosition[k]!]!
      listScores[k] = score
      if (score > 0) positives++
    }
    scoreArrays.give(total)
    const scores = new Float64Array(positives)
    for (let k = 0, next = 0; k < length; k++) if (listScores[k]! > 0) scores[next++] = listScores[k]!
    const byScore = (a: number, b: number) => listScores[b]! - listScores[a]! || a - b
    const inOrder = function* () {
      // The best first, a band of scores at a time: the top `band` scores sorted, then the next four
      // times as many, and so on, so that a filter that passes the first few (most queries) sorts no more.
      let above = Infinity
      let taken = 0
      for (let band = Math.max(64, count * 4); taken < positives; band *= 4) {
        const threshold = nthSmallest(scores, Math.max(0, positives - taken - band))
        const inBand: number[] = []
        for (let k = 0; k < length; k++) {
          const score = listScores[k]!
          if (score >= threshold && score < above) inBand.push(k)
        }
        inBand.sort(byScore)
        for (const k of inBand) yield list[k]!
        taken += inBand.length
        above = threshold
      }
      for (let k = 0; k < length; k++) if (!listScores[k]) yield list[k]!
      const negative: number[] = []
      for (let k = 0; k < length; k++) if (listScores[k]! < 0) negative.push(k)
      for (const k of negative.toSorted(byScore)) yield list[k]!
    }
    // The few candidates in the same order as the list's: by score, then position.
    const candidates = few ? few.toSorted(byScore).map((k) => list[k]!) : inOrder()
    try {
      const matches = firstMatches(candidates, filter.expr as ExprNode, count)
      return matches.map((doc) => Object.assign({}, doc, {_score: listScores[listPosition[positionOf(doc._id)!]!]!}))
    } finally {
      listScoreArrays.give(listScores)
    }
  }

  /** The first documents of `*[filter] | order(keys)`, when that is the shape of `base`. */
  const topOf = (base: Node, count: number): Doc[] | undefined => {
    const scored = scoredTopOf(base, count)
    if (scored) return scored
    const filter = base.type === 'PipeFuncCall' && base.name === 'order' ? (base.base as Node) : undefined
    if (filter?.type !== 'Filter' || (filter.base as Node).type !== 'Everything' || contains(filter.expr, 'Parent') || contains(base.args, 'Parent')) return undefined
    const type = requiredType(filter.expr as Node)
    if (type === undefined) return undefined
    const list = sorted([type], base.args as unknown[])
    return firstMatches(fewCandidatesInOrder(list, filter.expr as ExprNode) ?? list, filter.expr as ExprNode, count)
  }

  /**
   * When the indexes leave few candidates (`startDate >= $today || endDate >= $today` among thousands of
   * past events), those picked out of the sorted list by their positions, instead of walking the list
   * from its start past every document they rule out. Undefined when walking costs less.
   */
  const fewCandidatesInOrder = (list: readonly Doc[], filter: ExprNode): Doc[] | undefined => fewCandidatePositions(list, filter)?.map((position) => list[position]!)

  /** The positions in the list of the few documents the indexes leave for the filter, ascending and each once; undefined when walking the list costs less. */
  const fewCandidatePositions = (list: readonly Doc[], filter: ExprNode): number[] | undefined => {
    const ids = context.candidateIds?.(filter)
    const {positionOf} = context
    if (!ids || !positionOf || (!context.pickAlways && ids.size * (Math.log2(ids.size + 1) + 4) >= list.length)) return undefined
    const {listPosition} = listPositionsOf(list, context.documents.length, positionOf)
    const positions: number[] = []
    for (const id of ids) {
      const position = positionOf(id)
      if (position !== undefined && listPosition[position]! >= 0) positions.push(listPosition[position]!)
    }
    positions.sort((a, b) => a - b)
    return positions.filter((position, index) => position !== positions[index - 1])
  }

  /**
   * `*[filter] | order(keys)` without a slice, where the filter names only types (the sitemap's
   * `*[_type in [...]] | order(_type asc, _id asc)`): the sorted list itself, sorted once per data version.
   * Filters that the indexes narrow further are left to narrowing, where sorting the few costs less.
   */
  const wholeSorted = (node: Node): readonly Doc[] | undefined => {
    const filter = node.base as Node
    if (filter.type !== 'Filter' || (filter.base as Node).type !== 'Everything' || (node.args as unknown[]).length === 0 || contains(node.args, 'Parent')) return undefined
    const types = onlyTypes(filter.expr as Node)
    return types && sorted(types, node.args as unknown[])
  }

  // Without `^`, the filter and keys mean the same wherever the expression sits, so nested ones qualify too.
  const visit = (value: unknown): unknown => {
    // Every rewrite here reads a filter over `*` that is sorted or ranked: a subtree without both comes back as it is, unwalked.
    if (lacks(value, EVERYTHING) || lacks(value, SORTS)) return value
    if (Array.isArray(value)) return rewriteChildren(value, visit)
    const node = value as Node
    if (node.type === 'Value') return node
    if (node.type === 'Slice' && (node.left as number) >= 0 && (node.right as number) >= 0) {
      const matches = topOf(node.base as Node, (node.right as number) + (node.isInclusive ? 1 : 0))
      if (matches) return {...node, base: {type: 'Value', value: matches}}
    }
    if (node.type === 'AccessElement' && typeof node.index === 'number' && node.index >= 0) {
      const matches = topOf(node.base as Node, node.index + 1)
      if (matches) return {...node, base: {type: 'Value', value: matches}}
    }
    if (node.type === 'PipeFuncCall' && node.name === 'order') {
      const whole = wholeSorted(node)
      if (whole) return {type: 'Value', value: whole}
    }
    return rewriteChildren(node, visit)
  }
  return visit(tree) as ExprNode
}

/**
 * The `n`th smallest of `values` (0 the smallest), found in linear time on average (quickselect),
 * leaving `values` partly reordered: a sort of the whole costs more than the bands of scores need.
 */
export function nthSmallest(values: Float64Array, n: number): number {
  let low = 0
  let high = values.length - 1
  while (low < high) {
    // The median of three as the pivot, so that sorted or equal scores do not make it quadratic.
    const middle = (low + high) >>> 1
    const pivot = Math.max(Math.min(values[low]!, values[middle]!), Math.min(Math.max(values[low]!, values[middle]!), values[high]!))
    let i = low
    let j = high
    while (i <= j) {
      while (values[i]! < pivot) i++
      while (values[j]! > pivot) j--
      if (i <= j) {
        const swap = values[i]!
        values[i++] = values[j]!
        values[j--] = swap
      }
    }
    if (n <= j) high = j
    else if (n >= i) low = i
    else return values[n]!
  }
  return values[n]!
}

const isScoreDesc = (key: Node | undefined) => key?.type === 'Desc' && (key.base as Node).type === 'AccessAttribute' && (key.base as Node).name === '_score' && (key.base as Node).base === undefined

function readsScore(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(readsScore)
  if (!node || typeof node !== 'object') return false
  const n = node as Node
  if (n.type === 'Value') return false
  if (n.type === 'AccessAttribute' && n.name === '_score') return true
  return Object.values(n).some(readsScore)
}

/**
 * Per sorted list: each view document's position in it (-1 when not in it), each list document's
 * position in the view, and whether any list document stores a numeric `_score`.
 */
const listPositions = new WeakMap<readonly Doc[], {listPosition: Int32Array; viewPosition: Int32Array; storesScore: boolean}>()
function listPositionsOf(list: readonly Doc[], size: number, positionOf: (id: string) => number | undefined) {
  let found = listPositions.get(list)
  if (!found) {
    const listPosition = new Int32Array(size).fill(-1)
    const viewPosition = new Int32Array(list.length)
    let storesScore = false
    list.forEach((doc, position) => {
      viewPosition[position] = positionOf(doc._id)!
      listPosition[viewPosition[position]!] = position
      if (typeof doc._score === 'number') storesScore = true
    })
    listPositions.set(list, (found = {listPosition, viewPosition, storesScore}))
  }
  return found
}

/**
 * Arrays of one size, reused from search to search: made anew, a search's three to five arrays of
 * 50,000 entries kept V8's collector busy. Taken zeroed (`zeroed`) or to be written whole.
 */
class ReusedArrays {
  private readonly free: Float64Array<ArrayBuffer>[] = []
  private readonly zeroed: boolean
  constructor({zeroed}: {zeroed: boolean}) {
    this.zeroed = zeroed
  }
  take(size: number): Float64Array<ArrayBuffer> {
    const index = this.free.findIndex((array) => array.length === size)
    return index === -1 ? new Float64Array(size) : this.free.splice(index, 1)[0]!
  }
  give(array: Float64Array<ArrayBuffer>) {
    if (this.zeroed) array.fill(0)
    // A few: nested scorers take one each at most.
    if (this.free.length < 8) this.free.push(array)
  }
}
/** Scores by view position, every one 0 when taken. */
const scoreArrays = new ReusedArrays({zeroed: true})
/** Scores by list position, written whole by each search. */
const listScoreArrays = new ReusedArrays({zeroed: false})

/** A `score()` argument's scores by view position, in an array of scoreArrays (0 where it scores nothing). */
type Scorer = () => Float64Array<ArrayBuffer>

/**
 * One `score()` argument as groq-js scores it (evaluateScore), from the text indexes' postings:
 * `fields match "words"` adds freq·2.2/(freq+1.2) per term, `boost(x, n)` adds n to a positive x, `||`
 * sums, `&&` sums unless either side is 0. Undefined for anything groq-js would evaluate another way
 * (a plain condition, a parenthesised group), or a term the index cannot count exactly. A document that
 * holds none of the terms scores 0 in every one of these.
 */
function scorerOf(node: Node, termPostings: NonNullable<TopKContext['termPostings']>, size: number): Scorer | undefined {
  if (node.type === 'OpCall' && node.op === 'match') {
    const pattern = node.right as Node
    if (!isIndexableText(node.left) || pattern.type !== 'Value' || typeof pattern.value !== 'string') return undefined
    const terms = termsOf(pattern.value).map((term) => termPostings(node.left as ExprNode, term))
    if (!terms.every(Boolean)) return undefined
    return () => {
      // Term by term, as groq-js sums them for each document.
      const values = scoreArrays.take(size)
      for (const {documents, counts} of terms as TermPostings[]) {
        for (let k = 0; k < documents.length; k++) {
          const freq = counts[k]!
          values[documents[k]!]! += (freq * 2.2) / (freq + 1.2)
        }
      }
      return values
    }
  }
  if (node.type === 'FuncCall' && node.namespace === 'global' && node.name === 'boost' && (node.args as Node[]).length === 2) {
    const [inner, boost] = node.args as Node[]
    const innerScorer = scorerOf(inner!, termPostings, size)
    // A boost that is not a number scores 0, as in groq-js; an infinite one (NaN scores) is left to groq-js.
    if (!innerScorer || boost!.type !== 'Value' || (typeof boost!.value === 'number' && !Number.isFinite(boost!.value))) return undefined
    const value = boost!.value
    return () => {
      // In place: each position is read once, before it is written.
      const values = innerScorer()
      if (typeof value !== 'number') return values.fill(0)
      for (let position = 0; position < size; position++) values[position] = values[position]! > 0 ? values[position]! + value : 0
      return values
    }
  }
  if (node.type === 'Or' || node.type === 'And') {
    const [left, right] = [scorerOf(node.left as Node, termPostings, size), scorerOf(node.right as Node, termPostings, size)]
    if (!left || !right) return undefined
    const both = node.type === 'And'
    return () => {
      // Into the left side's array: each position is read once, before it is written.
      const values = left()
      const rightValues = right()
      for (let position = 0; position < size; position++) {
        const leftScore = values[position]!
        const rightScore = rightValues[position]!
        values[position] = both && (leftScore === 0 || rightScore === 0) ? 0 : leftScore + rightScore
      }
      scoreArrays.give(rightValues)
      return values
    }
  }
  return undefined
}
