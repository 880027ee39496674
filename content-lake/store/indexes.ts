import {referencesIn} from './references.ts'

type Doc = {_id: string; _type: string; [key: string]: unknown}

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

/** Document ids by `_type`, by slug and by the ids they reference (strongly or at all), kept in step with every change. */
export class Indexes {
  readonly byType = new Map<string, Set<string>>()
  readonly byReference = new Map<string, Set<string>>()
  readonly bySlug = new Map<string, Set<string>>()
  /** Only strong references (no `_weak: true`): the ones that keep their target from being deleted. */
  readonly byStrongReference = new Map<string, Set<string>>()

  add(doc: Doc) {
    add(this.byType, doc._type, doc._id)
    const {all, strong} = referencesIn(doc)
    for (const ref of all) add(this.byReference, ref, doc._id)
    for (const ref of strong) add(this.byStrongReference, ref, doc._id)
    const slug = slugOf(doc)
    if (slug !== undefined) add(this.bySlug, slug, doc._id)
  }

  clear() {
    for (const index of [this.byType, this.byReference, this.bySlug, this.byStrongReference]) index.clear()
  }

  remove(doc: Doc) {
    remove(this.byType, doc._type, doc._id)
    const {all, strong} = referencesIn(doc)
    for (const ref of all) remove(this.byReference, ref, doc._id)
    for (const ref of strong) remove(this.byStrongReference, ref, doc._id)
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

  idsStronglyReferencing(id: string): ReadonlySet<string> {
    return this.byStrongReference.get(id) ?? new Set()
  }
}
