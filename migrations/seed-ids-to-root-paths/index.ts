import {at, createIfNotExists, defineMigration, delete_, patch, set, transaction, type Mutation, type NodePatch, type SanityDocument} from 'sanity/migrate'

import {publishedIdOf} from '../../content-lake/store/document-ids.ts'
import {rootPathId} from './root-path-id.ts'

export {rootPathId} from './root-path-id.ts'

type Segment = string | number | {_key: string}
type Stored = SanityDocument & {_id: string}

type MovedTo = (ref: string) => string | undefined

/** Every reference in a value to a document that moves: its path (keys where the array has them) and the new id. */
function movedReferences(value: unknown, movedTo: MovedTo, path: Segment[] = []): [Segment[], string][] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => movedReferences(item, movedTo, [...path, item && typeof item === 'object' && typeof item._key === 'string' ? {_key: item._key} : index]))
  }
  if (!value || typeof value !== 'object') return []
  const found: [Segment[], string][] = []
  for (const [key, child] of Object.entries(value)) {
    const to = key === '_ref' && typeof child === 'string' ? movedTo(child) : undefined
    if (to) found.push([[...path, '_ref'], to])
    else found.push(...movedReferences(child, movedTo, [...path, key]))
  }
  return found
}

/** A copy of a value with its references to moved documents pointing at their new ids. */
function withMovedReferences<T>(value: T, movedTo: MovedTo): T {
  if (Array.isArray(value)) return value.map((item) => withMovedReferences(item, movedTo)) as T
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key, key === '_ref' && typeof child === 'string' ? (movedTo(child) ?? child) : withMovedReferences(child, movedTo)]),
  ) as T
}

/**
 * Moves the documents an earlier seed put on dotted paths (`office.cn`) to root-path ids (`office-cn`):
 * a request without a token (a site on a public dataset, hosted or local) reads only root-path
 * documents, so it saw none of them. Each moved document keeps its content and `_createdAt` (its
 * history stays with the old id); every reference to it, in any document, drafts and versions
 * included, points at the new id. One transaction: the referential-integrity check sees the old
 * documents deleted only together with every reference moved. A document whose new id is taken is left
 * where it is, and so are the references to it; a second run finds nothing to do.
 *
 *   npx sanity migration run seed-ids-to-root-paths            (dry run)
 *   npx sanity migration run seed-ids-to-root-paths --no-dry-run
 */
export default defineMigration({
  title: 'Move the seed\'s documents from dotted ids (office.cn) to root-path ids (office-cn)',
  migrate: async function* (documents) {
    const all: Stored[] = []
    // Every exported document has an id: the runner's type leaves it optional.
    for await (const document of documents()) if (typeof document._id === 'string') all.push(document as Stored)
    const ids = new Set(all.map((document) => document._id))
    // A document stays where it is when its new id is taken; so do the references to it.
    const moving = new Set(all.filter((document) => rootPathId(document._id) && !ids.has(rootPathId(document._id)!)).map((document) => document._id))
    // References name published ids; a document that exists only as a draft or version moves too.
    const movingPublished = new Set([...moving].map(publishedIdOf))
    const movedTo: MovedTo = (ref) => (movingPublished.has(ref) ? rootPathId(ref) : undefined)

    const created: Mutation[] = []
    const repointed: Mutation[] = []
    const deleted: Mutation[] = []
    for (const document of all) {
      if (moving.has(document._id)) {
        const {_rev: _revision, _updatedAt: _updated, ...content} = withMovedReferences(document, movedTo)
        created.push(createIfNotExists({...content, _id: rootPathId(document._id)!}))
        deleted.push(delete_(document._id))
        continue
      }
      const references = movedReferences(document, movedTo)
      if (references.length === 0) continue
      const patches: NodePatch[] = references.map(([path, to]) => at(path, set(to)))
      repointed.push(patch(document._id, patches, document._rev ? {ifRevision: document._rev} : undefined))
    }
    if (created.length + repointed.length > 0) yield transaction([...created, ...repointed, ...deleted])
  },
})
