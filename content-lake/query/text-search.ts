import {parse, type ExprNode} from 'groq-js'

import {lacks, TEXT_QUERY} from './tree-features.ts'
import {rewriteChildren} from './tree-rewrite.ts'

type Node = {type: string; [key: string]: unknown}
type Doc = {_id: string; [key: string]: unknown}

// Portable Text's own markers are not text: a block's style and list kind, a span's marks.
const NOT_TEXT: Record<string, string[]> = {block: ['style', 'listItem', 'level', 'markDefs'], span: ['marks']}
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/
const MAX_DEPTH = 10

/**
 * The GROQ expression of every string in documents like these: `[_id, name, abbreviation,
 * ...formerNames[].abbreviation, ...body[].children[].text, ...]`. Paths come from the documents
 * themselves (every string under a field, arrays flattened), leaving out system fields (`_type`,
 * `_key`, `_ref`, ...) and Portable Text's markers. A field that is an array of strings in one
 * document and a string in another is listed both ways.
 */
export function allTextExpression(documents: Iterable<Doc>): ExprNode {
  const plain = new Set<string>()
  const spread = new Set<string>()
  const walk = (value: unknown, path: string, inArray: boolean, depth: number) => {
    if (typeof value === 'string') {
      if (path) (inArray ? spread : plain).add(path)
      return
    }
    if (depth > MAX_DEPTH || !value || typeof value !== 'object') return
    if (Array.isArray(value)) {
      for (const item of value) walk(item, `${path}[]`, true, depth + 1)
      return
    }
    const skip = NOT_TEXT[String((value as {_type?: unknown})._type)] ?? []
    for (const [key, child] of Object.entries(value)) {
      if (!IDENTIFIER.test(key) || skip.includes(key)) continue
      walk(child, path ? `${path}.${key}` : key, inArray, depth + 1)
    }
  }
  for (const doc of documents) walk(doc, '', false, 0)
  // `a[].b` and `a[]` are arrays: spread into the list, so `match` sees their strings.
  const elements = ['_id', ...[...plain].toSorted(), ...[...spread].toSorted().map((path) => `...${path.replace(/\[\]$/, '')}`)]
  return parse(`[${elements.join(', ')}]`)
}

const isTextQuery = (node: unknown): node is Node =>
  (node as Node | undefined)?.type === 'FuncCall' && (node as Node).namespace === 'text' && (node as Node).name === 'query'

/** `@`, or an array holding `@` (the Studio's `[@, _id]`): the whole document. */
const isWholeDocument = (node: Node) => node.type === 'This' || (node.type === 'Array' && (node.elements as {value: Node}[]).some((element) => element.value?.type === 'This'))

/** The words of a `text::query()` string as a `match` pattern; the Content Lake's operators (quotes, minus) are dropped rather than misread. */
function wordsOf(argument: Node | undefined): string {
  const text = argument?.type === 'Value' && typeof argument.value === 'string' ? argument.value.trim() : ''
  return text
    .replace(/["()]/g, ' ')
    .split(/\s+/)
    .filter((word) => word && word !== '*' && !word.startsWith('-'))
    .join(' ')
}

/**
 * groq-js has no search engine: `text::query()` throws "not implemented". The Studio searches with
 * `score(boost(_type in [...] && title match text::query($q), 10), ..., [@, _id] match text::query($q))`:
 * each such match becomes a GROQ `match` of the same words, over the field it names, or, for the whole
 * document (`@`, `[@, _id]`), over every string in it (`allText`), as the Content Lake searches every
 * string field. The boosts the Studio derives from the schema's title, preview and search weights
 * then rank as on the hosted lake. An empty search matches everything. Elsewhere `text::query()` is
 * left to groq-js, which answers "not implemented" (a 400).
 */
export function adaptTextQuery(tree: ExprNode, allText: () => ExprNode): ExprNode {
  const visit = (value: unknown): unknown => {
    // A subtree without `text::query()` comes back as it is, unwalked.
    if (lacks(value, TEXT_QUERY)) return value
    if (Array.isArray(value)) return rewriteChildren(value, visit)
    const node = value as Node
    if (node.type === 'Value') return node
    if (node.type === 'OpCall' && node.op === 'match' && isTextQuery(node.right)) {
      const words = wordsOf(((node.right as Node).args as Node[])[0])
      if (!words) return {type: 'Value', value: true}
      const left = isWholeDocument(node.left as Node) ? allText() : visit(node.left)
      return {type: 'OpCall', op: 'match', left, right: {type: 'Value', value: words}}
    }
    return rewriteChildren(node, visit)
  }
  return visit(tree) as ExprNode
}
