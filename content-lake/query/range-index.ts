import type {Doc} from '../store/document-store.ts'
import type {IdSet, RangeOperator} from './narrow-query.ts'
import type {PerspectiveView} from './perspectives.ts'

/** A view's documents whose top-level field holds a string, sorted by that string as groq-js compares them. */
interface SortedField {
  values: string[]
  ids: string[]
  /** Each id's place in `ids`. */
  positions: Map<string, number>
}

// One sorted list per view and field, made on first use: a view lives until the next change.
const sortedFields = new WeakMap<PerspectiveView, Map<string, SortedField>>()

function sortedField(view: PerspectiveView, field: string): SortedField {
  let fields = sortedFields.get(view)
  if (!fields) sortedFields.set(view, (fields = new Map()))
  let sorted = fields.get(field)
  if (!sorted) {
    const entries: [string, string][] = []
    for (const doc of view.documents as Doc[]) {
      const value = doc[field]
      if (typeof value === 'string') entries.push([value, doc._id])
    }
    // groq-js compares strings with < and > (UTF-16 code units), as this sort does.
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    const ids = entries.map((entry) => entry[1])
    sorted = {values: entries.map((entry) => entry[0]), ids, positions: new Map(ids.map((id, index) => [id, index]))}
    fields.set(field, sorted)
  }
  return sorted
}

/** The first index whose value is >= value (strict: > value). */
function bound(values: string[], value: string, strict: boolean): number {
  let low = 0
  let high = values.length
  while (low < high) {
    const middle = (low + high) >>> 1
    const candidate = values[middle]!
    if (candidate < value || (strict && candidate === value)) low = middle + 1
    else high = middle
  }
  return low
}

/** The ids from `start` to `end` (exclusive) of a sorted field: membership by position, no copy. */
export class IdRange implements IdSet {
  private readonly field: SortedField
  private readonly start: number
  private readonly end: number

  constructor(field: SortedField, start: number, end: number) {
    this.field = field
    this.start = start
    this.end = Math.max(start, end)
  }

  get size() {
    return this.end - this.start
  }

  has(id: string): boolean {
    const position = this.field.positions.get(id)
    return position !== undefined && position >= this.start && position < this.end
  }

  /** The ids both ranges hold, when they are of the same sorted field (`a >= x && a < y`); else undefined. */
  intersect(other: IdSet): IdRange | undefined {
    if (!(other instanceof IdRange) || other.field !== this.field) return undefined
    return new IdRange(this.field, Math.max(this.start, other.start), Math.min(this.end, other.end))
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let index = this.start; index < this.end; index++) yield this.field.ids[index]!
  }
}

/**
 * The `_id`s of the view's documents whose `field` (top level) is a string that `field <op> value`
 * holds for: every document such a filter can match, found by binary search in the field's sorted
 * strings instead of by evaluating the filter on every document.
 */
export function idsInRange(view: PerspectiveView, field: string, op: RangeOperator, value: string): IdSet {
  const sorted = sortedField(view, field)
  const {values} = sorted
  const [start, end] =
    op === '>=' ? [bound(values, value, false), values.length] : op === '>' ? [bound(values, value, true), values.length] : op === '<' ? [0, bound(values, value, false)] : [0, bound(values, value, true)]
  return new IdRange(sorted, start, end)
}
