import {parse, type ExprNode} from 'groq-js'

import {LakeError} from '../errors.ts'
import {assertNesting, LIMITS} from '../limits.ts'
import {withTimeLimit} from './time-limit.ts'

type Node = {type: string; [key: string]: unknown}

/** How deeply the nodes of a parsed query nest, walked with a stack, stopping past `limit`. */
function treeDepth(tree: unknown, limit: number): number {
  let deepest = 0
  const stack: [unknown, number][] = [[tree, 0]]
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!
    if (!value || typeof value !== 'object') continue
    if ((value as Node).type === 'Value') continue // parameters are data, measured on their own
    const level = Array.isArray(value) ? depth : depth + 1
    deepest = Math.max(deepest, level)
    if (deepest > limit) return deepest
    for (const child of Array.isArray(value) ? value : Object.values(value)) if (child && typeof child === 'object') stack.push([child, level])
  }
  return deepest
}

/** Every node of a parsed query, walked with a stack; Value nodes (parameters' values, constants) are data, not looked into. */
function* nodesOf(tree: unknown): Generator<Node> {
  const stack: unknown[] = [tree]
  while (stack.length > 0) {
    const value = stack.pop()
    if (!value || typeof value !== 'object') continue
    const node = value as Node
    if (node.type === 'Value') continue
    if (!Array.isArray(value)) yield node
    for (const child of Array.isArray(value) ? value : Object.values(value)) if (child && typeof child === 'object') stack.push(child)
  }
}

/** `$name`s the query reads that no parameter gives (a custom function's own parameters excepted). */
function missingParameters(tree: unknown): string[] {
  const used = new Set<string>()
  const declared = new Set<string>()
  for (const node of nodesOf(tree)) {
    if (node.type === 'Parameter') used.add(String(node.name))
    if (node.type === 'FuncDeclaration') for (const param of (node.params as Node[] | undefined) ?? []) declared.add(String(param.name))
  }
  return [...used].filter((name) => !declared.has(name))
}

/**
 * Whether a `score()` pipe scores what is not a list of documents: a projection (`*{title} | score(...)`)
 * or a single element (`*[0] | score(...)`). The GROQ test suite's "score() function / Illegal use" cases,
 * which groq-js evaluates (its own runner skips them: "we're missing validation here").
 */
function scoresNoDocuments(tree: unknown): boolean {
  for (const node of nodesOf(tree)) {
    if (node.type !== 'PipeFuncCall' || node.name !== 'score') continue
    let base = node.base as Node
    while (base.type === 'Group') base = base.base as Node
    if (base.type === 'AccessElement' || base.type === 'Projection' || (base.type === 'Map' && (base.expr as Node).type === 'Projection')) return true
  }
  return false
}

// Queries this long parse under LONG_PARSE_LIMIT_MS (Node's watchdog costs 0.1 to 0.4 ms a call, so
// shorter ones, which parse in milliseconds, go without): far more than an 80 KB list of ids takes (20 ms).
const LONG_QUERY = 4_000
const LONG_PARSE_LIMIT_MS = 1_000

/**
 * groq-js's parse, but for a query whose last line is a comment (`*[_type == "a"] // the a's`): GROQ
 * reads a comment to the end of its line or of the query, groq-js only to a line's end, and refuses the
 * query ("Expected expression"). Such a query is parsed again with the line ended; any other error, and
 * the error of a query that fails either way, is groq-js's own, at the position groq-js gives.
 */
function parseEndingInComment(query: string, params: Record<string, unknown>): ExprNode {
  try {
    return parse(query, {params})
  } catch (error) {
    if (!query.includes('//') || query.endsWith('\n')) throw error
    try {
      return parse(`${query}\n`, {params})
    } catch {
      throw error
    }
  }
}

/**
 * Parses a query as the lake answers it, with the hosted lake's refusals: a syntax error, a parameter
 * the query reads but the request does not give (groq-js would read it as null, or as an inherited
 * property such as `$constructor`), and queries or parameters past the limits. Returns the tree.
 * With `allowMissing` (a template, see parsed-queries.ts), parameters not given stay Parameter nodes.
 * `parseLimitMs`: how long a long query may take to parse (the main thread, parsing a listener's, gives less).
 */
export function parseQuery(query: string, params: Record<string, unknown>, {allowMissing = false, parseLimitMs = LONG_PARSE_LIMIT_MS} = {}): ExprNode {
  if (query.length > LIMITS.queryLength) throw new LakeError(413, 'queryTooLong', `Queries are limited to ${LIMITS.queryLength} characters`)
  for (const [name, value] of Object.entries(params)) assertNesting(value, `Parameter $${name}`)
  let tree: ExprNode
  try {
    // groq-js parses a long chain (`1 + 1 + ...`, `a.b.c...`, `x == 1 && ...`) in time growing with its
    // square, then overflows the stack: 48 KB took 3 s. A long query parses under a limit of its own.
    tree = query.length < LONG_QUERY ? parseEndingInComment(query, params) : withTimeLimit(parseLimitMs, () => parseEndingInComment(query, params), 'Parsing the query')
  } catch (error) {
    if (error instanceof RangeError) throw new LakeError(400, 'queryTooComplex', `The query nests too deeply to parse: at most ${LIMITS.queryDepth} levels`)
    if (error instanceof LakeError) throw new LakeError(400, 'queryTooComplex', `The query took more than ${parseLimitMs} ms to parse: it chains too many operators or accesses in one expression (at most ${LIMITS.queryDepth} levels); simplify it`)
    throw new LakeError(400, 'queryParseError', (error as Error).message)
  }
  if (treeDepth(tree, LIMITS.queryDepth) > LIMITS.queryDepth) {
    throw new LakeError(400, 'queryTooComplex', `The query nests more than ${LIMITS.queryDepth} levels deep: simplify it`)
  }
  if (scoresNoDocuments(tree)) {
    throw new LakeError(400, 'queryParseError', 'score() scores a list of documents (*, a filter, a slice or order() of them), not a projection or a single element: score first, then project')
  }
  const missing = allowMissing ? [] : missingParameters(tree)
  if (missing.length > 0) throw new LakeError(400, 'queryParseError', `param $${missing[0]} referenced, but not provided`)
  return tree
}
