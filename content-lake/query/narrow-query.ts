import type {ExprNode} from 'groq-js'

import {isIndexableText} from './text-index.ts'
import {EVERYTHING, lacks} from './tree-features.ts'
import {freezeTree, rewriteChildren} from './tree-rewrite.ts'

/** A set of ids as narrowing reads it: a Set, or a range of a sorted index that is never copied into one. */
export interface IdSet extends Iterable<string> {
  readonly size: number
  has(id: string): boolean
}

/** What the indexes can answer: sets of raw document ids. */
export interface IndexLookup {
  idsOfType(type: string): ReadonlySet<string>
  idsReferencing(id: string): ReadonlySet<string>
  idsWithSlug(slug: string): ReadonlySet<string>
  /** The `_id`s (as the view shows them) of documents that can satisfy `fields match pattern`, if known. */
  idsMatching?(fields: ExprNode, pattern: string): IdSet | undefined
  /** The `_id`s (as the view shows them) of documents whose top-level `field` is a string in the range. */
  idsInRange?(field: string, op: RangeOperator, value: string): IdSet
}

export type RangeOperator = '<' | '<=' | '>' | '>='

// `"x" < field` is `field > "x"`.
const FLIPPED: Record<RangeOperator, RangeOperator> = {'<': '>', '<=': '>=', '>': '<', '>=': '<='}
const isRangeOperator = (op: unknown): op is RangeOperator => typeof op === 'string' && op in FLIPPED

type Node = {type: string; [key: string]: unknown}

export const isAttribute = (node: unknown, name: string): boolean => {
  const n = node as Node | undefined
  return n?.type === 'AccessAttribute' && n.name === name && n.base === undefined
}

const isSlugCurrent = (node: unknown): boolean => {
  const n = node as Node | undefined
  return n?.type === 'AccessAttribute' && n.name === 'current' && isAttribute(n.base, 'slug')
}

/** The constant strings of a Value node or an Array of Value nodes, or undefined when not constant. */
export function constantStrings(node: unknown): string[] | undefined {
  const n = node as Node | undefined
  if (n?.type === 'Value') {
    const value = n.value
    if (typeof value === 'string') return [value]
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[]
    return undefined
  }
  if (n?.type === 'Array') {
    const values = (n.elements as Node[]).map((element) => (element.isSplat ? undefined : constantStrings(element.value)))
    return values.every((value) => value?.length === 1) ? values.map((value) => value![0]!) : undefined
  }
  return undefined
}

/** Ids in any of several sets, read through them rather than copied into one (`_type in [...]` can be most of a dataset). */
class UnionIds implements IdSet {
  private readonly sets: IdSet[]

  constructor(sets: IdSet[]) {
    this.sets = sets
  }

  /** At most this many: sets that overlap count their common ids twice (only an estimate reads it). */
  get size() {
    let size = 0
    for (const set of this.sets) size += set.size
    return size
  }

  has(id: string): boolean {
    return this.sets.some((set) => set.has(id))
  }

  *[Symbol.iterator](): Iterator<string> {
    for (const [index, set] of this.sets.entries()) {
      for (const id of set) if (!this.sets.slice(0, index).some((earlier) => earlier.has(id))) yield id
    }
  }
}

function union(sets: IdSet[]): IdSet {
  return sets.length === 1 ? sets[0]! : new UnionIds(sets) // one set: the index's own, no copy
}

/**
 * What one conjunct of a filter allows, when the indexes can tell: `_type == "x"`, `_type in [...]`,
 * `slug.current == "x"`, `references("x")` give the raw ids of the stored documents that can match
 * (`on: "stored"`); `_id == "x"`, `_id in [...]` give the `_id`s themselves (`on: "_id"`), which in a
 * perspective other than raw are the published ids the documents are shown under. Undefined otherwise.
 */
export interface Conjunct {
  on: 'stored' | '_id'
  ids: IdSet
  /** Names an index's own set (`_type == "article"`), so its documents in dataset order can be kept per view. */
  key?: string
}

/** A string constant (a literal or a parameter's value), or undefined. */
const constantString = (node: unknown): string | undefined => {
  const n = node as Node | undefined
  return n?.type === 'Value' && typeof n.value === 'string' ? n.value : undefined
}

const topLevelField = (node: unknown): string | undefined => {
  const n = node as Node | undefined
  return n?.type === 'AccessAttribute' && n.base === undefined ? (n.name as string) : undefined
}

/** Whether `==` and `in` with a constant on this node's other side name an index: `_type`, `_id`, `slug.current`. */
const isIndexedField = (node: unknown): boolean => isAttribute(node, '_type') || isAttribute(node, '_id') || isSlugCurrent(node)

/**
 * Where a filter over `*` is narrowed, the keys of one of its conjuncts that conjunctOf (and the sync
 * tags and top-k, which read less) reads as constants: the value compared with an indexed field, a range's
 * bound beside a top-level field, a `match` pattern on indexable text, `references()`'s arguments. `&&`,
 * `||` and groups hold conjuncts of their own: "conjunct" keys. Keep in step with conjunctOf.
 */
export function constantKeysOfConjunct(expr: {type: string; [key: string]: unknown}): Array<[key: string, read: 'constant' | 'conjunct']> {
  if (expr.type === 'And' || expr.type === 'Or') return [['left', 'conjunct'], ['right', 'conjunct']]
  if (expr.type === 'Group') return [['base', 'conjunct']]
  if (expr.type === 'OpCall' && (expr.op === '==' || expr.op === 'in')) {
    const keys: Array<[string, 'constant']> = []
    if (isIndexedField(expr.left)) keys.push(['right', 'constant'])
    if (expr.op === '==' && isIndexedField(expr.right)) keys.push(['left', 'constant'])
    return keys
  }
  if (expr.type === 'OpCall' && isRangeOperator(expr.op)) {
    return [...(topLevelField(expr.left) !== undefined ? [['right', 'constant'] as ['right', 'constant']] : []), ...(topLevelField(expr.right) !== undefined ? [['left', 'constant'] as ['left', 'constant']] : [])]
  }
  if (expr.type === 'OpCall' && expr.op === 'match') return isIndexableText(expr.left) ? [['right', 'constant']] : []
  if (expr.type === 'FuncCall' && expr.name === 'references' && expr.namespace === 'global') return [['args', 'constant']]
  return []
}

function conjunctOf(expr: Node, lookup: IndexLookup): Conjunct | undefined {
  if (expr.type === 'OpCall' && (expr.op === '==' || expr.op === 'in')) {
    const [field, constant] = constantStrings(expr.right) ? [expr.left, expr.right] : expr.op === '==' ? [expr.right, expr.left] : [undefined, undefined]
    const values = constantStrings(constant)
    if (!values) return undefined
    if (expr.op === '==' && values.length !== 1) return undefined
    if (isAttribute(field, '_type')) {
      return {on: 'stored', ids: union(values.map((type) => lookup.idsOfType(type))), key: `_type:${values.join('\u0000')}`}
    }
    if (isAttribute(field, '_id')) return {on: '_id', ids: new Set(values)}
    if (isSlugCurrent(field)) return {on: 'stored', ids: union(values.map((slug) => lookup.idsWithSlug(slug)))}
    return undefined
  }
  if (expr.type === 'OpCall' && expr.op === 'match' && lookup.idsMatching && isIndexableText(expr.left)) {
    const pattern = expr.right as Node
    const ids = pattern.type === 'Value' && typeof pattern.value === 'string' ? lookup.idsMatching(expr.left as ExprNode, pattern.value) : undefined
    return ids ? {on: '_id', ids} : undefined
  }
  // A comparison with a string holds only for a document whose field is a string (groq-js compares
  // values of one type only), so the range of that field's sorted strings holds every match.
  if (expr.type === 'OpCall' && isRangeOperator(expr.op) && lookup.idsInRange) {
    const [left, right] = [topLevelField(expr.left), constantString(expr.right)]
    if (left !== undefined && right !== undefined) return {on: '_id', ids: lookup.idsInRange(left, expr.op, right)}
    const [flippedField, flippedValue] = [topLevelField(expr.right), constantString(expr.left)]
    if (flippedField !== undefined && flippedValue !== undefined) return {on: '_id', ids: lookup.idsInRange(flippedField, FLIPPED[expr.op], flippedValue)}
    return undefined
  }
  // Either side may hold: the documents of both, when the indexes answer both on the same kind of id.
  if (expr.type === 'Or') {
    const [left, right] = [conjunctOf(expr.left as Node, lookup), conjunctOf(expr.right as Node, lookup)]
    return left && right && left.on === right.on ? {on: left.on, ids: union([left.ids, right.ids])} : undefined
  }
  if (expr.type === 'Group') return conjunctOf(expr.base as Node, lookup)
  if (expr.type === 'FuncCall' && expr.name === 'references' && expr.namespace === 'global') {
    const ids = (expr.args as Node[]).map(constantStrings)
    return ids.every(Boolean) ? {on: 'stored', ids: union(ids.flat().map((id) => lookup.idsReferencing(id!)))} : undefined
  }
  return undefined
}

function conjuncts(expr: Node): Node[] {
  return expr.type === 'And' ? [...conjuncts(expr.left as Node), ...conjuncts(expr.right as Node)] : expr.type === 'Group' ? conjuncts(expr.base as Node) : [expr]
}

/** The conjuncts of a filter that the indexes answer; undefined when none do. */
export function filterConjuncts(expr: ExprNode, lookup: IndexLookup): Conjunct[] | undefined {
  const found = conjuncts(expr as Node)
    .map((conjunct) => conjunctOf(conjunct, lookup))
    .filter((conjunct): conjunct is Conjunct => conjunct !== undefined)
  return found.length > 0 ? found : undefined
}

/** The raw ids a filter can match in the raw perspective, from the conjuncts the indexes answer; undefined when none do. */
export function filterCandidates(expr: ExprNode, lookup: IndexLookup): IdSet | undefined {
  const sets = filterConjuncts(expr, lookup)?.map((conjunct) => conjunct.ids)
  if (!sets) return undefined
  // Walk the smallest set and keep what every other set has: a slug narrows a type at once.
  const [smallest, ...others] = sets.toSorted((a, b) => a.size - b.size)
  if (others.length === 0) return smallest
  return new Set([...smallest!].filter((id) => others.every((set) => set.has(id))))
}

/**
 * `^._id`, `^.^._id`, ...: the `_id` of an enclosing scope as a filter sees it, rewritten as the scope
 * that evaluates the filter's base sees it (one `^` fewer). Undefined for anything else.
 */
function enclosingIdFromBase(node: unknown): Node | undefined {
  const n = node as Node | undefined
  if (n?.type !== 'AccessAttribute' || n.name !== '_id') return undefined
  const parent = n.base as Node | undefined
  if (parent?.type !== 'Parent' || typeof parent.n !== 'number' || parent.n < 1) return undefined
  return parent.n === 1 ? {type: 'AccessAttribute', name: '_id'} : {type: 'AccessAttribute', name: '_id', base: {type: 'Parent', n: parent.n - 1}}
}

/**
 * Whether an expression reads only the document being filtered (or, inside a `[]` traversal, the item
 * at hand): attributes, elements, slices and filters of it, no `->` (another document's fields), `^`,
 * `*`, parameter or function.
 */
function readsOwnFields(node: unknown): boolean {
  const n = node as Node | undefined
  switch (n?.type) {
    case 'This':
      return true
    case 'AccessAttribute':
      return n.base === undefined || readsOwnFields(n.base)
    case 'ArrayCoerce':
    case 'Group':
    case 'AccessElement':
    case 'Slice':
    case 'Filter':
      return readsOwnFields(n.base)
    case 'Map':
    case 'FlatMap':
      return readsOwnFields(n.base) && readsOwnFields(n.expr)
    default:
      return false
  }
}

/**
 * Whether an expression's values are the filtered document's own `_ref`s: `x._ref`, `xs[]._ref`,
 * `a.b[].c._ref`. Not `parent->parent._ref`: that `_ref` is held by another document.
 */
function yieldsRefs(node: unknown): boolean {
  const n = node as Node | undefined
  if (n?.type === 'AccessAttribute') return n.name === '_ref' && (n.base === undefined || readsOwnFields(n.base))
  if (n?.type === 'Map' || n?.type === 'FlatMap') return readsOwnFields(n.base) && yieldsRefs(n.expr)
  return false
}

/**
 * When a conjunct can only hold for a document that references the `_id` of an enclosing scope
 * (`references(^._id)`, `x._ref == ^._id`, `^._id in xs[]._ref`, or an `||` of such), that `_id` as the
 * filter's base sees it. A document holding `_ref: id` anywhere is in the reference index under id.
 */
function referencedEnclosingId(expr: Node): Node | undefined {
  if (expr.type === 'Group') return referencedEnclosingId(expr.base as Node)
  if (expr.type === 'Or') {
    const [left, right] = [referencedEnclosingId(expr.left as Node), referencedEnclosingId(expr.right as Node)]
    return left && right && JSON.stringify(left) === JSON.stringify(right) ? left : undefined
  }
  if (expr.type === 'OpCall' && expr.op === '==') {
    if (yieldsRefs(expr.left)) return enclosingIdFromBase(expr.right)
    if (yieldsRefs(expr.right)) return enclosingIdFromBase(expr.left)
  }
  // `in` a single `_ref` (not a list of them) matches an element of a `_ref` that is an array, which the
  // reference index (strings only) does not hold.
  const right = expr.right as Node | undefined
  if (expr.type === 'OpCall' && expr.op === 'in' && (right?.type === 'Map' || right?.type === 'FlatMap') && yieldsRefs(right)) return enclosingIdFromBase(expr.left)
  if (expr.type === 'FuncCall' && expr.name === 'references' && expr.namespace === 'global' && (expr.args as Node[]).length === 1) {
    return enclosingIdFromBase((expr.args as Node[])[0])
  }
  return undefined
}

/**
 * The node that replaces `*` as the base of a reverse lookup (the filter, the expression of the
 * referenced `_id` as the filter's base sees it): it reads the candidates while the query runs.
 */
export type ReverseLookup = (filter: ExprNode, referencedId: ExprNode) => ExprNode

// Per frozen node (of a template), its narrowed form where that reads nothing of a request's data: the
// same for every request, so neither walked nor made again.
const staticRewrites = new WeakMap<object, unknown>()

/**
 * A copy of the query tree in which every `*[filter]` whose filter the indexes can answer reads only
 * its candidate documents (`documentsFor` the filter's conjuncts) instead of the whole dataset, and
 * every reverse lookup of an enclosing document (`*[_type == "article" && ^._id in people[]._ref]`)
 * reads only the documents that reference it (`reverseLookup`). The filter itself still runs on them,
 * so the result is the same; nested `*` elsewhere still see everything.
 */
export function narrowTree(tree: ExprNode, lookup: IndexLookup, documentsFor: (conjuncts: Conjunct[]) => unknown[], reverseLookup?: ReverseLookup): ExprNode {
  // How many filters the indexes were asked about: a subtree that asked nothing is the same next time.
  let candidatesRead = 0
  const visit = (value: unknown): unknown => {
    // Only filters over `*` are narrowed: a subtree without one comes back as it is, unwalked.
    if (lacks(value, EVERYTHING)) return value
    const kept = staticRewrites.get(value as object)
    if (kept) return kept
    const before = candidatesRead
    const rewritten = rewrite(value)
    if (candidatesRead === before && Object.isFrozen(value)) staticRewrites.set(value as object, freezeTree(rewritten))
    return rewritten
  }
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return rewriteChildren(value, visit)
    const node = value as Node
    if (node.type === 'Value') return node // constants (parameters) are data, not query structure
    if (node.type === 'Filter' && (node.base as Node).type === 'Everything') {
      const referencedId = reverseLookup && conjuncts(node.expr as Node).map(referencedEnclosingId).find((id) => id !== undefined)
      if (referencedId) return {type: 'Filter', base: reverseLookup(node as ExprNode, referencedId as ExprNode), expr: visit(node.expr)}
      // What the indexes answer (or not) is this request's data, even where they cannot tell.
      candidatesRead++
      const found = filterConjuncts(node.expr as ExprNode, lookup)
      if (found) return {type: 'Filter', base: {type: 'Value', value: documentsFor(found)}, expr: visit(node.expr)}
    }
    return rewriteChildren(node, visit)
  }
  return visit(tree) as ExprNode
}
