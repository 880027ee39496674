import {LakeError} from '../errors.ts'
import {LIMITS} from '../limits.ts'
import {TransactionPlan, type ApiMutation} from '../mutations/apply-mutations.ts'
import {assertValidId, publishedIdOf} from '../store/document-ids.ts'
import type {Doc, DocumentChange, DocumentStore} from '../store/document-store.ts'
import {strengthenOnPublish} from '../store/references.ts'
import {releaseMutations, type ReleaseContext} from './release-actions.ts'

/** A document action as the Studio posts it to /data/actions. */
export type DocumentAction = {actionType: string; [key: string]: unknown}

const systemFields = ({_rev, _updatedAt, _createdAt, ...rest}: Doc) => rest

function str(action: DocumentAction, key: string): string {
  const value = action[key]
  if (typeof value !== 'string' || !value) throw new LakeError(400, 'invalidAction', `${action.actionType} needs "${key}", a document id`)
  assertValidId(value)
  return value
}

const isDraftId = (id: string) => id.startsWith('drafts.')
const isVersionId = (id: string) => id.startsWith('versions.')

/** `publishedId` of an action: a document's own id, never a draft or release version id. */
function publishedIdFrom(action: DocumentAction): string {
  const id = str(action, 'publishedId')
  if (isDraftId(id) || isVersionId(id)) throw new LakeError(400, 'invalidAction', `${action.actionType}: publishedId "${id}" is a draft or version id; give the published document's id`)
  return id
}

/**
 * `draftId` of an edit or publish: the draft (`drafts.<publishedId>`) or a release version
 * (`versions.<release>.<publishedId>`) of publishedId, as the Studio sends for a document in a release.
 */
function draftOrVersionIdFor(action: DocumentAction, publishedId: string): string {
  return action.versionId !== undefined ? versionIdFrom(action, 'versionId', publishedId) : versionIdFrom(action, 'draftId', publishedId)
}

/** `draftId` of an action: exactly `drafts.<publishedId>`, so an action only ever touches one document. */
function draftIdFor(action: DocumentAction, publishedId: string): string {
  const id = str(action, 'draftId')
  if (id !== `drafts.${publishedId}`) throw new LakeError(400, 'invalidAction', `${action.actionType}: draftId must be "drafts.${publishedId}", the draft of publishedId, not "${id}"`)
  return id
}

/** A draft or release version id (`drafts.x`, `versions.<release>.x`), optionally of a given document. */
function versionIdFrom(action: DocumentAction, key: string, publishedId?: string): string {
  const id = str(action, key)
  if (!isDraftId(id) && !(isVersionId(id) && id.split('.').length >= 3)) {
    throw new LakeError(400, 'invalidAction', `${action.actionType}: ${key} must be a draft ("drafts.<id>") or release version ("versions.<release>.<id>") id, not "${id}"`)
  }
  if (publishedId !== undefined && publishedIdOf(id) !== publishedId) {
    throw new LakeError(400, 'invalidAction', `${action.actionType}: ${key} "${id}" is not a version of "${publishedId}"`)
  }
  return id
}

function attributesOf(action: DocumentAction, key: string): Doc {
  const value = action[key]
  if (!value || typeof value !== 'object' || Array.isArray(value) || typeof (value as Doc)._id !== 'string') {
    throw new LakeError(400, 'invalidAction', `${action.actionType} needs "${key}", a document with an _id`)
  }
  return value as Doc
}

/**
 * The mutations that carry out one action, given the documents as the transaction has left them so far.
 * Publish copies the draft to the published id and removes the draft; unpublish does the reverse.
 */
function mutationsFor(action: DocumentAction, context: ReleaseContext): ApiMutation[] {
  const current = context.current
  switch (action.actionType) {
    case 'sanity.action.document.create': {
      const attributes = attributesOf(action, 'attributes')
      if (action.publishedId !== undefined) {
        const publishedId = publishedIdFrom(action)
        if (attributes._id !== publishedId) versionIdFrom({...action, id: attributes._id}, 'id', publishedId)
      }
      return [action.ifExists === 'ignore' ? {createIfNotExists: attributes} : {create: attributes}]
    }
    case 'sanity.action.document.edit': {
      const publishedId = publishedIdFrom(action)
      const draftId = draftOrVersionIdFor(action, publishedId)
      const base = current(draftId) ?? current(publishedId)
      if (!base) throw new LakeError(404, 'documentNotFound', `Cannot edit "${publishedId}": neither it nor its draft exists`)
      return [{createIfNotExists: {...systemFields(base), _id: draftId}}, {patch: {...(action.patch as object), id: draftId}}]
    }
    case 'sanity.action.document.publish': {
      const publishedId = publishedIdFrom(action)
      const draftId = draftOrVersionIdFor(action, publishedId)
      const draft = current(draftId)
      if (!draft) throw new LakeError(409, 'noDraft', `Nothing to publish: "${draftId}" does not exist`)
      if (action.ifDraftRevisionId !== undefined && draft._rev !== action.ifDraftRevisionId) {
        throw new LakeError(409, 'conflict', `The draft of "${publishedId}" changed since it was read: revision ${draft._rev}, not ${String(action.ifDraftRevisionId)}`)
      }
      const published = current(publishedId)
      if (action.ifPublishedRevisionId !== undefined && published?._rev !== action.ifPublishedRevisionId) {
        throw new LakeError(409, 'conflict', `"${publishedId}" changed since it was read: revision ${published?._rev ?? '(none)'}, not ${String(action.ifPublishedRevisionId)}`)
      }
      const {_system, ...content} = systemFields(draft)
      return [{createOrReplace: {...strengthenOnPublish(content as Doc), _id: publishedId}}, {delete: {id: draftId}}]
    }
    case 'sanity.action.document.unpublish': {
      const publishedId = publishedIdFrom(action)
      const draftId = draftIdFor(action, publishedId)
      const published = current(publishedId)
      if (!published) throw new LakeError(409, 'notPublished', `"${publishedId}" is not published`)
      return [...(current(draftId) ? [] : [{create: {...systemFields(published), _id: draftId}}]), {delete: {id: publishedId}}]
    }
    case 'sanity.action.document.version.unpublish': {
      const publishedId = publishedIdFrom(action)
      const versionId = versionIdFrom(action, 'versionId', publishedId)
      const published = current(publishedId)
      if (!published) throw new LakeError(409, 'notPublished', `"${publishedId}" is not published`)
      const version = current(versionId)
      // The version then records that the release will unpublish the document.
      return [{createOrReplace: {...systemFields(version ?? published), _id: versionId, _system: {delete: true}}}]
    }
    case 'sanity.action.document.discard':
      return [{delete: {id: versionIdFrom(action, 'draftId')}}]
    case 'sanity.action.document.version.discard': {
      const versionId = versionIdFrom(action, 'versionId')
      if (!current(versionId)) throw new LakeError(409, 'documentNotFound', `Nothing to discard: "${versionId}" does not exist`)
      return [{delete: {id: versionId}}]
    }
    case 'sanity.action.document.version.create': {
      const publishedId = publishedIdFrom(action)
      if (action.document !== undefined) {
        const document = attributesOf(action, 'document')
        versionIdFrom({...action, id: document._id}, 'id', publishedId)
        return [{create: document}]
      }
      const versionId = versionIdFrom(action, 'versionId', publishedId)
      const baseId = str(action, 'baseId')
      if (publishedIdOf(baseId) !== publishedId) throw new LakeError(400, 'invalidAction', `baseId "${baseId}" is not a version of "${publishedId}"`)
      const base = current(baseId)
      if (!base) throw new LakeError(409, 'documentNotFound', `Cannot copy "${baseId}": it does not exist`)
      if (action.ifBaseRevisionId !== undefined && base._rev !== action.ifBaseRevisionId) {
        throw new LakeError(409, 'conflict', `"${baseId}" changed since it was read: revision ${base._rev}, not ${String(action.ifBaseRevisionId)}`)
      }
      return [{create: {...systemFields(base), _id: versionId}}]
    }
    case 'sanity.action.document.version.replace': {
      const document = attributesOf(action, 'document')
      versionIdFrom({...action, id: document._id}, 'id')
      if (!current(document._id)) throw new LakeError(409, 'documentNotFound', `Cannot replace "${document._id}": it does not exist`)
      return [{createOrReplace: document}]
    }
    case 'sanity.action.document.delete': {
      const publishedId = publishedIdFrom(action)
      const drafts = action.includeDrafts === undefined ? [] : action.includeDrafts
      if (!Array.isArray(drafts)) throw new LakeError(400, 'invalidAction', 'includeDrafts must be a list of draft or version ids')
      const versionIds = drafts.map((id, index) => versionIdFrom({...action, [`includeDrafts[${index}]`]: id}, `includeDrafts[${index}]`, publishedId))
      return [{delete: {id: publishedId}}, ...versionIds.map((id) => ({delete: {id}}))]
    }
    case 'sanity.action.document.replaceDraft': {
      const attributes = attributesOf(action, 'attributes')
      const publishedId = action.publishedId === undefined ? publishedIdOf(attributes._id) : publishedIdFrom(action)
      versionIdFrom({...action, id: attributes._id}, 'id', publishedId)
      return [{createOrReplace: attributes}]
    }
    default: {
      const mutations = releaseMutations(action, context)
      if (!mutations) throw new LakeError(400, 'unsupportedAction', `Action "${action.actionType}" is not supported by the local Content Lake`)
      return mutations
    }
  }
}

/** What planning actions may read besides the store. */
export interface PlanContext {
  /** A deleted document as it last existed (history), for unarchiving a release. */
  lastContent?: (id: string) => Doc | null
  now?: () => Date
}

/**
 * Plans a list of actions as one transaction's changes, each action seeing the ones before it. Each
 * action adds its few mutations to one plan, so planning is linear in the number of actions.
 */
export function planActions(store: DocumentStore, actions: DocumentAction[], options: PlanContext = {}): DocumentChange[] {
  if (!Array.isArray(actions) || actions.length === 0) throw new LakeError(400, 'invalidAction', 'Send {"actions": [...]} with at least one action')
  if (actions.length > LIMITS.mutationsPerTransaction) {
    throw new LakeError(413, 'tooManyActions', `One request may hold at most ${LIMITS.mutationsPerTransaction} actions: split it into several`)
  }
  const plan = new TransactionPlan(store)
  const context: ReleaseContext = {
    current: (id) => plan.current(id),
    idsWithPrefix: (prefix) => plan.idsWithPrefix(prefix),
    lastContent: options.lastContent ?? (() => null),
    now: options.now ?? (() => new Date()),
  }
  for (const action of actions) {
    if (!action || typeof action !== 'object' || typeof action.actionType !== 'string') throw new LakeError(400, 'invalidAction', 'Every action needs an actionType')
    for (const mutation of mutationsFor(action, context)) plan.apply(mutation)
  }
  return plan.changes()
}
