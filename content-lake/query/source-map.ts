/**
 * Content source maps (`resultSourceMap`): for each string of a query's result that is a value copied
 * from a document, which document and which path in it. groq-js keeps no provenance, so the query is
 * evaluated a second time over copies of its documents whose strings are replaced by markers (each
 * naming a document and a path), and every result string that is exactly one marker maps to its source.
 *
 * Markers change string contents, so a field whose contents the query looks at (a filter, a comparison,
 * an ordering, a function that reads the text) keeps its real value in the copies and is not mapped; if
 * the query reads the contents of a whole value (`@ == "x"`), nothing is marked. The marked result, its
 * markers put back, must equal the real result, or the map is left empty: a source is never guessed.
 */
import type {ExprNode} from 'groq-js'

import {evaluateTree} from '../../offline/evaluate-groq.ts'
import type {Doc} from '../store/document-store.ts'
import type {PerspectiveView} from './perspectives.ts'
import {interruptible} from './time-limit.ts'

/** What a request asks for: `resultSourceMap=true` (paths with indices) or `withKeyArraySelector` (`[?(@._key=='k')]`). */
export type SourceMapMode = 'true' | 'withKeyArraySelector'

/** The mode of a `resultSourceMap` query-string value, as @sanity/client sends it; undefined for none or `false`. */
export function sourceMapModeOf(value: string | null | undefined): SourceMapMode | undefined {
  return value === 'true' || value === 'withKeyArraySelector' ? value : undefined
}

export interface ContentSourceMap {
  documents: {_id: string; _type: string}[]
  paths: string[]
  mappings: Record<string, {type: 'value'; source: {type: 'documentValue'; document: number; path: number}}>
}

type Segment = string | number | {_key: string; _index: number}
type Node = {type: string; [key: string]: unknown}

// Comparisons look at string contents; arithmetic and concatenation only carry them along.
const COMPARING_OPS = new Set(['==', '!=', '<', '>', '<=', '>=', 'in', 'match'])
// Functions whose result does not depend on the contents of the strings they are given...
const CONTENT_BLIND = new Set(['global::defined', 'global::count'])
// ...and those that only carry them along (their arguments are read only when their result is).
const CARRYING = new Set(['global::coalesce', 'pt::text', 'array::join', 'array::compact', 'global::string'])

/**
 * The attribute names whose values the query reads the contents of (they keep their real strings, at
 * any depth, in the marked copies), or undefined when it reads the contents of something no name covers.
 */
export function namesReadByContent(tree: ExprNode): Set<string> | undefined {
  const names = new Set<string>()
  let unsafe = false
  // `reads`: the value of this node is looked at (compared, ordered, filtered on). `chain`: the node is
  // the base of an attribute access, so only the attribute's value is read, not this node's.
  const visit = (value: unknown, reads: boolean, chain = false): void => {
    if (Array.isArray(value)) return value.forEach((child) => visit(child, reads))
    if (!value || typeof value !== 'object') return
    const node = value as Node
    switch (node.type) {
      case 'Value':
        return // parameters and constants: not document data
      case 'AccessAttribute':
        if (reads) names.add(node.name as string)
        return visit(node.base, reads, true)
      case 'This':
      case 'Parent':
      case 'Everything':
        if (reads && !chain) unsafe = true
        return
      case 'Deref':
        // The referenced document's contents: no attribute name covers them.
        if (reads && !chain) unsafe = true
        return visit(node.base, reads, chain)
      case 'AccessElement':
      case 'Slice':
      case 'ArrayCoerce':
        // Part of the base's value: the name the base ends in covers it.
        return visit(node.base, reads, chain)
      case 'OpCall':
        return [node.left, node.right].forEach((child) => visit(child, reads || COMPARING_OPS.has(node.op as string)))
      case 'Filter':
        // The filter keeps some of its base's elements: they are read as the base would be.
        visit(node.base, reads, chain)
        return visit(node.expr, true)
      case 'PipeFuncCall':
        // order() and score() keep their base's elements too; their arguments are compared.
        visit(node.base, reads, chain)
        return visit(node.args, true)
      case 'Projection':
      case 'Map':
      case 'FlatMap':
        // The base is only the scope the expression reads (through `@` and attributes).
        visit(node.base, reads, true)
        return visit(node.expr, reads)
      case 'FuncCall': {
        const name = `${node.namespace}::${node.name}`
        return visit(node.args, CONTENT_BLIND.has(name) ? false : CARRYING.has(name) ? reads : true)
      }
      case 'Select':
        for (const alternative of node.alternatives as Node[]) {
          visit(alternative.condition, true)
          visit(alternative.value, reads)
        }
        return visit(node.fallback, reads)
      case 'ObjectConditionalSplat':
        visit(node.condition, true)
        return visit(node.value, reads)
      case 'And':
      case 'Or':
      case 'Not':
      case 'InRange':
      case 'Asc':
      case 'Desc':
        return Object.entries(node).forEach(([key, child]) => key !== 'type' && visit(child, true))
      default:
        return Object.entries(node).forEach(([key, child]) => key !== 'type' && visit(child, reads))
    }
  }
  visit(tree, false)
  // A projection's key read later (`{"t": name}[t == "x"]`) reads the value it was given: until no new name.
  let size = -1
  while (size !== names.size) {
    size = names.size
    const aliases = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(aliases)
      if (!value || typeof value !== 'object' || (value as Node).type === 'Value') return
      const node = value as Node
      if (node.type === 'ObjectAttributeValue' && names.has(node.name as string)) visit(node.value, true)
      Object.values(node).forEach(aliases)
    }
    aliases(tree)
  }
  return unsafe ? undefined : names
}

interface Source {
  doc: Doc
  path: Segment[]
  value: string
}

/** Marked copies of a view's documents for one evaluation, and what each marker stands for. */
class Markers {
  // A private-use character and a secret of this evaluation: no stored string can pass for a marker.
  private readonly prefix = `\uE000${crypto.randomUUID().slice(0, 8)}:`
  readonly pattern = new RegExp(`${this.prefix}(\\d+)\uE001`, 'g')
  private readonly exact = new RegExp(`^${this.prefix}(\\d+)\uE001$`)
  readonly sources: Source[] = []
  private readonly copies = new WeakMap<Doc, Doc>()
  private readonly keep: Set<string>
  private readonly view: PerspectiveView

  constructor(view: PerspectiveView, keep: Set<string>) {
    this.view = view
    this.keep = keep
  }

  /** Whether a value is one of the view's documents (candidate lists in the tree hold them). */
  isViewDocument(value: unknown): value is Doc {
    const doc = value as Doc | null
    return !!doc && typeof doc === 'object' && !Array.isArray(doc) && typeof doc._id === 'string' && this.view.get(doc._id) === doc
  }

  /**
   * The marked copy of a document: a view of it whose strings are markers, made as groq-js reads them,
   * so a query pays for the fields it reads, not for whole documents.
   */
  document(doc: Doc): Doc {
    let copy = this.copies.get(doc)
    if (!copy) this.copies.set(doc, (copy = this.wrap(doc, doc, []) as Doc))
    return copy
  }

  private mark(doc: Doc, value: unknown, path: Segment[]): unknown {
    if (typeof value === 'string') {
      this.sources.push({doc, path, value})
      return `${this.prefix}${this.sources.length - 1}\uE001`
    }
    return value && typeof value === 'object' ? this.wrap(doc, value, path) : value
  }

  private wrap(doc: Doc, value: object, path: Segment[]): object {
    const marked = new Map<string, unknown>()
    const isArray = Array.isArray(value)
    // Over a shallow copy: a proxy may answer other values than its target's only for properties the
    // target could change, and stored values may one day be frozen.
    return new Proxy(isArray ? [...value] : {...value}, {
      get: (target, property, receiver) => {
        if (typeof property !== 'string' || !Object.hasOwn(target, property) || (isArray && !/^\d+$/.test(property))) return Reflect.get(target, property, receiver)
        if (marked.has(property)) return marked.get(property)
        const child: unknown = (target as Record<string, unknown>)[property]
        let copy: unknown
        if (isArray) {
          const key = (child as {_key?: unknown} | null)?._key
          copy = this.mark(doc, child, [...path, typeof key === 'string' && typeof child === 'object' ? {_key: key, _index: Number(property)} : Number(property)])
        } else {
          // System fields (`_id`, `_type`, `_ref`, `_key`...) and fields the query reads keep their values.
          copy = property.startsWith('_') || this.keep.has(property) ? child : this.mark(doc, child, [...path, property])
        }
        marked.set(property, copy)
        return copy
      },
    })
  }

  /** The source of a string that is exactly one marker. */
  sourceOf(value: string): Source | undefined {
    const match = this.exact.exec(value)
    return match ? this.sources[Number(match[1])] : undefined
  }

  /** Whether a marked result, its markers replaced by the strings they stand for, equals a result. */
  restoresTo(marked: unknown, real: unknown): boolean {
    if (typeof marked === 'string') return marked.includes(this.prefix) ? marked.replace(this.pattern, (_, n: string) => this.sources[Number(n)]!.value) === real : marked === real
    if (marked === real) return true
    if (typeof marked !== 'object' || typeof real !== 'object' || marked === null || real === null || Array.isArray(marked) !== Array.isArray(real)) return false
    const keys = Object.keys(marked)
    if (keys.length !== Object.keys(real).length) return false
    return keys.every((key) => Object.hasOwn(real, key) && this.restoresTo((marked as Record<string, unknown>)[key], (real as Record<string, unknown>)[key]))
  }

  /** A copy of the (narrowed) query tree whose candidate lists hold marked documents. */
  tree(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((child) => this.tree(child))
    if (!value || typeof value !== 'object') return value
    const node = value as Node
    if (node.type === 'Value') {
      if (Array.isArray(node.value) && node.value.some((item) => this.isViewDocument(item))) {
        return {...node, value: node.value.map((item) => (this.isViewDocument(item) ? this.document(item) : item))}
      }
      return this.isViewDocument(node.value) ? {...node, value: this.document(node.value)} : node
    }
    return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, this.tree(child)]))
  }

  /** The view's documents, marked as groq-js reads them (only a query that scans `*` pays for the copies). */
  dataset(): Doc[] {
    const documents = this.view.documents
    return new Proxy(documents as Doc[], {
      get: (target, property, receiver) => {
        if (typeof property === 'string' && /^\d+$/.test(property)) {
          const doc = target[Number(property)]
          return doc && this.document(doc)
        }
        if (property === Symbol.iterator) return function* (this: Doc[]) {
          for (let index = 0; index < this.length; index++) yield this[index]
        }
        return Reflect.get(target, property, receiver)
      },
    })
  }
}

const ESCAPES: Record<string, string> = {'\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', "'": "\\'", '\\': '\\\\'}

/** A path as @sanity/client's jsonPath writes it: `$['body'][0]['children'][?(@._key=='k')]['text']`. */
function jsonPath(path: Segment[], keyed: boolean): string {
  return `$${path
    .map((segment) => {
      if (typeof segment === 'string') return `['${segment.replace(/[\f\n\r\t'\\]/g, (c) => ESCAPES[c]!)}']`
      if (typeof segment === 'number') return `[${segment}]`
      return keyed ? `[?(@._key=='${segment._key.replace(/['\\]/g, (c) => ESCAPES[c]!)}')]` : `[${segment._index}]`
    })
    .join('')}`
}

export interface SourceMapInput {
  /** The query as parsed, before the lake's rewrites (they drop orderings and filters already applied). */
  parsed: ExprNode
  /** The tree that was evaluated: its candidate lists are the view's documents. */
  evaluated: ExprNode
  params: Record<string, unknown>
  view: PerspectiveView
  dereference: (id: string) => Doc | readonly Doc[] | null | undefined
  /** The result of the ordinary evaluation. */
  result: unknown
  mode: SourceMapMode
}

const EMPTY = (): ContentSourceMap => ({documents: [], paths: [], mappings: {}})

/** The content source map of a result (see the top of this file); empty when no source can be told for certain. */
export async function contentSourceMap({parsed, evaluated, params, view, dereference, result, mode}: SourceMapInput): Promise<ContentSourceMap> {
  const keep = namesReadByContent(parsed)
  if (!keep) return EMPTY()
  const markers = new Markers(view, keep)
  let marked: unknown
  try {
    marked = await interruptible(() =>
      evaluateTree(markers.tree(evaluated) as ExprNode, params, markers.dataset(), {
        dereference: (id) => {
          const found = dereference(id)
          return Array.isArray(found) ? found.map((doc: Doc) => markers.document(doc)) : found ? markers.document(found as Doc) : found
        },
      }),
    )
  } catch {
    return EMPTY() // the real evaluation succeeded: a failure here only costs the map
  }
  if (!markers.restoresTo(marked, result)) return EMPTY()

  const map = EMPTY()
  const documentIndex = new Map<string, number>()
  const pathIndex = new Map<string, number>()
  const indexOf = <T>(index: Map<string, number>, list: T[], key: string, item: T) => {
    let at = index.get(key)
    if (at === undefined) index.set(key, (at = list.push(item) - 1))
    return at
  }
  // The result path grows as a string: a large result has a path per string.
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      const source = markers.sourceOf(value)
      if (!source) return
      const id = view.sourceId(source.doc)
      const document = indexOf(documentIndex, map.documents, id, {_id: id, _type: source.doc._type})
      const sourcePath = jsonPath(source.path, mode === 'withKeyArraySelector')
      map.mappings[path] = {type: 'value', source: {type: 'documentValue', document, path: indexOf(pathIndex, map.paths, sourcePath, sourcePath)}}
    } else if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}[${index}]`))
    else if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) walk(child, path + jsonPath([key], false).slice(1))
  }
  walk(marked, '$')
  return map
}
