import {LakeError} from '../errors.ts'

type Doc = {_id: string; _type: string; [key: string]: unknown}

/**
 * A perspective as the lake evaluates it.
 * - `raw`: every document under its own id; `versions` is false before API v2025-02-19, where the
 *   hosted lake leaves `versions.*` documents out.
 * - `stack`: one document per published id, taken from the first layer of `layers` that has it
 *   (`"drafts"`, a release id, or `"published"`, which is always in the stack, at the bottom unless
 *   placed higher). `published` is `["published"]`, `drafts` is `["drafts", "published"]`, a release
 *   stack `["r1", "drafts", "published"]`.
 */
export type Perspective = ({readonly type: 'raw'; readonly versions: boolean} | {readonly type: 'stack'; readonly layers: readonly string[]}) & {
  /**
   * What a request without credentials sees: the perspective over the documents whose ids are root
   * paths (no "."), as the hosted lake shows a public dataset to anonymous requests. Drafts and
   * versions are never among them.
   */
  readonly publicOnly?: boolean
}

/** What StoreQueries takes: a parsed perspective, a name (`raw`, `published`, `drafts`, `previewDrafts`, a release id) or a stack. */
export type PerspectiveInput = Perspective | string | readonly string[]

export const RAW: Perspective = {type: 'raw', versions: true}
export const PUBLISHED: Perspective = {type: 'stack', layers: ['published']}
export const DRAFTS: Perspective = {type: 'stack', layers: ['drafts', 'published']}

/** The API version from which `published` is the default perspective and raw includes `versions.*`. */
export const RELEASES_API_VERSION = '2025-02-19'

const API_VERSION_PREFIX = /^\/v(\d+|\d{4}-\d{2}-\d{2}|X)(?=\/|$)/

/** "2025-02-19" from "/v2025-02-19/data/query/production", "X" from "/vX/...", "1" from "/v1/..."; undefined without one. */
export function apiVersionOfPath(pathname: string): string | undefined {
  return API_VERSION_PREFIX.exec(pathname)?.[1]
}

/** Whether an API version is 2025-02-19 or later (vX is the newest); v1 and unknown versions are older. */
export function hasReleasesApi(apiVersion: string | undefined): boolean {
  if (apiVersion === 'X') return true
  return apiVersion !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(apiVersion) && apiVersion >= RELEASES_API_VERSION
}

/** The perspective of a query that names none: `raw` before v2025-02-19, `published` from then on. */
export function defaultPerspective(apiVersion: string | undefined): Perspective {
  return hasReleasesApi(apiVersion) ? PUBLISHED : {type: 'raw', versions: false}
}

// Release ids: letters, digits, "_" and "-" (they become the second segment of `versions.<release>.<id>`).
const RELEASE_ID = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,127}$/

function invalid(value: string, why: string): LakeError {
  return new LakeError(400, 'invalidPerspective', `Invalid perspective ${JSON.stringify(value)}: ${why}. Use raw, published, drafts, a release id, or a stack like "r1,drafts"`)
}

/** The names of a perspective parameter: `r1,drafts` or `["r1","drafts"]`. */
function namesOf(value: string): string[] {
  const trimmed = value.trim()
  if (trimmed.startsWith('[')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(trimmed)
    } catch {
      throw invalid(value, 'not a JSON array')
    }
    if (!Array.isArray(parsed) || !parsed.every((name) => typeof name === 'string')) throw invalid(value, 'a stack is an array of names')
    return parsed.map((name: string) => name.trim()).filter(Boolean)
  }
  return trimmed.split(',').map((name) => name.trim()).filter(Boolean)
}

/** A perspective from its names, as the hosted /query takes them; the default perspective when there are none. */
export function perspectiveFromNames(names: readonly string[], apiVersion: string | undefined, asGiven = names.join(',')): Perspective {
  if (names.length === 0) return defaultPerspective(apiVersion)
  if (names.length === 1) {
    const [name] = names
    if (name === 'raw') return {type: 'raw', versions: hasReleasesApi(apiVersion)}
    if (name === 'published') return PUBLISHED
    if (name === 'drafts' || name === 'previewDrafts') return DRAFTS
  }
  if (names.includes('raw')) throw invalid(asGiven, 'raw can not be combined with other perspectives')
  const layers: string[] = []
  for (const name of names) {
    const layer = name === 'previewDrafts' ? 'drafts' : name
    if (layer !== 'drafts' && layer !== 'published' && !RELEASE_ID.test(layer)) throw invalid(asGiven, `"${name}" is not a perspective name or a release id`)
    if (!layers.includes(layer)) layers.push(layer)
  }
  if (!layers.includes('published')) layers.push('published')
  return {type: 'stack', layers}
}

/** The perspective of a /query request: its `perspective` parameter(s), or the API version's default. */
export function parsePerspective(search: URLSearchParams, apiVersion: string | undefined): Perspective {
  const values = search.getAll('perspective').filter((value) => value.trim() !== '')
  return perspectiveFromNames(values.flatMap(namesOf), apiVersion, values.join(','))
}

/** A parsed perspective from what StoreQueries and the in-memory client take; names answer as with the newest API. */
export function toPerspective(input: PerspectiveInput): Perspective {
  if (typeof input === 'string') return perspectiveFromNames(namesOf(input), 'X', input)
  if (Array.isArray(input)) return perspectiveFromNames(input as string[], 'X')
  return input as Perspective
}

/** A string naming the perspective, the same for equal perspectives: a cache key. */
export function perspectiveKey(perspective: Perspective): string {
  const key = perspective.type === 'raw' ? (perspective.versions ? 'raw' : 'raw-without-versions') : perspective.layers.join(',')
  return perspective.publicOnly ? `${key}|public` : key
}

/** The same perspective as a request without credentials sees it (see Perspective's `publicOnly`). */
export function publicOnly(perspective: Perspective): Perspective {
  return {...perspective, publicOnly: true}
}

/** Whether an id is a root path (no "."), readable without credentials. */
export const isRootPathId = (id: string) => !id.includes('.')

/**
 * Which document a raw id is a variant of, and in which layer: `drafts.x` is x's draft, `versions.r1.x`
 * x's version in release r1, anything else a published document. Undefined for ids under `drafts.` or
 * `versions.` that name no document (`versions.r1`), which no perspective but raw shows.
 */
export function variantOf(id: string): {publishedId: string; layer: string} | undefined {
  let publishedId = id
  let layer = 'published'
  if (id.startsWith('drafts.')) {
    publishedId = id.slice('drafts.'.length)
    layer = 'drafts'
  } else if (id.startsWith('versions.')) {
    const dot = id.indexOf('.', 'versions.'.length)
    if (dot < 0) return undefined
    layer = id.slice('versions.'.length, dot)
    publishedId = id.slice(dot + 1)
  } else {
    return {publishedId, layer}
  }
  if (!publishedId || publishedId.startsWith('drafts.') || publishedId.startsWith('versions.') || !layer) return undefined
  return {publishedId, layer}
}

/** Whether a raw id is a published document's (not under `drafts.` or `versions.`). */
const isPublishedId = (id: string) => !id.startsWith('drafts.') && !id.startsWith('versions.')

const layerIdOf = (layer: string, publishedId: string) =>
  layer === 'published' ? publishedId : layer === 'drafts' ? `drafts.${publishedId}` : `versions.${layer}.${publishedId}`

/** Dataset order: `_id` ascending, by UTF-16 code units (ids are ASCII: the same as byte order). */
export const compareIds = (a: {_id: string}, b: {_id: string}) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)

/** Two lists already in dataset order (`_id` ascending), merged into one in that order. */
export function mergeInIdOrder(sorted: readonly Doc[], more: readonly Doc[]): Doc[] {
  const merged: Doc[] = []
  let next = 0
  for (const doc of sorted) {
    while (next < more.length && compareIds(more[next]!, doc) < 0) merged.push(more[next++]!)
    merged.push(doc)
  }
  while (next < more.length) merged.push(more[next++]!)
  return merged
}

// A variant shown in a stack perspective: under its published id, with `_originalId` naming the document
// it came from. One copy per stored document object (stored documents are replaced, never changed), so
// every view and every query sees the same object for it.
const shownCopies = new WeakMap<Doc, Doc>()

function shown(doc: Doc, publishedId: string): Doc {
  let copy = shownCopies.get(doc)
  if (!copy) {
    copy = {...doc, _id: publishedId, _originalId: doc._id}
    shownCopies.set(doc, copy)
  }
  return copy
}

/** What a perspective sees of a dataset. */
export interface PerspectiveView {
  readonly perspective: Perspective
  /** The documents in dataset order (`_id` ascending): what `*` is. */
  readonly documents: readonly Doc[]
  /** The document with this `_id` in the view, as `->` finds it. */
  get(id: string): Doc | undefined
  /** The view's document that a stored document (any variant of it, by raw id) stands for or competes for. */
  byRawId(id: string): Doc | undefined
  /** The raw id of the stored document a view document shows. */
  sourceId(doc: Doc): string
}

const ownId = (doc: Doc) => doc._id
const originalId = (doc: Doc) => doc._originalId as string

/**
 * The view of a perspective over a dataset: `sorted` is every stored document in dataset order,
 * `getRaw` finds a stored document by id (the same objects). O(n) per call, without sorting everything:
 * published documents keep their order, and only documents that exist as drafts or versions alone are
 * sorted in.
 */
export function buildView(sorted: readonly Doc[], perspective: Perspective, getRaw: (id: string) => Doc | undefined): PerspectiveView {
  if (perspective.publicOnly) {
    // The perspective applies to what the request may read, as hosted: only root-path documents.
    const getStored = getRaw
    sorted = sorted.filter((doc) => isRootPathId(doc._id))
    getRaw = (id) => (isRootPathId(id) ? getStored(id) : undefined)
  }
  if (perspective.type === 'raw') {
    if (perspective.versions) return {perspective, documents: sorted, get: getRaw, byRawId: getRaw, sourceId: ownId}
    const get = (id: string) => (id.startsWith('versions.') ? undefined : getRaw(id))
    return {perspective, documents: sorted.filter((doc) => !doc._id.startsWith('versions.')), get, byRawId: get, sourceId: ownId}
  }
  const {layers} = perspective
  const onlyPublished = layers.length === 1
  const show = onlyPublished ? (doc: Doc) => doc : shown
  const get = (id: string): Doc | undefined => {
    if (!isPublishedId(id)) return undefined
    for (const layer of layers) {
      const doc = getRaw(layerIdOf(layer, id))
      if (doc) return show(doc, id)
    }
    return undefined
  }
  const byRawId = (id: string) => {
    const variant = variantOf(id)
    return variant && get(variant.publishedId)
  }
  if (onlyPublished) return {perspective, documents: sorted.filter((doc) => isPublishedId(doc._id)), get, byRawId, sourceId: ownId}

  // The best draft or version of each published id, by the rank of its layer in the stack.
  const rank = new Map(layers.map((layer, index) => [layer, index]))
  const publishedRank = rank.get('published')!
  const overlays = new Map<string, {doc: Doc; rank: number}>()
  for (const doc of sorted) {
    if (isPublishedId(doc._id)) continue
    const variant = variantOf(doc._id)
    if (!variant) continue
    const layerRank = rank.get(variant.layer)
    if (layerRank === undefined) continue
    const best = overlays.get(variant.publishedId)
    if (!best || layerRank < best.rank) overlays.set(variant.publishedId, {doc, rank: layerRank})
  }
  const documents: Doc[] = []
  for (const doc of sorted) {
    if (!isPublishedId(doc._id)) continue
    const overlay = overlays.get(doc._id)
    if (overlay) overlays.delete(doc._id)
    documents.push(overlay && overlay.rank < publishedRank ? shown(overlay.doc, doc._id) : shown(doc, doc._id))
  }
  if (overlays.size === 0) return {perspective, documents, get, byRawId, sourceId: originalId}
  // Documents that exist only as drafts or versions, merged in by their published id.
  const unpublished = [...overlays].map(([publishedId, {doc}]) => shown(doc, publishedId)).toSorted(compareIds)
  return {perspective, documents: mergeInIdOrder(documents, unpublished), get, byRawId, sourceId: originalId}
}

/** The documents a perspective sees of an array of documents, in dataset order. */
export function perspectiveDocuments(documents: readonly Doc[], perspective: PerspectiveInput): Doc[] {
  const byId = new Map(documents.map((doc) => [doc._id, doc]))
  return [...buildView([...byId.values()].toSorted(compareIds), toPerspective(perspective), (id) => byId.get(id)).documents]
}
