type Doc = {_id: string; _type: string; [key: string]: unknown}

/** Every `_ref` anywhere in a document. Walks with a stack, not recursion: no document nests too deep for it. */
export function referencedIds(value: unknown, into = new Set<string>()): Set<string> {
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const current = stack.pop()
    if (Array.isArray(current)) {
      for (const item of current) stack.push(item)
    } else if (current && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        if (key === '_ref' && typeof child === 'string') into.add(child)
        else if (child && typeof child === 'object') stack.push(child)
      }
    }
  }
  return into
}

const slugOf = (doc: Doc) => {
  const current = (doc.slug as {current?: unknown} | undefined)?.current
  return typeof current === 'string' ? current : undefined
}

function add(index: Map<string, Set<string>>, key: string, id: string) {
  let ids = index.get(key)
  if (!ids) index.set(key, (ids = new Set()))
  ids.add(id)
}

function remove(index: Map<string, Set<string>>, key: string, id: string) {
  const ids = index.get(key)
  ids?.delete(id)
  if (ids?.size === 0) index.delete(key)
}

/** Document ids by `_type` and by the ids they reference, kept in step with every change. */
export class Indexes {
  readonly byType = new Map<string, Set<string>>()
  readonly byReference = new Map<string, Set<string>>()
  readonly bySlug = new Map<string, Set<string>>()

  add(doc: Doc) {
    add(this.byType, doc._type, doc._id)
    for (const ref of referencedIds(doc)) add(this.byReference, ref, doc._id)
    const slug = slugOf(doc)
    if (slug !== undefined) add(this.bySlug, slug, doc._id)
  }

  remove(doc: Doc) {
    remove(this.byType, doc._type, doc._id)
    for (const ref of referencedIds(doc)) remove(this.byReference, ref, doc._id)
    const slug = slugOf(doc)
    if (slug !== undefined) remove(this.bySlug, slug, doc._id)
  }

  idsWithSlug(slug: string): ReadonlySet<string> {
    return this.bySlug.get(slug) ?? new Set()
  }

  idsOfType(type: string): ReadonlySet<string> {
    return this.byType.get(type) ?? new Set()
  }

  idsReferencing(id: string): ReadonlySet<string> {
    return this.byReference.get(id) ?? new Set()
  }
}
