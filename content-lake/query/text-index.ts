import {evaluateSync, toJS, type ExprNode} from 'groq-js'

import type {Doc} from '../store/document-store.ts'

type Node = {type: string; [key: string]: unknown}

// groq-js's own tokenizer for `match` (shared.js: matchTokenize, matchPatternRegex): same characters,
// so a document's tokens here are the tokens groq-js compares.
const CHARS = /([^!@#$%^&*(),\\/?";:{}|[\]+<>\s-])+/g
const CHARS_WITH_WILDCARD = /([^!@#$%^&(),\\/?";:{}|[\]+<>\s-])+/g
const EDGE_CHARS = /(\b\.+|\.+\b)/g

const tokensOf = (text: string) => text.replace(EDGE_CHARS, '').match(CHARS) ?? []
const termsOf = (text: string) => (text.replace(EDGE_CHARS, '').match(CHARS_WITH_WILDCARD) ?? []).map((term) => term.slice(0, 1024))

/** Fields a text index can hold: `title`, `pt::text(body)`, or an array of them (`[title, summary]`). */
export function isIndexableText(node: unknown): boolean {
  const n = node as Node | undefined
  const field = (value: unknown): boolean => {
    const f = value as Node | undefined
    if (f?.type === 'AccessAttribute') return f.base === undefined
    return f?.type === 'FuncCall' && f.namespace === 'pt' && f.name === 'text' && (f.args as Node[]).length === 1 && field((f.args as Node[])[0]) === true
  }
  if (n?.type === 'Array') return (n.elements as Node[]).length > 0 && (n.elements as Node[]).every((element) => !element.isSplat && field(element.value))
  return field(n)
}

const EMPTY: ReadonlySet<string> = new Set()

/**
 * Candidates for `fields match "words"`: an inverted index from each token (upper-cased) to the `_id`s
 * of the view's documents whose text holds it, built with groq-js evaluating the fields, once per view
 * and set of fields. groq-js matches a term without `*` or `.` against a whole token, ignoring case:
 * such a token upper-cases to the term upper-cased, so the documents holding every such term are a
 * superset of the matches (the filter still decides). Terms with wildcards do not narrow.
 */
export class TextIndexes {
  private readonly byView = new WeakMap<object, Map<string, Map<string, Set<string>>>>()

  idsMatching(view: {documents: readonly Doc[]}, fields: ExprNode, pattern: string): ReadonlySet<string> | undefined {
    const exact = termsOf(pattern).filter((term) => !term.includes('*') && !term.includes('.'))
    if (exact.length === 0) return undefined
    const index = this.indexFor(view, fields)
    const sets = exact.map((term) => index.get(term.toUpperCase()) ?? EMPTY).toSorted((a, b) => a.size - b.size)
    const [smallest, ...others] = sets
    if (others.length === 0) return smallest
    return new Set([...smallest!].filter((id) => others.every((set) => set.has(id))))
  }

  private indexFor(view: {documents: readonly Doc[]}, fields: ExprNode): Map<string, Set<string>> {
    let indexes = this.byView.get(view)
    if (!indexes) this.byView.set(view, (indexes = new Map()))
    const key = JSON.stringify(fields)
    let index = indexes.get(key)
    if (!index) {
      index = new Map()
      // One evaluation for every document: its fields' values, as `match` would see them.
      const values = toJS(evaluateSync({type: 'Map', base: {type: 'Value', value: view.documents}, expr: fields} as ExprNode, {dataset: view.documents as Doc[]})) as unknown[]
      values.forEach((value, position) => {
        // As groq-js gathers text: a string, or the strings directly in an array.
        const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((part): part is string => typeof part === 'string') : []
        const id = view.documents[position]!._id
        for (const text of texts) {
          for (const token of tokensOf(text)) {
            const upper = token.toUpperCase()
            let ids = index!.get(upper)
            if (!ids) index!.set(upper, (ids = new Set()))
            ids.add(id)
          }
        }
      })
      indexes.set(key, index)
    }
    return index
  }
}
