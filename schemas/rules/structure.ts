/**
 * Checks of a value's shape that the Studio's inputs guarantee and Sanity's validation does not make:
 * array items with their own `_key` and one of the list's types, no fields the type does not have,
 * Portable Text marks that are defined, references to documents of the right type. Each is a pure
 * function of plain values; `schema-walk.ts` applies them to a document by walking its schema type.
 */
import type {RuleResult} from './result.ts'

/** What an array may hold, from the array type's `of`: the member's name, its JSON type and a title for messages. */
export interface ItemTypeOption {
  name: string
  /** The name of the type the member is made from ("externalLink" for the "link" annotation): also accepted as `_type`. */
  baseName?: string
  jsonType: string
  title: string
}

/** Problems at the position of an item (index) or a field (name) inside the value checked. */
export interface ItemProblem {
  index: number
  message: string
}

export interface FieldProblem {
  field: string
  message: string
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** "an office", "a person". */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`
}

/** "office", "office or person", "article, office or person". */
export function orList(words: readonly string[]): string {
  const unique = [...new Set(words)]
  return unique.length <= 1 ? (unique[0] ?? '') : `${unique.slice(0, -1).join(', ')} or ${unique.at(-1)}`
}

/**
 * Every object in a list needs a `_key` of its own: the Studio, patches and validation paths find items
 * by it. Reported at the item without one, and at the second and later items that repeat one.
 */
export function checkItemKeys(items: readonly unknown[]): ItemProblem[] {
  const problems: ItemProblem[] = []
  const firstIndex = new Map<string, number>()
  items.forEach((item, index) => {
    if (!isPlainObject(item)) return
    const key = item._key
    if (typeof key !== 'string' || key.trim() === '') {
      problems.push({index, message: 'Give this item a _key: a text unique within the list, for example "a1"'})
      return
    }
    const first = firstIndex.get(key)
    if (first === undefined) firstIndex.set(key, index)
    else problems.push({index, message: `The _key "${key}" is already used by item ${first + 1} of this list: give each item its own _key`})
  })
  return problems
}

const takes = (options: readonly ItemTypeOption[]) => orList(options.map((option) => option.title))

/** An item of a list must be of one of the list's types (an object's `_type` names it). */
export function checkItemType(item: unknown, options: readonly ItemTypeOption[]): RuleResult {
  if (item === null || item === undefined) return 'Remove this empty item from the list'
  // A list of one type: Sanity validates every item as that type, and its type check names the
  // expected type for an item of another JSON type ("Expected type "String", got "Number"").
  const kind = Array.isArray(item) ? 'array' : typeof item
  if (options.length === 1 && options[0]!.jsonType !== kind) return true
  const objects = options.filter((option) => option.jsonType === 'object')
  if (Array.isArray(item)) return `A list cannot hold a list: replace this item with ${withArticle(takes(options))}`
  if (typeof item === 'object') {
    if (objects.length === 0) return `This list holds ${takes(options)} values, not objects: replace this item with one`
    const type = (item as {_type?: unknown})._type
    if (typeof type !== 'string' || type === '') {
      return `Give this item its type: "_type": ${orList(objects.map((option) => `"${option.name}"`))}`
    }
    if (objects.some((option) => option.name === type || option.baseName === type)) return true
    return `This list takes ${takes(objects)} items, not "${type}": remove this item or move it to a list that takes it`
  }
  if (options.some((option) => option.jsonType === typeof item)) return true
  return `This list takes ${takes(options)} items, not ${typeof item === 'string' ? 'text' : typeof item}: replace ${JSON.stringify(item)} with ${withArticle(takes(options))}`
}

function editDistance(a: string, b: string): number {
  const row = Array.from({length: b.length + 1}, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return row[b.length]!
}

/**
 * Fields a type does not have: a typo such as "autor" would otherwise be stored, shown nowhere and
 * queried by nobody. Keys starting with "_" are Sanity's own (`_id`, `_type`, `_key`, `_ref`, ...).
 */
export function checkKnownFields(value: Record<string, unknown>, fieldNames: readonly string[], typeTitle: string): FieldProblem[] {
  const known = new Set(fieldNames)
  return Object.keys(value)
    .filter((field) => !field.startsWith('_') && !known.has(field))
    .map((field) => {
      const near = fieldNames.find((name) => editDistance(name.toLowerCase(), field.toLowerCase()) <= Math.min(2, Math.ceil(name.length / 3)))
      const subject = withArticle(typeTitle)
      const fix = near ? `rename it to "${near}" or remove it` : 'remove it'
      return {field, message: `${subject[0]!.toUpperCase()}${subject.slice(1)} has no field "${field}": ${fix}`}
    })
}

/**
 * Every mark on a Portable Text span is a decorator the block allows (strong, em, ...) or the `_key`
 * of an annotation in the block's `markDefs`; any other name is formatting nobody can see or remove.
 */
export function checkSpanMarks(marks: unknown, decorators: readonly string[], markDefKeys: readonly string[]): ItemProblem[] {
  if (!Array.isArray(marks)) return []
  const problems: ItemProblem[] = []
  marks.forEach((mark, index) => {
    if (typeof mark === 'string' && (decorators.includes(mark) || markDefKeys.includes(mark))) return
    problems.push({
      index,
      message: `The mark ${JSON.stringify(mark)} is not defined: use one of ${decorators.join(', ')} or the _key of a link in this block's markDefs, or remove it`,
    })
  })
  return problems
}

/**
 * A reference points at a document of one of the types in its `to`: an office's parent at an office,
 * not at a person. `targetType` is the referenced document's `_type`; titles are for the message.
 */
export function checkReferenceTarget(
  referencedId: string,
  targetType: string,
  allowed: readonly {name: string; title: string}[],
  targetTitle: string,
): RuleResult {
  if (allowed.length === 0 || allowed.some((option) => option.name === targetType)) return true
  const wanted = orList(allowed.map((option) => option.title))
  return `"${referencedId}" is ${withArticle(targetTitle)}, but this must be ${withArticle(wanted)}: choose ${withArticle(wanted)}`
}
