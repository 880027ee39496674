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
  private readonly references = new Map<string, Set<string>>()
  private readonly slugs = new Map<string, Set<string>>()
  private readonly strong = new Map<string, Set<string>>()
  /** Whether byStrongReference is kept (query workers, which only answer queries, do without it). */
  readonly strongReferences: boolean
  /** Entries whose references and slug are not indexed yet (see `deferReferences`), in the order they came. */
  private deferred: {id: string; entry: IndexEntry}[] | undefined
  /** How many of `deferred`, from its start, are indexed already. */
  private settled = 0

  /**
   * `deferReferences`: the reference and slug indexes are built when first read (or by `settle()`), not
   * as documents come: a query worker loading a dataset answers sooner, and builds them while idle.
   */
  constructor({strongReferences = true, deferReferences = false}: {strongReferences?: boolean; deferReferences?: boolean} = {}) {
    this.strongReferences = strongReferences
    if (deferReferences) this.deferred = []
  }

  get byReference(): Map<string, Set<string>> {
    this.settle()
    return this.references
  }

  get bySlug(): Map<string, Set<string>> {
    this.settle()
    return this.slugs
  }

  /** Only strong references (no `_weak: true`): the ones that keep their target from being deleted. */
  get byStrongReference(): Map<string, Set<string>> {
    this.settle()
    return this.strong
  }

  /**
   * Indexes what was deferred (nothing when nothing is), or, with `limit`, up to that many of the
   * deferred entries, in order; true once nothing is deferred.
   */
  settle(limit = Infinity): boolean {
    const deferred = this.deferred
    if (!deferred) return true
    const done = Math.min(limit, deferred.length - this.settled)
    for (let i = this.settled; i < this.settled + done; i++) this.updateReferences(add, deferred[i]!.id, deferred[i]!.entry)
    this.settled += done
    if (this.settled < deferred.length) return false
    this.deferred = undefined
    return true
  }

  add(doc: Doc) {
    this.addEntry(doc._id, indexEntryOf(doc))
  }

  /** Indexes document `id` by what indexEntryOf found in it. */
  addEntry(id: string, entry: IndexEntry) {
    add(this.byType, entry.type, id)
    if (this.deferred) this.deferred.push({id, entry})
    else this.updateReferences(add, id, entry)
  }

  clear() {
    this.deferred &&= []
    this.settled = 0
    for (const index of [this.byType, this.references, this.slugs, this.strong]) index.clear()
  }

  remove(doc: Doc) {
    // What was deferred is indexed first, so that it is removed as it was added.
    this.settle()
    const entry = indexEntryOf(doc)
    remove(this.byType, entry.type, doc._id)
    this.updateReferences(remove, doc._id, entry)
  }

  /** Adds `id` to, or removes it from, the reference and slug indexes its entry names: one list of indexes for both. */
  private updateReferences(change: typeof add, id: string, entry: IndexEntry) {
    for (const ref of entry.all) change(this.references, ref, id)
    if (this.strongReferences) for (const ref of entry.strong) change(this.strong, ref, id)
    if (entry.slug !== undefined) change(this.slugs, entry.slug, id)
  }

  idsWithSlug(slug: string): ReadonlySet<string> {
    this.settle()
    return this.slugs.get(slug) ?? new Set()
  }

  idsOfType(type: string): ReadonlySet<string> {
    return this.byType.get(type) ?? new Set()
  }

  idsReferencing(id: string): ReadonlySet<string> {
    this.settle()
    return this.references.get(id) ?? new Set()
  }

  idsStronglyReferencing(id: string): ReadonlySet<string> {
    if (!this.strongReferences) throw new Error('These indexes keep no strong references')
    this.settle()
    return this.strong.get(id) ?? new Set()
  }
}
