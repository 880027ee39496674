import {evaluateSync, toJS, type ExprNode} from 'groq-js'

import type {Doc} from '../store/document-store.ts'

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

  const sorted = (type: string, keys: unknown[]): readonly Doc[] => {
    const key = `${type}\u0000${JSON.stringify(keys)}`
    let list = context.cache.get(key)
    if (!list) {
      const order = {type: 'PipeFuncCall', name: 'order', base: {type: 'Value', value: context.documentsOfType(type)}, args: keys}
      list = toJS(evaluateSync(order as ExprNode, options)) as Doc[]
      context.cache.set(key, list)
    }
    return list
  }

  const firstMatches = (list: readonly Doc[], filter: ExprNode, count: number): Doc[] => {
    // Documents the indexes rule out are skipped before groq-js sees them; the rest keep their order.
    const allowed = context.allowedBy?.(filter)
    const matches: Doc[] = []
    let position = 0
    for (let chunk = Math.max(32, count * 2); position < list.length && matches.length < count; chunk *= 2) {
      const part: Doc[] = []
      while (position < list.length && part.length < chunk) {
        const doc = list[position++]!
        if (!allowed || allowed(doc)) part.push(doc)
      }
      const filtered = {type: 'Filter', base: {type: 'Value', value: part}, expr: filter}
      matches.push(...(toJS(evaluateSync(filtered as ExprNode, options)) as Doc[]))
    }
    return matches.slice(0, count)
  }

  /** The first documents of `*[filter] | order(keys)`, when that is the shape of `base`. */
  const topOf = (base: Node, count: number): Doc[] | undefined => {
    const filter = base.type === 'PipeFuncCall' && base.name === 'order' ? (base.base as Node) : undefined
    if (filter?.type !== 'Filter' || (filter.base as Node).type !== 'Everything' || contains(filter.expr, 'Parent') || contains(base.args, 'Parent')) return undefined
    const type = requiredType(filter.expr as Node)
    return type === undefined ? undefined : firstMatches(sorted(type, base.args as unknown[]), filter.expr as ExprNode, count)
  }

  // Without `^`, the filter and keys mean the same wherever the expression sits, so nested ones qualify too.
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit)
    if (!value || typeof value !== 'object') return value
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
    return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, visit(child)]))
  }
  return visit(tree) as ExprNode
}
