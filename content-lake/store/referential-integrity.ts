import {LakeError} from '../errors.ts'
import type {Doc} from './document-store.ts'
import type {Indexes} from './indexes.ts'
import {stronglyReferencedIds} from './references.ts'

// A 409 names at most this many referring documents: enough to find them, short enough to read.
const NAMED = 10

const list = (ids: string[]) => (ids.length > NAMED ? `${ids.slice(0, NAMED).join(', ')} and ${ids.length - NAMED} more` : ids.join(', '))

/**
 * The hosted lake's referential integrity, judged on the dataset as the transaction leaves it: a
 * document that strong references point at may not be deleted (unpublishing deletes the published
 * document), and a strong reference a transaction adds must point at a document that exists. Weak
 * references (`_weak: true`) are free both ways. Throws 409 naming the documents involved.
 */
export function assertReferentialIntegrity(changes: ReadonlyMap<string, Doc | null>, stored: {get(id: string): Doc | undefined; has(id: string): boolean}, indexes: Indexes) {
  const existsAfter = (id: string) => (changes.has(id) ? changes.get(id) !== null : stored.has(id))
  for (const [id, doc] of changes) {
    if (doc !== null || !stored.has(id)) continue
    const stillRefers = (referrer: string) => referrer !== id && (!changes.has(referrer) || stronglyReferencedIds(changes.get(referrer)).has(id))
    const referrers = [...indexes.idsStronglyReferencing(id)].filter(stillRefers)
    if (referrers.length > 0) {
      throw new LakeError(
        409,
        'documentHasExistingReferencesError',
        `Cannot delete "${id}": ${referrers.length === 1 ? 'the document' : `${referrers.length} documents`} ${list(referrers.toSorted())} ${referrers.length === 1 ? 'refers' : 'refer'} to it with a strong reference. Remove those references or make them weak (in the same transaction or before), or unpublish those documents first.`,
      )
    }
  }
  for (const [id, doc] of changes) {
    if (!doc) continue
    const before = stored.get(id)
    const held = before ? stronglyReferencedIds(before) : new Set<string>()
    const missing = [...stronglyReferencedIds(doc)].filter((ref) => !held.has(ref) && ref !== id && !existsAfter(ref))
    if (missing.length > 0) {
      throw new LakeError(
        409,
        'referenceToMissingDocument',
        `"${id}" would have a strong reference to ${list(missing.map((ref) => `"${ref}"`))}, which does not exist. Create it first (or in the same transaction), or make the reference weak ("_weak": true).`,
      )
    }
  }
}
