import {LakeError} from '../errors.ts'

// The Content Lake's id alphabet: letters, digits, ".", "_" and "-", not starting with "-", at most 128.
const validId = /^[A-Za-z0-9._][A-Za-z0-9._-]{0,127}$/

/**
 * A draft or version id names a published document after its prefix: "drafts.", "versions.r1." alone
 * name nothing, and none names another draft, version or system document ("versions.r1.drafts.x",
 * "versions.r1.versions.r2.x", "drafts._.releases.r1"), which publishing it would write, or an id the
 * lake refuses ("drafts.-x").
 */
function namesADocument(id: string): boolean {
  const named = id.startsWith('drafts.') ? id.slice('drafts.'.length) : id.startsWith('versions.') ? id.split('.').slice(2).join('.') : undefined
  return named === undefined || (validId.test(named) && !/^(drafts\.|versions\.|_\.)/.test(named))
}

/** Whether the Content Lake takes `id` as a document id. */
export function isValidDocumentId(id: unknown): id is string {
  return typeof id === 'string' && validId.test(id) && !id.includes('..') && !id.endsWith('.') && namesADocument(id)
}

export function assertValidId(id: unknown): asserts id is string {
  if (!isValidDocumentId(id)) {
    throw new LakeError(400, 'invalidDocumentId', `Document id ${JSON.stringify(id)} is not valid: use letters, digits, ".", "_" and "-", at most 128 characters, not starting with "-" nor ending with "."; a draft or version id names a published one ("drafts.x", "versions.<release>.x")`)
  }
}

/** "drafts.office-cn" and "versions.r1.office-cn" → "office-cn". */
export function publishedIdOf(id: string): string {
  if (id.startsWith('drafts.')) return id.slice('drafts.'.length)
  if (id.startsWith('versions.')) return id.split('.').slice(2).join('.')
  return id
}

/** A transaction id, also the new `_rev` of every document it changes. */
export function newTransactionId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  const bytes = crypto.getRandomValues(new Uint8Array(22))
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('')
}
