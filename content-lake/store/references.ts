type Doc = {_id: string; _type: string; [key: string]: unknown}

type Visit = (reference: Record<string, unknown>) => void

/** Calls `visit` with every object carrying a string `_ref`. A stack, not recursion: no document nests too deep for it. */
function eachReference(value: unknown, visit: Visit) {
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const current = stack.pop()
    if (Array.isArray(current)) {
      for (const item of current) stack.push(item)
    } else if (current && typeof current === 'object') {
      const object = current as Record<string, unknown>
      if (typeof object._ref === 'string') visit(object)
      for (const [key, child] of Object.entries(object)) if (key !== '_ref' && child && typeof child === 'object') stack.push(child)
    }
  }
}

/** Every `_ref` anywhere in a document, weak ones included (what `references()` in GROQ matches). */
export function referencedIds(value: unknown, into = new Set<string>()): Set<string> {
  eachReference(value, (reference) => into.add(reference._ref as string))
  return into
}

/** The ids a document refers to with strong references: those the lake keeps from being deleted. */
export function stronglyReferencedIds(value: unknown, into = new Set<string>()): Set<string> {
  eachReference(value, (reference) => {
    if (reference._weak !== true) into.add(reference._ref as string)
  })
  return into
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
