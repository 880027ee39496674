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
 * The ids one conjunct of a filter allows, when the indexes can tell: `_type == "x"`, `_type in [...]`,
 * `_id == "x"`, `_id in [...]`, `slug.current == "x"`, `references("x")`. Undefined otherwise.
 */
function candidatesOf(expr: Node, lookup: IndexLookup): ReadonlySet<string> | undefined {
  if (expr.type === 'OpCall' && (expr.op === '==' || expr.op === 'in')) {
    const [field, constant] = constantStrings(expr.right) ? [expr.left, expr.right] : expr.op === '==' ? [expr.right, expr.left] : [undefined, undefined]
    const values = constantStrings(constant)
    if (!values) return undefined
    if (expr.op === '==' && values.length !== 1) return undefined
    if (isAttribute(field, '_type')) return union(values.map((type) => lookup.idsOfType(type)))
    if (isAttribute(field, '_id')) return new Set(values)
    if (isSlugCurrent(field)) return union(values.map((slug) => lookup.idsWithSlug(slug)))
    return undefined
  }
  if (expr.type === 'FuncCall' && expr.name === 'references' && expr.namespace === 'global') {
    const ids = (expr.args as Node[]).map(constantStrings)
    return ids.every(Boolean) ? union(ids.flat().map((id) => lookup.idsReferencing(id!))) : undefined
  }
  return undefined
}

function conjuncts(expr: Node): Node[] {
  return expr.type === 'And' ? [...conjuncts(expr.left as Node), ...conjuncts(expr.right as Node)] : expr.type === 'Group' ? conjuncts(expr.base as Node) : [expr]
}

/** The ids a filter can match, from the conjuncts the indexes answer; undefined when none do. */
export function filterCandidates(expr: ExprNode, lookup: IndexLookup): ReadonlySet<string> | undefined {
  const sets = conjuncts(expr as Node)
    .map((conjunct) => candidatesOf(conjunct, lookup))
    .filter((set): set is ReadonlySet<string> => set !== undefined)
  if (sets.length === 0) return undefined
  // Walk the smallest set and keep what every other set has: a slug narrows a type at once.
  const [smallest, ...others] = sets.toSorted((a, b) => a.size - b.size)
  if (others.length === 0) return smallest
  return new Set([...smallest!].filter((id) => others.every((set) => set.has(id))))
}

/**
 * A copy of the query tree in which every `*[filter]` whose filter the indexes can answer reads only
 * its candidate documents instead of the whole dataset. The filter itself still runs on them, so the
 * result is the same; nested `*` elsewhere still see everything.
 */
export function narrowTree(tree: ExprNode, lookup: IndexLookup, documentsFor: (ids: ReadonlySet<string>) => unknown[]): ExprNode {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit)
    if (!value || typeof value !== 'object') return value
    const node = value as Node
    if (node.type === 'Value') return node // constants (parameters) are data, not query structure
    if (node.type === 'Filter' && (node.base as Node).type === 'Everything') {
      const candidates = filterCandidates(node.expr as ExprNode, lookup)
      if (candidates) return {type: 'Filter', base: {type: 'Value', value: documentsFor(candidates)}, expr: visit(node.expr)}
    }
    return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, visit(child)]))
  }
  return visit(tree) as ExprNode
}
