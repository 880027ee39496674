import type {Doc} from './document-store.ts'

const withoutRev = (doc: Doc | null) => {
  if (!doc) return null
  const {_rev, ...rest} = doc
  return rest
}

/**
 * A change as mendoza effects, the format the Studio's listeners and history read: `[0, value]` is
 * mendoza's "replace with this value", so apply gives the new document and revert the old one.
 */
export function wholeValueEffects(before: Doc | null, after: Doc | null) {
  return {apply: [0, withoutRev(after)], revert: [0, withoutRev(before)]}
}
