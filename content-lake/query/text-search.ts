import {parse, type ExprNode} from 'groq-js'

type Node = {type: string; [key: string]: unknown}

// The text the Studio's search looks in, for this content model: names, titles, codes, summaries, bodies.
const SEARCHABLE = parse(
  '[title, name, givenName, familyName, nativeName, abbreviation, st3Code, headquarters, summary, description, pt::text(body), _id]',
) as unknown as Node

const isTextQuery = (node: unknown): node is Node =>
  (node as Node | undefined)?.type === 'FuncCall' && (node as Node).namespace === 'text' && (node as Node).name === 'query'

/**
 * groq-js has no search engine: `text::query()` throws "not implemented". The Studio lists and searches
 * with `[@, _id] match text::query($q)`, so such a match becomes a GROQ `match` of the same words over
 * the searchable fields; an empty search matches everything, as in the Content Lake. Elsewhere
 * `text::query()` is left to groq-js, which answers "not implemented" (a 400).
 */
export function adaptTextQuery(tree: ExprNode): ExprNode {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit)
    if (!value || typeof value !== 'object') return value
    const node = value as Node
    if (node.type === 'Value') return node
    if (node.type === 'OpCall' && node.op === 'match' && isTextQuery(node.right)) {
      const [argument] = (node.right as Node).args as Node[]
      const text = argument?.type === 'Value' && typeof argument.value === 'string' ? argument.value.trim() : ''
      // Words only: the Content Lake's operators (quotes, minus) are dropped rather than misread.
      const words = text.replace(/["()]/g, ' ').split(/\s+/).filter((word) => word && word !== '*' && !word.startsWith('-'))
      if (words.length === 0) return {type: 'Value', value: true}
      return {type: 'OpCall', op: 'match', left: SEARCHABLE, right: {type: 'Value', value: words.join(' ')}}
    }
    return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, visit(child)]))
  }
  return visit(tree) as ExprNode
}
