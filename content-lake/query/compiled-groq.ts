/**
 * groq-js's synchronous evaluator, compiled: a parsed query becomes one JavaScript closure per node that
 * works on plain JSON values, where groq-js interprets the tree and wraps every intermediate value in an
 * object of its own (a projection of 50,000 documents allocates millions of them). Each closure does
 * what groq-js 2.0.1's executor for that node does (evaluator-*.js in groq-js's dist: EXECUTORS,
 * `operators`, `global::coalesce` ...), value for value and key for key, so answers are unchanged: the
 * differential tests run both over the same trees (test/content-lake/compiled-groq.test.ts).
 *
 * One difference, on purpose: an attribute is looked up with Object.hasOwn, where groq-js calls the
 * object's own `hasOwnProperty`, and so throws for a document with a field of that name. Nothing compiled
 * throws for any value, so `&&` and `||` stop at a decisive left side.
 *
 * Its loops (filters, maps, order() and `in`) ask checkTime() at every item, so a query compiled here
 * stops at the worker's time limit without V8 interrupting it (time-limit.ts).
 *
 * Only the nodes and functions whose groq-js semantics are written out here compile; a tree with any
 * other (`match`, `score()`, `dateTime()`, `path()`, ...) gets undefined and is left to groq-js. Values
 * never include groq-js's DateTime or Path, since only the functions that make them are not compiled.
 */
import type {ExprNode} from 'groq-js'

import {answerJson, FragmentMemo, markIfHolding} from './json-fragments.ts'
import {checkTime} from './time-limit.ts'
import {BEYOND_ITEM, holds, lacks, READS_SCOPE} from './tree-features.ts'

/** A GROQ value as plain JSON: null for GROQ's null (never undefined). */
type Data = unknown

type Dereference = (ref: {_ref: string}) => unknown

/** groq-js's Scope: the value `@` is, the scope `^` names (hidden scopes, those of `[]` maps, are skipped). */
class Scope {
  isHidden = false
  readonly params: Record<string, unknown>
  readonly source: Data
  readonly value: Data
  readonly dereference: Dereference | undefined
  readonly parent: Scope | null
  /** The values of the run's scope-free subtrees, by node: shared by every scope of one run. */
  readonly hoisted: Map<Node, Data>

  constructor(params: Record<string, unknown>, source: Data, value: Data, dereference: Dereference | undefined, parent: Scope | null, hoisted = new Map<Node, Data>()) {
    this.params = params
    this.source = source
    this.value = value
    this.dereference = dereference
    this.parent = parent
    this.hoisted = hoisted
  }

  createNested(value: Data): Scope {
    return new Scope(this.params, this.source, value, this.dereference, this.isHidden ? this.parent : this, this.hoisted)
  }

  createHidden(value: Data): Scope {
    const scope = this.createNested(value)
    scope.isHidden = true
    return scope
  }
}

type Run = (scope: Scope) => Data

/** What a compiled query is run with: the same options groq-js's evaluateSync takes. */
export interface CompiledRunOptions {
  params: Record<string, unknown>
  dataset: readonly unknown[]
  dereference?: Dereference
}

export type CompiledQuery = (options: CompiledRunOptions) => Data

// groq-js's fromJS: undefined (a missing key or element) is null.
const norm = (value: unknown): Data => (value === undefined ? null : value)

/** groq-js's getType, for values without DateTime or Path. */
function typeOf(data: Data): string {
  return data == null ? 'null' : Array.isArray(data) ? 'array' : typeof data
}

const isObject = (data: Data): data is Record<string, unknown> => data !== null && typeof data === 'object' && !Array.isArray(data)

// groq-js's fromNumber: what is not finite is null.
const fromNumber = (value: number): Data => (Number.isFinite(value) ? value : null)

/** groq-js's isEqual: strings, booleans, nulls and numbers of the same type, by value. */
function isEqual(a: Data, b: Data): boolean {
  const type = typeOf(a)
  if (type !== typeOf(b)) return false
  return (type === 'string' || type === 'boolean' || type === 'null' || type === 'number') && a === b
}

/** groq-js's partialCompare: numbers, booleans and strings of the same type; null otherwise. */
function partialCompare(a: Data, b: Data): number | null {
  const type = typeOf(a)
  if (type !== typeOf(b)) return null
  switch (type) {
    case 'number':
    case 'boolean':
      return (a as number) - (b as number)
    case 'string':
      return (a as string) < (b as string) ? -1 : +((a as string) > (b as string))
    default:
      return null
  }
}

const TYPE_ORDER: Record<string, number> = {datetime: 1, number: 2, string: 3, boolean: 4}

/** groq-js's totalCompare, as order() sorts: by type (numbers, strings, booleans, the rest), then by value. */
function totalCompare(a: Data, b: Data): number {
  const orderA = TYPE_ORDER[typeOf(a)] ?? 100
  const orderB = TYPE_ORDER[typeOf(b)] ?? 100
  if (orderA !== orderB) return orderA - orderB
  return partialCompare(a, b) ?? 0
}

/** Two strings, or two numbers, as partialCompare orders them. */
const compareSameType = (a: Data, b: Data): number => ((a as string) < (b as string) ? -1 : +((a as string) > (b as string)))

const comparison = (when: (result: number) => boolean) => (left: Data, right: Data) => {
  const result = partialCompare(left, right)
  return result === null ? null : when(result)
}

const numeric = (impl: (a: number, b: number) => number) => (left: Data, right: Data) =>
  typeof left === 'number' && typeof right === 'number' ? fromNumber(impl(left, right)) : null

const OPERATORS: Record<string, (left: Data, right: Data) => Data> = {
  '==': (left, right) => isEqual(left, right),
  '!=': (left, right) => !isEqual(left, right),
  '>': comparison((result) => result > 0),
  '>=': comparison((result) => result >= 0),
  '<': comparison((result) => result < 0),
  '<=': comparison((result) => result <= 0),
  in: (left, right) => {
    if (!Array.isArray(right)) return null
    for (const item of right) {
      checkTime()
      if (isEqual(left, norm(item))) return true
    }
    return false
  },
  '+': (left, right) => {
    if (typeof left === 'number' && typeof right === 'number') return fromNumber(left + right)
    if (typeof left === 'string' && typeof right === 'string') return left + right
    if (isObject(left) && isObject(right)) return {...left, ...right}
    if (Array.isArray(left) && Array.isArray(right)) return left.concat(right)
    return null
  },
  '-': numeric((a, b) => a - b),
  '*': numeric((a, b) => a * b),
  '/': numeric((a, b) => a / b),
  '%': numeric((a, b) => a % b),
  '**': numeric((a, b) => a ** +b),
}

/** groq-js's countUTF8: UTF-16 code units, a surrogate pair counted once. */
function countUTF8(text: string): number {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (!(code >= 0xd800 && code <= 0xdbff)) count++
  }
  return count
}

/** groq-js's hasReference: a `_ref` in the set anywhere in the value (an object with a truthy `_ref` is looked at no deeper). */
function hasReference(value: Data, ids: Set<unknown>): boolean {
  if (Array.isArray(value)) {
    for (const item of value) if (hasReference(item, ids)) return true
  } else if (isObject(value)) {
    if (value._ref) return ids.has(value._ref)
    for (const item of Object.values(value)) if (hasReference(item, ids)) return true
  }
  return false
}

type FunctionCompiler = (args: Run[]) => Run | undefined

/** A function of a fixed number of arguments, each evaluated first, as groq-js's mappedExecutor does. */
const mapped =
  (arity: number, impl: (...values: Data[]) => Data): FunctionCompiler =>
  (args) => {
    if (args.length !== arity) return undefined
    if (arity === 1) {
      const [arg] = args as [Run]
      return (scope) => impl(arg(scope))
    }
    return (scope) => impl(...args.map((arg) => arg(scope)))
  }

// string() and array::join write numbers, strings and booleans as JavaScript does.
const isWritten = (value: Data) => typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean'

const lower = mapped(1, (value) => (typeof value === 'string' ? value.toLowerCase() : null))
const upper = mapped(1, (value) => (typeof value === 'string' ? value.toUpperCase() : null))

const FUNCTIONS: Record<string, FunctionCompiler> = {
  'global::coalesce': (args) => (scope) => {
    for (const arg of args) {
      const value = arg(scope)
      if (value !== null) return value
    }
    return null
  },
  'global::defined': (args) => {
    if (args.length !== 1) return undefined
    const [arg] = args as [Run]
    return (scope) => arg(scope) !== null
  },
  'global::count': (args) => {
    if (args.length !== 1) return undefined
    const [arg] = args as [Run]
    return (scope) => {
      const value = arg(scope)
      return Array.isArray(value) ? value.length : null
    }
  },
  'global::string': mapped(1, (value) => (isWritten(value) ? `${value as string}` : null)),
  'global::lower': lower,
  'global::upper': upper,
  'string::lower': lower,
  'string::upper': upper,
  'string::split': mapped(2, (text, separator) => {
    if (typeof text !== 'string' || typeof separator !== 'string') return null
    if (text.length === 0) return []
    return separator.length === 0 ? Array.from(text) : text.split(separator)
  }),
  'string::startsWith': mapped(2, (text, prefix) => (typeof text !== 'string' || typeof prefix !== 'string' ? null : text.startsWith(prefix))),
  'array::join': mapped(2, (items, separator) => {
    if (!Array.isArray(items) || typeof separator !== 'string') return null
    let text = ''
    let needSeparator = false
    for (const item of items) {
      if (needSeparator) text += separator
      if (!isWritten(item)) return null
      text += `${item as string}`
      needSeparator = true
    }
    return text
  }),
  'array::compact': mapped(1, (items) => (Array.isArray(items) ? items.filter((item) => item !== null) : null)),
  // references() looks at `@`: its arguments, then the scope's value.
  'global::references': (args) => (scope) => {
    const ids = new Set<unknown>()
    for (const arg of args) {
      const value = arg(scope)
      if (typeof value === 'string') ids.add(value)
      else if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') ids.add(item)
    }
    return ids.size === 0 ? false : hasReference(scope.value, ids)
  },
  'global::length': (args) => {
    if (args.length !== 1) return undefined
    const [arg] = args as [Run]
    return (scope) => {
      const value = arg(scope)
      return typeof value === 'string' ? countUTF8(value) : Array.isArray(value) ? value.length : null
    }
  },
}

// The tree as groq-js parses it, read field by field: each case below reads what its node type has.
type Node = {type: string} & Record<string, unknown>

// The closures of frozen nodes (parsed templates, shared by every request: parsed-queries.ts), null where
// a node does not compile. A closure depends on its node alone, so a request compiles only the nodes made
// for it (values written in, narrowed filters) and reuses the rest.
const compiledNodes = new WeakMap<Node, Run | null>()

/** A node's closure from `kept`, or made by `make` (and kept when the node is frozen). */
function keptOrMade(kept: WeakMap<Node, Run | null>, node: Node, make: (node: Node) => Run | undefined): Run | undefined {
  const found = kept.get(node)
  if (found !== undefined) return found ?? undefined
  const run = make(node)
  if (Object.isFrozen(node)) kept.set(node, run ?? null)
  return run
}

/** Compiles each node, or undefined when one of them is not written out here. */
function compile(node: Node): Run | undefined {
  return keptOrMade(compiledNodes, node, compileHoisted)
}

// The nodes that walk a list: worth evaluating once per run where they read nothing of their scope.
const LIST_WALKS = new Set(['Filter', 'Map', 'FlatMap', 'Projection', 'PipeFuncCall'])

/**
 * The node's closure, evaluated once per run where the node walks a list and reads nothing of the scope
 * it is evaluated in (READS_SCOPE: no `@`, bare attribute, `^` or scope-reading function): a sub-query
 * in a filter or projection, `*[_type == "article" && _id in *[_type == "featured"].refs[]._ref]`, is
 * the same list for every item, where groq-js evaluates it again for each (N·M: 6 s for 25,000 articles
 * against 100 offices). Its value is shared, so nothing compiled here changes a value it is given.
 */
function compileHoisted(node: Node): Run | undefined {
  const run = compileNode(node)
  if (!run || !LIST_WALKS.has(node.type) || holds(node, READS_SCOPE)) return run
  return (scope) => {
    const hoisted = scope.hoisted
    const kept = hoisted.get(node)
    if (kept !== undefined) return kept
    const value = run(scope)
    hoisted.set(node, value)
    return value
  }
}

function compileNode(node: Node): Run | undefined {
  const sub = (child: unknown) => compile(child as Node)
  switch (node.type) {
    case 'This':
      return (scope) => scope.value
    case 'Everything':
      return (scope) => scope.source
    case 'Parameter': {
      const name = node.name as string
      return (scope) => norm(scope.params[name])
    }
    case 'Parent': {
      const n = node.n as number
      return (scope) => {
        let current = scope
        for (let i = 0; i < n; i++) {
          if (!current.parent) return null
          current = current.parent
        }
        return current.value
      }
    }
    case 'Value': {
      const value = norm(node.value)
      return () => value
    }
    case 'Group':
      return sub(node.base)
    case 'AccessAttribute': {
      const base = node.base ? sub(node.base) : (scope: Scope) => scope.value
      const name = node.name as string
      if (!base) return undefined
      // Object.hasOwn where groq-js calls the value's own `hasOwnProperty`, which a document's field of that name replaces (groq-js then throws).
      return (scope) => {
        const value = base(scope)
        return isObject(value) && Object.hasOwn(value, name) ? norm(value[name]) : null
      }
    }
    case 'AccessElement': {
      const base = sub(node.base)
      const index = node.index as number
      if (!base) return undefined
      return (scope) => {
        const value = base(scope)
        if (!Array.isArray(value)) return null
        return norm(value[index < 0 ? index + value.length : index])
      }
    }
    case 'Slice': {
      const base = sub(node.base)
      const {left, right, isInclusive} = node as unknown as {left: number; right: number; isInclusive: boolean}
      if (!base) return undefined
      return (scope) => {
        const value = base(scope)
        if (!Array.isArray(value)) return null
        let leftIdx = left
        let rightIdx = right
        if (leftIdx < 0) leftIdx = value.length + leftIdx
        if (rightIdx < 0) rightIdx = value.length + rightIdx
        if (isInclusive) rightIdx++
        if (leftIdx < 0) leftIdx = 0
        if (rightIdx < 0) rightIdx = 0
        return value.slice(leftIdx, rightIdx)
      }
    }
    case 'Deref': {
      const base = sub(node.base)
      if (!base) return undefined
      return (scope) => {
        const value = base(scope)
        if (!isObject(value)) return null
        const id = value._ref
        if (typeof id !== 'string') return null
        if (scope.dereference) return norm(scope.dereference({_ref: id}))
        const source = scope.source
        if (!Array.isArray(source)) return null
        for (const doc of source) if (doc && typeof doc === 'object' && '_id' in doc && id === doc._id) return doc
        return null
      }
    }
    case 'Projection': {
      const base = sub(node.base)
      const expr = sub(node.expr)
      if (!base || !expr) return undefined
      return (scope) => {
        const value = base(scope)
        return isObject(value) ? expr(scope.createNested(value)) : null
      }
    }
    case 'Filter': {
      const base = sub(node.base)
      const expr = sub(node.expr)
      if (!base || !expr) return undefined
      return (scope) => {
        const value = base(scope)
        if (!Array.isArray(value)) return null
        const result: Data[] = []
        for (const item of value) {
          checkTime()
          if (expr(scope.createNested(norm(item))) === true) result.push(item)
        }
        return result
      }
    }
    case 'Map':
    case 'FlatMap': {
      const base = sub(node.base)
      const expr = sub(node.expr)
      if (!base || !expr) return undefined
      const flat = node.type === 'FlatMap'
      return (scope) => {
        const value = base(scope)
        if (!Array.isArray(value)) return null
        const result: Data[] = []
        for (const item of value) {
          checkTime()
          const inner = expr(scope.createHidden(norm(item)))
          if (flat && Array.isArray(inner)) for (const innerItem of inner) result.push(innerItem)
          else result.push(inner)
        }
        return result
      }
    }
    case 'ArrayCoerce': {
      const base = sub(node.base)
      if (!base) return undefined
      return (scope) => {
        const value = base(scope)
        return Array.isArray(value) ? value : null
      }
    }
    case 'Object':
      return compileObject(node.attributes as Node[])
    case 'Array': {
      const elements = (node.elements as Array<{value: Node; isSplat: boolean}>).map((element) => ({run: sub(element.value), isSplat: element.isSplat}))
      if (elements.some((element) => !element.run)) return undefined
      return (scope) => {
        const result: Data[] = []
        for (const element of elements) {
          const value = element.run!(scope)
          if (element.isSplat) {
            if (Array.isArray(value)) for (const item of value) result.push(item)
          } else result.push(value)
        }
        return result
      }
    }
    case 'And':
    case 'Or': {
      const left = sub(node.left)
      const right = sub(node.right)
      if (!left || !right) return undefined
      // Nothing compiled here has side effects or throws for a value, so deciding on the left alone answers as evaluating both would.
      const decisive = node.type === 'Or'
      return (scope) => {
        const leftValue = left(scope)
        if (leftValue === decisive) return decisive
        const rightValue = right(scope)
        if (rightValue === decisive) return decisive
        return typeof leftValue === 'boolean' && typeof rightValue === 'boolean' ? !decisive : null
      }
    }
    case 'Not': {
      const base = sub(node.base)
      if (!base) return undefined
      return (scope) => {
        const value = base(scope)
        return typeof value === 'boolean' ? !value : null
      }
    }
    case 'Neg':
    case 'Pos': {
      const base = sub(node.base)
      if (!base) return undefined
      const sign = node.type === 'Neg' ? -1 : 1
      return (scope) => {
        const value = base(scope)
        return typeof value === 'number' ? fromNumber(sign === -1 ? -value : value) : null
      }
    }
    case 'OpCall': {
      if (node.op === 'in' && isPathCall(node.right)) return compileInPath(node)
      const operator = OPERATORS[node.op as string]
      const left = sub(node.left)
      const right = sub(node.right)
      if (!operator || !left || !right) return undefined
      return (scope) => operator(left(scope), right(scope))
    }
    case 'InRange': {
      const base = sub(node.base)
      const left = sub(node.left)
      const right = sub(node.right)
      const isInclusive = node.isInclusive as boolean
      if (!base || !left || !right) return undefined
      return (scope) => {
        const value = base(scope)
        const leftCmp = partialCompare(value, left(scope))
        if (leftCmp === null) return null
        const rightCmp = partialCompare(value, right(scope))
        if (rightCmp === null) return null
        return leftCmp >= 0 && (isInclusive ? rightCmp <= 0 : rightCmp < 0)
      }
    }
    case 'Select': {
      const alternatives = (node.alternatives as Array<{condition: Node; value: Node}>).map((alternative) => ({condition: sub(alternative.condition), value: sub(alternative.value)}))
      const fallback = node.fallback ? sub(node.fallback) : () => null
      if (!fallback || alternatives.some((alternative) => !alternative.condition || !alternative.value)) return undefined
      return (scope) => {
        for (const alternative of alternatives) if (alternative.condition!(scope) === true) return alternative.value!(scope)
        return fallback(scope)
      }
    }
    case 'FuncCall': {
      const compiler = FUNCTIONS[`${node.namespace as string}::${node.name as string}`]
      const args = (node.args as Node[]).map(sub)
      if (!compiler || args.some((arg) => !arg)) return undefined
      return compiler(args as Run[])
    }
    case 'PipeFuncCall':
      return node.name === 'order' ? compileOrder(node) : undefined
    default:
      return undefined
  }
}

function compileObject(attributes: Node[], compileValue: (node: Node) => Run | undefined = compile): Run | undefined {
  type Attribute = {kind: 'value'; name: string; value: Run} | {kind: 'splat'; value: Run; condition?: Run}
  const compiled: Attribute[] = []
  for (const attribute of attributes) {
    const value = attribute.type === 'ObjectAttributeValue' ? compileValue(attribute.value as Node) : compile(attribute.value as Node)
    if (!value) return undefined
    if (attribute.type === 'ObjectAttributeValue') compiled.push({kind: 'value', name: attribute.name as string, value})
    else if (attribute.type === 'ObjectSplat') compiled.push({kind: 'splat', value})
    else if (attribute.type === 'ObjectConditionalSplat') {
      const condition = compile(attribute.condition as Node)
      if (!condition) return undefined
      compiled.push({kind: 'splat', value, condition})
    } else return undefined
  }
  return (scope) => {
    // A plain object, assigned key by key, as groq-js builds it (a `__proto__` key included).
    const result: Record<string, unknown> = {}
    for (const attribute of compiled) {
      if (attribute.kind === 'value') {
        result[attribute.name] = attribute.value(scope)
        continue
      }
      if (attribute.condition && attribute.condition(scope) !== true) continue
      const value = attribute.value(scope)
      if (isObject(value)) Object.assign(result, value)
    }
    return compileValue === compile ? result : markIfHolding(result, Object.values(result))
  }
}

/** `path("...")` with one argument: groq-js's Path, which only `in` reads here. */
function isPathCall(node: unknown): boolean {
  const n = node as Node
  return n.type === 'FuncCall' && n.namespace === 'global' && n.name === 'path' && (n.args as unknown[]).length === 1
}

/** groq-js's pathRegExp: `*` one segment (no dot), `**` anything, the rest as it is, the whole string. */
function pathPattern(glob: string): RegExp {
  const parts = glob.split('.').map((part) => (part === '*' ? '[^.]+' : part === '**' ? '.*' : part.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`)))
  return new RegExp(`^${parts.join('.')}$`)
}

/**
 * `x in path("drafts.**")`, the filter the Studio's listeners and lists use: groq-js's `in` with a Path
 * on its right, true or false for a string on the left, null otherwise. Compiled only for a constant
 * glob with at most one `**`: its RegExp then matches in time linear in the string, where several `**`
 * can backtrack for minutes, inside the RegExp engine, where no loop here can check the clock; those
 * are left to groq-js, which runs under V8's interrupt (time-limit.ts).
 */
function compileInPath(node: Node): Run | undefined {
  const left = compile(node.left as Node)
  const glob = ((node.right as Node).args as Node[])[0]!
  if (!left || glob.type !== 'Value' || typeof glob.value !== 'string') return undefined
  if (glob.value.split('.').filter((part) => part === '**').length > 1) return undefined
  const pattern = pathPattern(glob.value)
  return (scope) => {
    const value = left(scope)
    return typeof value === 'string' ? pattern.test(value) : null
  }
}

/** order(): each item's keys in its own scope, a stable sort by totalCompare, `desc` reversed. */
function compileOrder(node: Node): Run | undefined {
  const base = compile(node.base as Node)
  const keys = (node.args as Node[]).map((arg) => {
    const descending = arg.type === 'Desc'
    const expr = arg.type === 'Desc' || arg.type === 'Asc' ? (arg.base as Node) : arg
    return {run: compile(expr), descending}
  })
  if (!base || keys.length === 0 || keys.some((key) => !key.run)) return undefined
  return (scope) => {
    const value = base(scope)
    if (!Array.isArray(value)) return null
    const tuples = value.map((item, index) => {
      checkTime()
      const itemScope = scope.createNested(norm(item))
      return {item, index, keys: keys.map((key) => key.run!(itemScope))}
    })
    // A key whose values are all strings (or all numbers) compares them directly: what totalCompare gives two of them.
    const compares = keys.map((_, i) => {
      const kind = typeof tuples[0]?.keys[i]
      const same = (kind === 'string' || kind === 'number') && tuples.every((tuple) => typeof tuple.keys[i] === kind)
      return same ? compareSameType : totalCompare
    })
    tuples.sort((a, b) => {
      for (let i = 0; i < keys.length; i++) {
        let c = compares[i]!(a.keys[i], b.keys[i])
        if (keys[i]!.descending) c = -c
        if (c !== 0) return c
      }
      return a.index - b.index
    })
    return tuples.map((tuple) => tuple.item)
  }
}

// The closures of frozen nodes in the answer's own position (compileAnswer), as compiledNodes.
const compiledAnswerNodes = new WeakMap<Node, Run | null>()

/**
 * Compiles a node whose value is the answer or part of it as written out (the root, an object's
 * attribute, a projection's or a map's items there), not read by anything else: there a map whose
 * items read nothing but the item (tree-features.ts, BEYOND_ITEM) answers each item that is an object
 * with its JSON text, kept per item (json-fragments.ts). What holds such texts is written by
 * answerJson() alone.
 */
function compileAnswer(node: Node): Run | undefined {
  return keptOrMade(compiledAnswerNodes, node, compileAnswerNode)
}

function compileAnswerNode(node: Node): Run | undefined {
  switch (node.type) {
    case 'Group':
      return compileAnswer(node.base as Node)
    case 'Object':
      return compileObject(node.attributes as Node[], compileAnswer)
    case 'Projection': {
      const base = compile(node.base as Node)
      const expr = compileAnswer(node.expr as Node)
      if (!base || !expr) return undefined
      return (scope) => {
        const value = base(scope)
        return isObject(value) ? expr(scope.createNested(value)) : null
      }
    }
    case 'Map': {
      const exprNode = node.expr as Node
      // Kept texts need an expression that is the same from request to request (frozen) and reads only its item.
      if (!lacks(exprNode, BEYOND_ITEM)) return compile(node)
      const base = compile(node.base as Node)
      const expr = compile(exprNode)
      if (!base || !expr) return undefined
      return (scope) => {
        const value = base(scope)
        if (!Array.isArray(value)) return null
        const memo = new FragmentMemo(exprNode)
        const result: Data[] = []
        for (const item of value) {
          checkTime()
          result.push(item !== null && typeof item === 'object' ? memo.of(item, () => expr(scope.createHidden(item))) : expr(scope.createHidden(norm(item))))
        }
        return markIfHolding(result, result)
      }
    }
    default:
      return compile(node)
  }
}

/**
 * The query compiled to write its answer as JSON (what JSON.stringify would write of the value
 * compileGroq's query answers), or undefined when it uses what is left to groq-js. Lists that project
 * each document by what it alone holds are written from texts kept per document (json-fragments.ts).
 */
export function compileGroqToJson(tree: ExprNode): ((options: CompiledRunOptions) => string) | undefined {
  const run = compileAnswer(tree as unknown as Node)
  if (!run) return undefined
  return ({params, dataset, dereference}) => answerJson(run(new Scope({...params}, dataset, null, dereference, null)))
}

/**
 * The query compiled, or undefined when it uses what is left to groq-js. Run it with what groq-js's
 * evaluateSync would get: it answers what `evaluateSync(tree, options).get()` answers.
 */
export function compileGroq(tree: ExprNode): CompiledQuery | undefined {
  const run = compile(tree as unknown as Node)
  if (!run) return undefined
  return ({params, dataset, dereference}) => run(new Scope({...params}, dataset, null, dereference, null))
}
