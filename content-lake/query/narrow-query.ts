import type {ExprNode} from 'groq-js'

/** What the indexes can answer: sets of raw document ids. */
export interface IndexLookup {
  idsOfType(type: string): ReadonlySet<string>
  idsReferencing(id: string): ReadonlySet<string>
  idsWithSlug(slug: string): ReadonlySet<string>
}

type Node = {type: string; [key: string]: unknown}

const isAttribute = (node: unknown, name: string): boolean => {
  const n = node as Node | undefined
  return n?.type === 'AccessAttribute' && n.name === name && n.base === undefined
}

const isSlugCurrent = (node: unknown): boolean => {
  const n = node as Node | undefined
  return n?.type === 'AccessAttribute' && n.name === 'current' && isAttribute(n.base, 'slug')
}

/** The constant strings of a Value node or an Array of Value nodes, or undefined when not constant. */
function constantStrings(node: unknown): string[] | undefined {
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

function union(sets: ReadonlySet<string>[]): ReadonlySet<string> {
  if (sets.length === 1) return sets[0]! // the index's own set: no copy
  const result = new Set<string>()
  for (const set of sets) for (const id of set) result.add(id)
  return result
}

/**
 * What one conjunct of a filter allows, when the indexes can tell: `_type == "x"`, `_type in [...]`,
 * `slug.current == "x"`, `references("x")` give the raw ids of the stored documents that can match
 * (`on: "stored"`); `_id == "x"`, `_id in [...]` give the `_id`s themselves (`on: "_id"`), which in a
 * perspective other than raw are the published ids the documents are shown under. Undefined otherwise.
 */
export interface Conjunct {
  on: 'stored' | '_id'
  ids: ReadonlySet<string>
}

function conjunctOf(expr: Node, lookup: IndexLookup): Conjunct | undefined {
  if (expr.type === 'OpCall' && (expr.op === '==' || expr.op === 'in')) {
    const [field, constant] = constantStrings(expr.right) ? [expr.left, expr.right] : expr.op === '==' ? [expr.right, expr.left] : [undefined, undefined]
    const values = constantStrings(constant)
    if (!values) return undefined
    if (expr.op === '==' && values.length !== 1) return undefined
    if (isAttribute(field, '_type')) return {on: 'stored', ids: union(values.map((type) => lookup.idsOfType(type)))}
    if (isAttribute(field, '_id')) return {on: '_id', ids: new Set(values)}
    if (isSlugCurrent(field)) return {on: 'stored', ids: union(values.map((slug) => lookup.idsWithSlug(slug)))}
    return undefined
  }
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
export function filterCandidates(expr: ExprNode, lookup: IndexLookup): ReadonlySet<string> | undefined {
  const sets = filterConjuncts(expr, lookup)?.map((conjunct) => conjunct.ids)
  if (!sets) return undefined
  // Walk the smallest set and keep what every other set has: a slug narrows a type at once.
  const [smallest, ...others] = sets.toSorted((a, b) => a.size - b.size)
  if (others.length === 0) return smallest
  return new Set([...smallest!].filter((id) => others.every((set) => set.has(id))))
}

/**
 * A copy of the query tree in which every `*[filter]` whose filter the indexes can answer reads only
 * its candidate documents (`documentsFor` the filter's conjuncts) instead of the whole dataset. The
 * filter itself still runs on them, so the result is the same; nested `*` elsewhere still see everything.
 */
export function narrowTree(tree: ExprNode, lookup: IndexLookup, documentsFor: (conjuncts: Conjunct[]) => unknown[]): ExprNode {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit)
    if (!value || typeof value !== 'object') return value
    const node = value as Node
    if (node.type === 'Value') return node // constants (parameters) are data, not query structure
    if (node.type === 'Filter' && (node.base as Node).type === 'Everything') {
      const found = filterConjuncts(node.expr as ExprNode, lookup)
      if (found) return {type: 'Filter', base: {type: 'Value', value: documentsFor(found)}, expr: visit(node.expr)}
    }
    return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, visit(child)]))
  }
  return visit(tree) as ExprNode
}
