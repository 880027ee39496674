import {referencesIn} from './references.ts'

type Doc = {_id: string; _type: string; [key: string]: unknown}

/**
 * What the indexes keep of one document: its type, its slug, the ids it references (all of them, and
 * the strong ones). Made by indexEntryOf; a query worker that parses the snapshot anyway hands these
 * to the main thread, which then indexes its documents without parsing them (see SerializedDocuments).
 */
export interface IndexEntry {
  type: string
  slug?: string
  /** Every `_ref` (what `references()` matches). */
  all: string[]
  /** The `_ref`s not marked `_weak: true`. */
  strong: string[]
}

const slugOf = (doc: Doc) => {
  const current = (doc.slug as {current?: unknown} | undefined)?.current
  return typeof current === 'string' ? current : undefined
}

/** What the indexes hold of `doc`. */
export function indexEntryOf(doc: Doc): IndexEntry {
  const {all, strong} = referencesIn(doc)
  const slug = slugOf(doc)
  return {type: doc._type, ...(slug === undefined ? {} : {slug}), all: [...all], strong: [...strong]}
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
  /** Whether byStrongReference is kept (query workers, which only answer queries, do without it). */
  readonly strongReferences: boolean

  constructor({strongReferences = true}: {strongReferences?: boolean} = {}) {
    this.strongReferences = strongReferences
  }

  add(doc: Doc) {
    this.addEntry(doc._id, indexEntryOf(doc))
  }

  /** Indexes document `id` by what indexEntryOf found in it. */
  addEntry(id: string, entry: IndexEntry) {
    this.update(add, id, entry)
  }

  clear() {
    for (const index of [this.byType, this.byReference, this.bySlug, this.byStrongReference]) index.clear()
  }

  remove(doc: Doc) {
    this.update(remove, doc._id, indexEntryOf(doc))
  }

  /** Adds `id` to, or removes it from, every index its entry names: one list of indexes for both. */
  private update(change: typeof add, id: string, entry: IndexEntry) {
    change(this.byType, entry.type, id)
    for (const ref of entry.all) change(this.byReference, ref, id)
    if (this.strongReferences) for (const ref of entry.strong) change(this.byStrongReference, ref, id)
    if (entry.slug !== undefined) change(this.bySlug, entry.slug, id)
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
    if (!this.strongReferences) throw new Error('These indexes keep no strong references')
    return this.byStrongReference.get(id) ?? new Set()
  }
}
