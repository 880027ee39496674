/**
 * Pieces of an answer's JSON kept per document. A list that projects each document by what the
 * document alone holds (the sitemap's `*[...] | order(...) {_type, _id, "slug": slug.current, ...}`) gives
 * the same JSON for a document until the document changes, and a worker's documents are replaced, never
 * changed, when a write reaches them. So the JSON text of each item is kept, keyed by the projection's
 * parsed node and the document object, and the next request writes it out as it is: where 50,000 items
 * were projected and stringified on every request (25 and 15 ms), they are looked up and joined.
 *
 * compiled-groq.ts decides where this holds (a map in the answer's own position, whose projection reads
 * nothing but its item: no parameter, `^`, `*` or `->`); answerJson() writes the answer.
 */

/** An item's JSON text, standing in the answer for the value it was made from. */
export class JsonFragment {
  readonly text: string
  constructor(text: string) {
    this.text = text
  }
}

// An item's text is kept when it is this short (a sitemap entry is about 110 characters; an item much
// larger than a page's is rarely asked in thousands), and all kept texts together stay under the budget:
// past it every piece is dropped and kept again as requests need them.
const MAX_FRAGMENT_CHARS = 4_096
const BUDGET_CHARS = 32 * 1024 * 1024

let generation = 0
let keptChars = 0
// By item: its kept text, or null once it has been seen (and projected) a first time.
type ByItem = WeakMap<object, JsonFragment | null>
const memos = new WeakMap<object, {generation: number; byItem: ByItem}>()

/** The texts kept for one projection node, by item: emptied when the budget was last exceeded. */
function memoOf(node: object): ByItem {
  let memo = memos.get(node)
  if (!memo || memo.generation !== generation) memos.set(node, (memo = {generation, byItem: new WeakMap()}))
  return memo.byItem
}

/** How many characters the kept texts hold (what the budget counts). */
export const keptTextChars = () => keptChars

/** The kept texts of a projection node, for one request's walk over its items. */
export class FragmentMemo {
  private byItem: ByItem
  private readonly node: object

  constructor(node: object) {
    this.node = node
    this.byItem = memoOf(node)
  }

  /**
   * The item's kept text, or its value made by `make`: kept as text when short enough and the item is
   * seen a second time. A stored document is seen again by the next request; an object made for one
   * request (a search's hit with its `_score`) never is, and would only fill the budget.
   */
  of(item: object, make: () => unknown): unknown {
    const kept = this.byItem.get(item)
    if (kept) return kept
    if (kept === undefined) {
      this.byItem.set(item, null)
      return make()
    }
    const value = make()
    const text = JSON.stringify(value) ?? 'null'
    if (text.length > MAX_FRAGMENT_CHARS) return value
    if (keptChars + text.length > BUDGET_CHARS) {
      generation++
      keptChars = 0
      this.byItem = memoOf(this.node)
    }
    const fragment = new JsonFragment(text)
    this.byItem.set(item, fragment)
    keptChars += text.length
    return fragment
  }
}

// Arrays and objects of an answer that hold fragments somewhere below: answerJson() writes these
// itself and leaves every other value to JSON.stringify.
const holdingFragments = new WeakSet<object>()

/** Marks an array or object made in the answer's own position when any of its values holds fragments. */
export function markIfHolding<T extends object>(container: T, values: Iterable<unknown>): T {
  for (const value of values) {
    if (value instanceof JsonFragment || (value !== null && typeof value === 'object' && holdingFragments.has(value))) {
      holdingFragments.add(container)
      break
    }
  }
  return container
}

/**
 * The answer as JSON.stringify writes it, with each fragment's text where its value would be. Built
 * with `+=`, which joins strings without copying them (V8 copies once, when the text is encoded).
 */
export function answerJson(value: unknown): string {
  if (value instanceof JsonFragment) return value.text
  if (value === null || typeof value !== 'object' || !holdingFragments.has(value)) return JSON.stringify(value) ?? 'null'
  let json: string
  if (Array.isArray(value)) {
    json = '['
    for (let i = 0; i < value.length; i++) json += (i === 0 ? '' : ',') + answerJson(value[i])
    return `${json}]`
  }
  json = '{'
  for (const [key, item] of Object.entries(value)) if (item !== undefined) json += (json.length === 1 ? '' : ',') + `${JSON.stringify(key)}:${answerJson(item)}`
  return `${json}}`
}
