/** Array items as Sanity stores them: each has a `_key` that validation paths point at. */
export interface KeyedItem {
  _key: string
}

/**
 * Items whose identity (from `identify`) appeared earlier in the array: the second and later
 * occurrences, so the editor is sent to the copy, not the original.
 */
export function findDuplicates<T extends KeyedItem>(
  items: readonly T[] | undefined,
  identify: (item: T) => string | undefined,
): T[] {
  const seen = new Set<string>()
  const repeated: T[] = []
  // A value that is not a list, or items that are not objects, are Sanity's type check's to report.
  if (!Array.isArray(items)) return repeated
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue
    const id = identify(item)
    if (id === undefined) continue
    if (seen.has(id)) repeated.push(item)
    else seen.add(id)
  }
  return repeated
}

/** Items of `items` whose identity also occurs in `others`. */
export function findOverlap<T extends KeyedItem, U>(
  items: readonly T[] | undefined,
  others: readonly U[] | undefined,
  identify: (item: T | U) => string | undefined,
): T[] {
  const isItem = <V>(item: V): item is V & object => typeof item === 'object' && item !== null
  const otherIds = new Set((Array.isArray(others) ? others.filter(isItem) : []).map((other) => identify(other)).filter((id) => id !== undefined))
  return (Array.isArray(items) ? items.filter(isItem) : []).filter((item) => {
    const id = identify(item)
    return id !== undefined && otherIds.has(id)
  })
}

/** The referenced document id of a reference, with or without the drafts prefix. */
export function referencedId(value: unknown): string | undefined {
  const ref = (value as {_ref?: unknown} | undefined)?._ref
  return typeof ref === 'string' ? ref.replace(/^drafts\./, '') : undefined
}
