type Doc = {_id: string; _type: string; [key: string]: unknown}

/** The ids a value refers to: every `_ref` (what `references()` matches), and those not marked `_weak`. */
export interface References {
  all: Set<string>
  strong: Set<string>
}

/**
 * Every `_ref` in a value, weak ones apart, in one pass. A stack, not recursion: no document nests too
 * deep for it. Indexing a whole dataset runs this over every document at start-up, so it visits only
 * objects and arrays and reads keys with `for...in` (no entry arrays).
 */
export function referencesIn(value: unknown): References {
  const all = new Set<string>()
  const strong = new Set<string>()
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const current = stack.pop()
    if (Array.isArray(current)) {
      for (const item of current) if (item !== null && typeof item === 'object') stack.push(item)
    } else if (current !== null && typeof current === 'object') {
      const object = current as Record<string, unknown>
      const ref = object._ref
      if (typeof ref === 'string') {
        all.add(ref)
        if (object._weak !== true) strong.add(ref)
      }
      for (const key in object) {
        if (!Object.hasOwn(object, key)) continue
        const child = object[key]
        if (child !== null && typeof child === 'object') stack.push(child)
      }
    }
  }
  return {all, strong}
}

/** Every `_ref` anywhere in a document, weak ones included (what `references()` in GROQ matches). */
export function referencedIds(value: unknown): Set<string> {
  return referencesIn(value).all
}

/** The ids a document refers to with strong references: those the lake keeps from being deleted. */
export function stronglyReferencedIds(value: unknown): Set<string> {
  return referencesIn(value).strong
}

/**
 * A document as publishing leaves it: a reference the Studio made weak because its target was not
 * published yet carries `_strengthenOnPublish`; on publish it becomes strong (unless the schema asked
 * for a weak one, `_strengthenOnPublish.weak`), and the marker goes.
 */
export function strengthenOnPublish<T extends Doc>(doc: T): T {
  const strengthen = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strengthen)
    if (!value || typeof value !== 'object') return value
    const object = value as Record<string, unknown>
    const marker = object._strengthenOnPublish as {weak?: unknown} | undefined
    const copy: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(object)) if (key !== '_strengthenOnPublish') copy[key] = strengthen(child)
    if (typeof object._ref === 'string' && marker && typeof marker === 'object') {
      if (marker.weak === true) copy._weak = true
      else delete copy._weak
    }
    return copy
  }
  return strengthen(doc) as T
}
