import {Mutation} from '@sanity/mutator'

import {LakeError} from '../errors.ts'
import {assertValidId, newTransactionId} from '../store/document-ids.ts'
import type {Doc, DocumentChange, DocumentStore} from '../store/document-store.ts'

/** A mutation as the HTTP API takes it: `{create: {...}}`, `{patch: {id, set, ...}}`, ... */
export type ApiMutation = Record<string, unknown>

const KINDS = ['create', 'createOrReplace', 'createIfNotExists', 'createVersion', 'patch', 'delete'] as const
const PATCH_OPERATIONS = ['set', 'setIfMissing', 'unset', 'inc', 'dec', 'insert', 'diffMatchPatch', 'merge']

function kindOf(mutation: ApiMutation): (typeof KINDS)[number] {
  const keys = Object.keys(mutation ?? {})
  const kind = keys[0]
  if (keys.length !== 1 || !KINDS.includes(kind as (typeof KINDS)[number])) {
    throw new LakeError(400, 'invalidMutation', `Unknown mutation ${JSON.stringify(keys)}: use one of ${KINDS.join(', ')}`)
  }
  return kind as (typeof KINDS)[number]
}

function documentBody(kind: string, value: unknown, generateId: boolean): Doc {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new LakeError(400, 'invalidMutation', `${kind} takes a document object`)
  const doc = {...(value as Doc)}
  if (doc._id === undefined && generateId) doc._id = newTransactionId()
  assertValidId(doc._id)
  if (typeof doc._type !== 'string' || !doc._type) throw new LakeError(400, 'invalidMutation', `${kind} of "${doc._id}": the document needs a _type`)
  return doc
}

/**
 * Turns API mutations into the changes of one transaction, evaluated in order against the store as
 * the transaction leaves it so far. Patches are applied by @sanity/mutator. Throws LakeError (4xx)
 * on anything invalid; nothing is committed then.
 */
export function planMutations(store: DocumentStore, mutations: ApiMutation[]): DocumentChange[] {
  if (!Array.isArray(mutations) || mutations.length === 0) throw new LakeError(400, 'invalidMutation', 'Send a non-empty array of mutations')
  const pending = new Map<string, Doc | null>()
  const ifRevision = new Map<string, string>()
  const current = (id: string) => (pending.has(id) ? pending.get(id)! : (store.get(id) ?? null))

  for (const mutation of mutations) {
    const kind = kindOf(mutation)
    const body = mutation[kind] as Record<string, unknown>
    switch (kind) {
      case 'create':
      case 'createVersion': {
        const doc = documentBody(kind, kind === 'createVersion' ? body?.document : body, kind === 'create')
        if (current(doc._id)) throw new LakeError(409, 'documentAlreadyExists', `Document "${doc._id}" already exists`)
        pending.set(doc._id, doc)
        break
      }
      case 'createOrReplace': {
        const doc = documentBody(kind, body, false)
        pending.set(doc._id, doc)
        break
      }
      case 'createIfNotExists': {
        const doc = documentBody(kind, body, false)
        if (!current(doc._id)) pending.set(doc._id, doc)
        break
      }
      case 'delete': {
        assertValidId(body?.id)
        pending.set(body.id, null)
        break
      }
      case 'patch': {
        assertValidId(body?.id)
        const id = body.id
        const operations = Object.keys(body).filter((key) => !['id', 'ifRevisionID', 'query'].includes(key))
        const unknown = operations.filter((operation) => !PATCH_OPERATIONS.includes(operation))
        if (unknown.length) throw new LakeError(400, 'invalidPatch', `Unknown patch operation ${unknown.join(', ')}: use ${PATCH_OPERATIONS.join(', ')}`)
        const existing = current(id)
        if (!existing) throw new LakeError(404, 'documentNotFound', `Cannot patch "${id}": the document does not exist`)
        if (typeof body.ifRevisionID === 'string' && !pending.has(id)) ifRevision.set(id, body.ifRevisionID)
        let patched: Doc | null
        try {
          patched = new Mutation({mutations: [{patch: {...body, ifRevisionID: undefined}}]} as never).apply(existing as never) as Doc | null
        } catch (error) {
          throw new LakeError(400, 'invalidPatch', `Cannot apply the patch to "${id}": ${(error as Error).message}`)
        }
        pending.set(id, patched)
        break
      }
    }
  }
  return [...pending.entries()].map(([id, after]) => ({id, after, ...(ifRevision.has(id) ? {ifRevisionId: ifRevision.get(id)} : {})}))
}
