import {evaluateSync, toJS, type ExprNode} from 'groq-js'

import type {Doc} from '../store/document-store.ts'
import type {IdSet} from './narrow-query.ts'
import {interruptible} from './time-limit.ts'
import {positionOf} from './view-positions.ts'

type Node = {type: string; [key: string]: unknown}

// groq-js's own tokenizer for `match` (shared.js: matchTokenize, matchPatternRegex): same characters,
// so a document's tokens here are the tokens groq-js compares.
const CHARS = /([^!@#$%^&*(),\\/?";:{}|[\]+<>\s-])+/g
const CHARS_WITH_WILDCARD = /([^!@#$%^&(),\\/?";:{}|[\]+<>\s-])+/g
const EDGE_CHARS = /(\b\.+|\.+\b)/g

const tokensOf = (text: string) => text.replace(EDGE_CHARS, '').match(CHARS) ?? []

/** The terms of a `match` pattern, as groq-js makes a RegExp of each (`^term$`, `*` as `.*`, case ignored). */
export const termsOf = (pattern: string) => (pattern.replace(EDGE_CHARS, '').match(CHARS_WITH_WILDCARD) ?? []).map((term) => term.slice(0, 1024))

let foldTable: Uint16Array | undefined

/**
 * A string as a case-insensitive RegExp without the `u` flag compares it, code unit by code unit
 * (ECMA-262 Canonicalize: the unit's upper case when that is one unit, unless it would turn a non-ASCII
 * unit into an ASCII one). groq-js's `/^term$/i` matches a token exactly when their foldings are equal,
 * so an index keyed by folded tokens answers a term without a RegExp. (String.toUpperCase differs:
 * "ß" becomes "SS", which the RegExp does not match.)
 */
export function foldCase(text: string): string {
  if (!foldTable) {
    foldTable = new Uint16Array(0x10000)
    for (let unit = 0; unit < 0x10000; unit++) {
      const upper = String.fromCharCode(unit).toUpperCase()
      foldTable[unit] = upper.length === 1 && !(unit >= 128 && upper.charCodeAt(0) < 128) ? upper.charCodeAt(0) : unit
    }
  }
  let folded = ''
  for (let index = 0; index < text.length; index++) folded += String.fromCharCode(foldTable[text.charCodeAt(index)]!)
  return folded
}

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

/**
 * A term in one text index: the positions (in the view's documents, ascending) of the documents whose
 * text holds a token that matches it, and how many such tokens each holds.
 */
export interface TermPostings {
  readonly documents: ArrayLike<number> & Iterable<number>
  readonly counts: ArrayLike<number>
}

const NONE: TermPostings = {documents: [], counts: []}

/** Whether sorted positions hold one (binary search). */
function holds(documents: ArrayLike<number>, position: number): boolean {
  let low = 0
  let high = documents.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (documents[middle]! < position) low = middle + 1
    else high = middle
  }
  return documents[low] === position
}

/** The `_id`s of the documents every one of several terms' postings holds, read through them rather than copied into a set. */
class IdsInAll implements IdSet {
  private readonly smallest: TermPostings
  private readonly others: TermPostings[]
  private readonly view: TextView

  constructor(view: TextView, postings: TermPostings[]) {
    this.view = view
    ;[this.smallest, ...this.others] = postings.toSorted((a, b) => a.documents.length - b.documents.length) as [TermPostings, ...TermPostings[]]
  }

  /** At most this many (only an estimate reads it). */
  get size() {
    return this.smallest.documents.length
  }

  has(id: string): boolean {
    const position = positionOf(this.view, id)
    return position !== undefined && holds(this.smallest.documents, position) && this.others.every((postings) => holds(postings.documents, position))
  }

  *[Symbol.iterator](): Iterator<string> {
    for (const position of this.smallest.documents) {
      if (this.others.every((postings) => holds(postings.documents, position))) yield this.view.documents[position]!._id
    }
  }
}

/** What a text index reads of a perspective view. */
export interface TextView {
  readonly documents: readonly Doc[]
}

/** Numbers as a string of two UTF-16 units each, built a slice at a time (a long document must not overflow the call's arguments). */
function asUnits(numbers: number[]): string {
  let units = ''
  for (let start = 0; start < numbers.length; start += 4096) {
    units += String.fromCharCode(...numbers.slice(start, start + 4096).flatMap((number) => [number >>> 16, number & 0xffff]))
  }
  return units
}

// Prefix terms (`pat*`) sum the postings of many tokens: the latest few are kept per index.
const KEPT_PREFIXES = 32

/**
 * One text index: from each folded token to its postings. Folded tokens are kept sorted on first need,
 * for prefix terms.
 */
class TextIndex {
  private readonly postings = new Map<string, {documents: number[] | Int32Array; counts: number[] | Int32Array}>()
  private readonly prefixes = new Map<string, TermPostings>()
  private sortedTokens: string[] | undefined
  private readonly size: number

  constructor(size: number) {
    this.size = size
  }

  /** Adds a folded token of the document at `position`; documents are added in ascending position. */
  add(position: number, folded: string) {
    let postings = this.postings.get(folded)
    if (!postings) this.postings.set(folded, (postings = {documents: [], counts: []}))
    const [documents, counts] = [postings.documents as number[], postings.counts as number[]]
    const last = documents.length - 1
    if (documents[last] === position) counts[last]!++
    else {
      documents.push(position)
      counts.push(1)
    }
  }

  /** Once every document is added: the postings as typed arrays, a quarter of the memory of growing lists. */
  freeze() {
    for (const postings of this.postings.values()) {
      postings.documents = Int32Array.from(postings.documents)
      postings.counts = Int32Array.from(postings.counts)
    }
  }

  /**
   * The postings of one term, when the index can answer it exactly: a plain word (`patent`), or a word
   * with one `*` at its end (`pat*`, groq-js's `^pat.*$`; tokens hold no line breaks, so `.*` is any
   * rest). Undefined for other wildcards and for `.` (a RegExp wildcard in groq-js).
   */
  postingsFor(term: string): TermPostings | undefined {
    if (term.includes('.')) return undefined
    const star = term.indexOf('*')
    if (star === -1) return this.postings.get(foldCase(term)) ?? NONE
    if (star !== term.length - 1 || star === 0) return undefined
    const prefix = foldCase(term.slice(0, -1))
    let found = this.prefixes.get(prefix)
    if (!found) {
      found = this.sumOfTokensStartingWith(prefix)
      if (this.prefixes.size >= KEPT_PREFIXES) this.prefixes.delete(this.prefixes.keys().next().value!)
      this.prefixes.set(prefix, found)
    }
    return found
  }

  private sumOfTokensStartingWith(prefix: string): TermPostings {
    this.sortedTokens ??= [...this.postings.keys()].toSorted()
    const tokens = this.sortedTokens
    // The first token not below the prefix, then every token that starts with it.
    let low = 0
    let high = tokens.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (tokens[middle]! < prefix) low = middle + 1
      else high = middle
    }
    const sums = new Int32Array(this.size)
    for (let index = low; index < tokens.length && tokens[index]!.startsWith(prefix); index++) {
      const {documents, counts} = this.postings.get(tokens[index]!)!
      for (let k = 0; k < documents.length; k++) sums[documents[k]!]! += counts[k]!
    }
    const result = {documents: [] as number[], counts: [] as number[]}
    for (let position = 0; position < sums.length; position++) {
      if (sums[position] === 0) continue
      result.documents.push(position)
      result.counts.push(sums[position]!)
    }
    return result
  }
}

/**
 * Text indexes per perspective view and set of fields, built with groq-js evaluating the fields over
 * every document of the view once (its values as `match` sees them: a string, or the strings directly in
 * an array). They answer which documents can satisfy `fields match "words"` and how often each term
 * occurs, which is what groq-js's `score()` ranks by.
 */
export class TextIndexes {
  private readonly byView = new WeakMap<TextView, Map<string, TextIndex>>()

  /**
   * The `_id`s of the documents whose text holds every term the index can answer: a superset of the
   * matches (the filter still decides). Undefined when no term narrows (`*`, `a.b`).
   */
  idsMatching(view: TextView, fields: ExprNode, pattern: string): IdSet | undefined {
    const postings = termsOf(pattern)
      .map((term) => this.termPostings(view, fields, term))
      .filter((found): found is TermPostings => found !== undefined)
    return postings.length > 0 ? new IdsInAll(view, postings) : undefined
  }

  /** Where `term` occurs in `fields`, exactly as groq-js's RegExp would find it, by position in the view; undefined when the index cannot tell. */
  termPostings(view: TextView, fields: ExprNode, term: string): TermPostings | undefined {
    return this.indexFor(view, fields).postingsFor(term)
  }

  private indexFor(view: TextView, fields: ExprNode): TextIndex {
    let indexes = this.byView.get(view)
    if (!indexes) this.byView.set(view, (indexes = new Map()))
    const key = JSON.stringify(fields)
    let index = indexes.get(key)
    if (!index) {
      index = new TextIndex(view.documents.length)
      const tokens = this.tokensOf(view.documents, fields, key)
      view.documents.forEach((doc, position) => {
        const numbers = tokens.get(doc)!
        for (let unit = 0; unit < numbers.length; unit += 2) index!.add(position, this.words[numbers.charCodeAt(unit) * 0x10000 + numbers.charCodeAt(unit + 1)]!)
      })
      index.freeze()
      indexes.set(key, index)
    }
    return index
  }

  // Every folded token seen, once, by number; and raw tokens to those numbers (few: the words and their spellings).
  private readonly words: string[] = []
  private readonly wordNumbers = new Map<string, number>()
  private readonly rawNumbers = new Map<string, number>()

  private numberOf(raw: string): number {
    let number = this.rawNumbers.get(raw)
    if (number === undefined) {
      const folded = foldCase(raw)
      number = this.wordNumbers.get(folded)
      if (number === undefined) {
        number = this.words.push(folded) - 1
        this.wordNumbers.set(folded, number)
      }
      this.rawNumbers.set(raw, number)
    }
    return number
  }

  // Each document's folded tokens per set of fields, kept while the document object lives: a new view
  // (after any write) shares the unchanged documents, so only the changed ones are evaluated again. A
  // document's tokens are their numbers, two UTF-16 units each, in one string: the most compact JavaScript
  // keeps (a typed array per document costs more in its header than in its numbers).
  private readonly tokensByFields = new Map<string, WeakMap<Doc, string>>()

  private tokensOf(documents: readonly Doc[], fields: ExprNode, key: string): WeakMap<Doc, string> {
    let tokens = this.tokensByFields.get(key)
    if (!tokens) this.tokensByFields.set(key, (tokens = new WeakMap()))
    const missing = documents.filter((doc) => !tokens!.has(doc))
    // In slices: one groq-js evaluation for each (each document's fields as `match` sees them: a string,
    // or the strings directly in an array), so all their text is never held at once.
    for (let start = 0; start < missing.length; start += 1024) {
      const slice = missing.slice(start, start + 1024)
      const values = interruptible(() => toJS(evaluateSync({type: 'Map', base: {type: 'Value', value: slice}, expr: fields} as ExprNode, {dataset: documents as Doc[]}))) as unknown[]
      values.forEach((value, index) => {
        const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((part): part is string => typeof part === 'string') : []
        tokens!.set(slice[index]!, asUnits(texts.flatMap(tokensOf).map((token) => this.numberOf(token))))
      })
    }
    return tokens
  }
}
