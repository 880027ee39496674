import {Mutation} from '@sanity/mutator'

import {LakeError} from '../errors.ts'
import {assertNesting, LIMITS} from '../limits.ts'
import {assertValidId, newTransactionId} from '../store/document-ids.ts'
import type {Doc, DocumentChange, DocumentStore} from '../store/document-store.ts'

/** A mutation as the HTTP API takes it: `{create: {...}}`, `{patch: {id, set, ...}}`, ... */
export type ApiMutation = Record<string, unknown>

const KINDS = ['create', 'createOrReplace', 'createIfNotExists', 'createVersion', 'patch', 'delete'] as const
type Kind = (typeof KINDS)[number]
const PATCH_OPERATIONS = ['set', 'setIfMissing', 'unset', 'inc', 'dec', 'insert', 'diffMatchPatch', 'merge']

function kindOf(mutation: ApiMutation): Kind {
  if (!mutation || typeof mutation !== 'object' || Array.isArray(mutation)) {
    throw new LakeError(400, 'invalidMutation', `A mutation is an object such as {"create": {...}}, not ${JSON.stringify(mutation)}`)
  }
  const keys = Object.keys(mutation)
  const kind = keys[0]
  if (keys.length !== 1 || !KINDS.includes(kind as Kind)) {
    throw new LakeError(400, 'invalidMutation', `Unknown mutation ${JSON.stringify(keys)}: use one of ${KINDS.join(', ')}`)
  }
  return kind as Kind
}

/**
 * Where a value holds a key named `hasOwnProperty` (a path such as `body[2].hasOwnProperty`), if it does.
 * groq-js reads fields with the object's own `hasOwnProperty`, and @sanity/mutator too: one document
 * with such a field made every `match` and `score()` query over its type fail, for everyone, and every
 * patch to it. Walked with a stack, as the nesting is checked.
 */
function reservedKeyPath(value: unknown): string | undefined {
  // Each entry knows its parent and its key or index: the path is spelled out only for the key found.
  type Entry = {value: unknown; parent?: Entry; step?: string | number}
  const pathOf = (entry: Entry, key: string) => {
    const steps: (string | number)[] = [key]
    for (let at: Entry | undefined = entry; at?.parent; at = at.parent) steps.unshift(at.step!)
    return steps.map((step, index) => (typeof step === 'number' ? `[${step}]` : index === 0 ? step : `.${step}`)).join('')
  }
  const stack: Entry[] = [{value}]
  while (stack.length > 0) {
    const entry = stack.pop()!
    const current = entry.value
    if (!current || typeof current !== 'object') continue
    if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push({value: item, parent: entry, step: index}))
      continue
    }
    for (const [key, child] of Object.entries(current)) {
      if (key === 'hasOwnProperty') return pathOf(entry, key)
      stack.push({value: child, parent: entry, step: key})
    }
  }
  return undefined
}

/** What every stored document must be: a valid id, a type, no deeper than the nesting limit, and readable by GROQ. */
function assertStorable(doc: Doc, what: string) {
  assertValidId(doc._id)
  if (typeof doc._type !== 'string' || doc._type.trim() === '') {
    throw new LakeError(400, 'invalidDocumentType', `${what} of "${doc._id}": the document needs a _type, a non-empty string (got ${JSON.stringify(doc._type) ?? 'nothing'})`)
  }
  assertNesting(doc, `${what} of "${doc._id}"`)
  const reserved = reservedKeyPath(doc)
  if (reserved !== undefined) {
    throw new LakeError(400, 'invalidDocument', `${what} of "${doc._id}": a field named "hasOwnProperty" (${reserved}) cannot be stored in the local Content Lake, whose GROQ and patches (groq-js, @sanity/mutator) fail on documents holding one: rename the field`)
  }
}

function documentBody(kind: string, value: unknown, generateId: boolean): Doc {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new LakeError(400, 'invalidMutation', `${kind} takes a document object`)
  const doc = {...(value as Doc)}
  if (doc._id === undefined && generateId) doc._id = newTransactionId()
  assertStorable(doc, kind)
  return doc
}

/**
 * The changes of one transaction, built one mutation at a time, each evaluated against the store as
 * the transaction has left it so far. Patches are applied by @sanity/mutator. Every step costs the
 * same however many came before, so a long transaction plans in linear time. Throws LakeError (4xx)
 * on anything invalid; nothing is committed then.
 */
export class TransactionPlan {
  private readonly store: DocumentStore
  private readonly pending = new Map<string, Doc | null>()
  private readonly ifRevision = new Map<string, string>()

  constructor(store: DocumentStore) {
    this.store = store
  }

  /** The document as the transaction has left it so far, or null. */
  current(id: string): Doc | null {
    return this.pending.has(id) ? this.pending.get(id)! : (this.store.get(id) ?? null)
  }

  /** The ids under a prefix (`versions.r1.`) as the transaction has left them so far, in `_id` order. */
  idsWithPrefix(prefix: string): string[] {
    const ids = new Set<string>()
    for (const id of this.store.ids()) if (id.startsWith(prefix)) ids.add(id)
    for (const id of this.pending.keys()) if (id.startsWith(prefix)) ids.add(id)
    return [...ids].filter((id) => this.current(id)).toSorted()
  }

  /** The document as it was before the transaction, or null. */
  original(id: string): Doc | null {
    return this.store.get(id) ?? null
  }

  apply(mutation: ApiMutation) {
    const kind = kindOf(mutation)
    const body = mutation[kind] as Record<string, unknown>
    switch (kind) {
      case 'create':
      case 'createVersion': {
        const doc = documentBody(kind, kind === 'createVersion' ? body?.document : body, kind === 'create')
        if (this.current(doc._id)) throw new LakeError(409, 'documentAlreadyExists', `Document "${doc._id}" already exists`)
        this.pending.set(doc._id, doc)
        return
      }
      case 'createOrReplace': {
        const doc = documentBody(kind, body, false)
        this.pending.set(doc._id, doc)
        return
      }
      case 'createIfNotExists': {
        const doc = documentBody(kind, body, false)
        if (!this.current(doc._id)) this.pending.set(doc._id, doc)
        return
      }
      case 'delete': {
        if (body && typeof body === 'object' && 'query' in body) throw mutationByQuery(kind)
        // A stored document whose id the rules refuse now (a nested "versions.r1.drafts.x" from before) can still be deleted.
        if (!(typeof body?.id === 'string' && this.current(body.id))) assertValidId(body?.id)
        this.pending.set(body.id as string, null)
        return
      }
      case 'patch':
        return this.patch(body)
    }
  }

  private patch(body: Record<string, unknown>) {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new LakeError(400, 'invalidPatch', 'patch takes an object: {"id": "...", "set": {...}}')
    if ('query' in body) throw mutationByQuery('patch')
    assertValidId(body.id)
    const id = body.id
    const operations = Object.keys(body).filter((key) => !['id', 'ifRevisionID'].includes(key))
    const unknown = operations.filter((operation) => !PATCH_OPERATIONS.includes(operation))
    if (unknown.length) throw new LakeError(400, 'invalidPatch', `Unknown patch operation ${unknown.join(', ')}: use ${PATCH_OPERATIONS.join(', ')}`)
    if (JSON.stringify(operations.map((operation) => body[operation])).includes('__proto__')) {
      // @sanity/mutator would set the prototype of the document instead of a field of that name.
      throw new LakeError(400, 'invalidPatch', `The patch to "${id}" names a path with "__proto__": rename that field`)
    }
    if (body.ifRevisionID !== undefined) this.expectRevision(id, body.ifRevisionID)
    const existing = this.current(id)
    if (!existing) throw new LakeError(404, 'documentNotFound', `Cannot patch "${id}": the document does not exist`)
    let patched: Doc | null
    try {
      patched = new Mutation({mutations: [{patch: {...body, ifRevisionID: undefined}}]} as never).apply(existing as never) as Doc | null
    } catch (error) {
      throw new LakeError(400, 'invalidPatch', `Cannot apply the patch to "${id}": ${(error as Error).message}`)
    }
    if (!patched || patched._id !== id) throw new LakeError(400, 'invalidPatch', `A patch cannot change or remove the _id of "${id}"`)
    assertStorable(patched, 'The patch')
    this.pending.set(id, patched)
  }

  /**
   * `ifRevisionID` is checked against the document as it was when the transaction began (the store
   * checks it again at commit); two different expectations for one document can never both hold.
   */
  private expectRevision(id: string, revision: unknown) {
    if (typeof revision !== 'string' || revision === '') {
      throw new LakeError(400, 'invalidPatch', `ifRevisionID of the patch to "${id}" must be a revision id (a string), not ${JSON.stringify(revision)}`)
    }
    const expected = this.ifRevision.get(id)
    if (expected !== undefined && expected !== revision) {
      throw new LakeError(409, 'conflict', `Patches to "${id}" in one transaction expect two revisions, ${expected} and ${revision}`)
    }
    this.ifRevision.set(id, revision)
  }

  changes(): DocumentChange[] {
    return [...this.pending.entries()].map(([id, after]) => ({id, after, ...(this.ifRevision.has(id) ? {ifRevisionId: this.ifRevision.get(id)} : {})}))
  }
}

function mutationByQuery(kind: string) {
  // The HTTP route turns these into mutations by id first (mutations-by-query.ts): a query reaching the plan came another way.
  return new LakeError(400, 'unsupportedMutation', `${kind} by query is taken by /data/mutate only: ${kind} each document by its id here`)
}

/** Turns API mutations into the changes of one transaction (see TransactionPlan). */
export function planMutations(store: DocumentStore, mutations: ApiMutation[]): DocumentChange[] {
  if (!Array.isArray(mutations) || mutations.length === 0) throw new LakeError(400, 'invalidMutation', 'Send a non-empty array of mutations')
  if (mutations.length > LIMITS.mutationsPerTransaction) {
    throw new LakeError(413, 'tooManyMutations', `A transaction may hold at most ${LIMITS.mutationsPerTransaction} mutations: split it into several`)
  }
  const plan = new TransactionPlan(store)
  for (const mutation of mutations) plan.apply(mutation)
  return plan.changes()
}
