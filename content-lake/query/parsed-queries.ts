import type {ExprNode} from 'groq-js'

import {LakeError} from '../errors.ts'
import {assertNesting, LIMITS} from '../limits.ts'
import {ANY_DOCUMENT_TAG, readsAnyDocument, syncTagsOf} from '../live/sync-tags.ts'
import {constantKeysOfConjunct} from './narrow-query.ts'
import {parseQuery} from './query-checks.ts'
import {jsonFaithful} from './json-faithful.ts'
import {freezeTree} from './tree-rewrite.ts'

type Node = {type: string; [key: string]: unknown}

export interface ParsedQuery {
  tree: ExprNode
  syncTags: string[]
}

/**
 * A query parsed once for every request that gives it other values: groq-js writes each parameter's value
 * into the tree as a Value node, and otherwise builds the same tree whatever the values, but in two places.
 * A bracket whose expression is constant (`[$i]`, `[$a + 1]`) becomes an element access, an attribute access
 * or a filter by the value's type; a slice's bounds must be numbers at parse time. So the template is parsed
 * with the numbers the query reads written in (they are part of its key), the other parameters left as
 * Parameter nodes. Queries with a constant bracket reading one of those, and queries with custom functions
 * (inlined as they are parsed, their own `$` parameters read before the request's), are parsed per request.
 */
interface Template {
  tree: ExprNode
  /** The parameters the tree reads as Parameter nodes. */
  names: string[]
  /** The nodes with a Parameter node below them that is written in: only these are copied for a request. */
  withParameters: WeakSet<object>
  /** Whether it reads any document whatever the values (sync-tags.ts). */
  readsAnyDocument: boolean
}

/**
 * Where the lake's rewrites read values as constants: the conjuncts of a filter over `*` that the indexes
 * answer (narrowing, top-k, sync tags: `slug.current == $slug`, `_type in $types`, `publishedAt < $before`,
 * `references($id)`; see constantKeysOfConjunct), the arguments of pipe functions (order() keys name
 * top-k's sorted lists, score() patterns), of text::query() (text search) and of path() (compiled only
 * for a constant glob). A parameter there is written in as a Value node, as groq-js writes it. Elsewhere
 * (a projection's `[language == $language]`, a reverse lookup's `language == $language`) it stays a
 * Parameter node, which both evaluators read from the request's parameters, so the nodes above it stay
 * the template's own, frozen and shared: the rewrites pass over them and their compiled closures are
 * reused (tree-features.ts, compiled-groq.ts).
 */
type Reading = 'value' | 'constant' | 'conjunct'

/** How the child at `key` is read, where its node is read as `reading`. */
function readingOf(node: Node, key: string, reading: Reading): Reading {
  if (reading === 'constant') return 'constant'
  if (reading === 'conjunct') {
    const found = constantKeysOfConjunct(node).find(([name]) => name === key)
    if (found) return found[1]
  }
  if (node.type === 'Filter' && key === 'expr' && (node.base as Node | undefined)?.type === 'Everything') return 'conjunct'
  if (node.type === 'PipeFuncCall' && key === 'args') return 'constant'
  // path()'s glob: the compiled evaluator compiles only a constant one (compiled-groq.ts compileInPath).
  if (node.type === 'FuncCall' && key === 'args' && ((node.namespace === 'text' && node.name === 'query') || (node.namespace === 'global' && node.name === 'path'))) return 'constant'
  return 'value'
}

/** How many parsed queries (templates and trees parsed per request) a ParsedQueries keeps. */
const KEPT = 256

/**
 * The parsed trees and sync tags of the queries asked most recently: a site asks the same few queries
 * again and again with other values (a page's slug), and parsing a page's query (2 KB of GROQ) costs
 * more than answering it from the indexes. Kept trees are frozen: every rewrite makes new nodes.
 */
export class ParsedQueries {
  /** `$name`s each query's text reads (a string literal's `$` included, which only lengthens a key). */
  private readonly namesRead = new Map<string, string[]>()
  /** By query, for requests that give none of the parameters it reads a number: the template, or null where each request is parsed. */
  private readonly templates = new Map<string, Template | null>()
  /** By query and the numbers it reads (as JSON): the same. */
  private readonly numberedTemplates = new Map<string, Template | null>()
  /** By query and every parameter: the trees of queries without a template. */
  private readonly trees = new Map<string, ParsedQuery>()

  /**
   * The query's tree with the parameters' values in place where the rewrites read them (the rest read
   * from `params` as it is evaluated), with its sync tags: with every Parameter node made a Value node of
   * its value, the tree parseQuery gives.
   */
  parsed(query: string, params: Record<string, unknown>): ParsedQuery {
    const template = query.length <= LIMITS.queryLength ? this.templateFor(query, params) : null
    if (template && template.names.every((name) => Object.hasOwn(params, name))) {
      for (const [name, value] of Object.entries(params)) assertNesting(value, `Parameter $${name}`)
      const tree = withValues(template.tree, params, template.withParameters) as ExprNode
      // Most page queries follow a reference somewhere: their tags need no walk of each request's tree.
      return {tree, syncTags: template.readsAnyDocument ? [ANY_DOCUMENT_TAG] : syncTagsOf(tree)}
    }
    return this.perRequest(query, params)
  }

  private templateFor(query: string, params: Record<string, unknown>): Template | null {
    // groq-js asks the parameters `hasOwnProperty(name)`: parameters without Object's own (one of that name,
    // or no prototype) are parsed per request, where groq-js refuses them as it does.
    if (params.hasOwnProperty !== Object.prototype.hasOwnProperty) return null
    let names = this.namesRead.get(query)
    if (!names) {
      names = [...new Set(Array.from(query.matchAll(/\$([A-Za-z_]\w*)/g), (match) => match[1]!))]
      keep(this.namesRead, query, names)
    }
    const numbered = names.filter((name) => Object.hasOwn(params, name) && typeof params[name] === 'number')
    const numbers = Object.fromEntries(numbered.map((name) => [name, params[name]]))
    // NaN and the infinities write as null in a key: such numbers are parsed per request.
    if (!Object.values(numbers).every(Number.isFinite)) return null
    // A query that reads no numbers is its own key (a page's query is long: no JSON text made per request).
    const [kept, key] = numbered.length === 0 ? [this.templates, query] : [this.numberedTemplates, JSON.stringify([query, numbers])]
    let template = kept.get(key)
    if (template === undefined) {
      template = templateOf(query, numbers)
      keep(kept, key, template)
    } else refresh(kept, key, template)
    return template
  }

  private perRequest(query: string, params: Record<string, unknown>): ParsedQuery {
    const key = JSON.stringify([query, params])
    const kept = this.trees.get(key)
    if (kept) {
      refresh(this.trees, key, kept)
      return kept
    }
    const tree = parseQuery(query, params)
    const parsed = {tree: freezeTree(tree), syncTags: syncTagsOf(tree)}
    // Kept only when the key tells the parameters apart (values over HTTP always do: they came as JSON).
    if (jsonFaithful(params)) keep(this.trees, key, parsed)
    return parsed
  }
}

/** The template of a query with these numbers, or null when it parses (or checks) only per request. */
function templateOf(query: string, numbers: Record<string, unknown>): Template | null {
  // Custom functions are inlined as they are parsed, their `$` parameters read before the request's.
  if (/\bfn\b/.test(query)) return null
  let tree: ExprNode
  try {
    // The lake's own checks, but for parameters the request gives and the template leaves open.
    tree = parseQuery(query, numbers, {allowMissing: true})
  } catch (error) {
    // Too deep or too slow to parse whatever the values: not parsed a second time per request.
    if (error instanceof LakeError && error.type === 'queryTooComplex') throw error
    return null
  }
  const names = new Set<string>()
  const withParameters = new WeakSet<object>()
  // Marks the nodes with a Parameter node below them that is written in, where a rewrite reads it as a
  // constant (the depth is bounded: parseQuery checked it).
  const mark = (value: unknown, reading: Reading): boolean | null => {
    if (!value || typeof value !== 'object') return false
    const node = value as Node
    if (node.type === 'Value') return false
    if (node.type === 'Filter' && constantBracket(node.expr as Node) && containsParameter(node.expr as Node)) return null
    let found = false
    if (node.type === 'Parameter') {
      names.add(String(node.name))
      found = reading === 'constant'
    } else if (Array.isArray(value)) {
      for (const child of value) {
        const below = mark(child, reading === 'constant' ? 'constant' : 'value')
        if (below === null) return null
        found ||= below
      }
    } else {
      for (const key of Object.keys(node)) {
        const below = mark(node[key], readingOf(node, key, reading))
        if (below === null) return null
        found ||= below
      }
    }
    if (found) withParameters.add(value)
    return found
  }
  if (mark(tree, 'value') === null) return null
  return {tree: freezeTree(tree), names: [...names], withParameters, readsAnyDocument: readsAnyDocument(tree)}
}

/** What groq-js's parser folds in a bracket: a value, a parameter, a group, a sign or arithmetic of these (its canConstantEvaluate). */
function constantBracket(node: Node): boolean {
  switch (node.type) {
    case 'Value':
    case 'Parameter':
      return true
    case 'Group':
    case 'Pos':
    case 'Neg':
      return constantBracket(node.base as Node)
    case 'OpCall':
      return ['+', '-', '*', '/', '%', '**'].includes(node.op as string) && constantBracket(node.left as Node) && constantBracket(node.right as Node)
    default:
      return false
  }
}

function containsParameter(node: Node): boolean {
  if (node.type === 'Parameter') return true
  return ['base', 'left', 'right'].some((key) => node[key] && containsParameter(node[key] as Node))
}

/** The template with each Parameter node to be written in a Value node of the request's value (as groq-js writes it), copying only the nodes above one. */
function withValues(node: unknown, params: Record<string, unknown>, withParameters: WeakSet<object>): unknown {
  if (!node || typeof node !== 'object' || !withParameters.has(node)) return node
  if (Array.isArray(node)) return node.map((child) => withValues(child, params, withParameters))
  const n = node as Node
  if (n.type === 'Parameter') return {type: 'Value', value: params[n.name as string]}
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(n)) copy[key] = withValues(n[key], params, withParameters)
  return copy
}

/** Least recently used first: a hit moves to the end, and past KEPT the first goes. */
function refresh<V>(kept: Map<string, V>, key: string, value: V) {
  kept.delete(key)
  kept.set(key, value)
}
function keep<V>(kept: Map<string, V>, key: string, value: V) {
  kept.set(key, value)
  if (kept.size > KEPT) kept.delete(kept.keys().next().value!)
}
