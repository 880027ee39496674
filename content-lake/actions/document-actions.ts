import {LakeError} from '../errors.ts'
import {planMutations, type ApiMutation} from '../mutations/apply-mutations.ts'
import type {Doc, DocumentChange, DocumentStore} from '../store/document-store.ts'

/** A document action as the Studio posts it to /data/actions. */
export type DocumentAction = {actionType: string; [key: string]: unknown}

const systemFields = ({_rev, _updatedAt, _createdAt, ...rest}: Doc) => rest

function str(action: DocumentAction, key: string): string {
  const value = action[key]
  if (typeof value !== 'string' || !value) throw new LakeError(400, 'invalidAction', `${action.actionType} needs "${key}"`)
  return value
}

/**
 * The mutations that carry out one action, given the documents as the transaction has left them so far.
 * Publish copies the draft to the published id and removes the draft; unpublish does the reverse.
 */
function mutationsFor(action: DocumentAction, current: (id: string) => Doc | undefined): ApiMutation[] {
  switch (action.actionType) {
    case 'sanity.action.document.create': {
      const attributes = action.attributes as Doc | undefined
      if (!attributes?._id) throw new LakeError(400, 'invalidAction', 'sanity.action.document.create needs attributes with an _id')
      return [action.ifExists === 'ignore' ? {createIfNotExists: attributes} : {create: attributes}]
    }
    case 'sanity.action.document.edit': {
      const draftId = str(action, 'draftId')
      const publishedId = str(action, 'publishedId')
      const base = current(draftId) ?? current(publishedId)
      if (!base) throw new LakeError(404, 'documentNotFound', `Cannot edit "${publishedId}": neither it nor its draft exists`)
      return [{createIfNotExists: {...systemFields(base), _id: draftId}}, {patch: {...(action.patch as object), id: draftId}}]
    }
    case 'sanity.action.document.publish': {
      const draftId = str(action, 'draftId')
      const publishedId = str(action, 'publishedId')
      const draft = current(draftId)
      if (!draft) throw new LakeError(409, 'noDraft', `Nothing to publish: "${draftId}" does not exist`)
      if (typeof action.ifDraftRevisionId === 'string' && draft._rev !== action.ifDraftRevisionId) {
        throw new LakeError(409, 'conflict', `The draft of "${publishedId}" changed since it was read: revision ${draft._rev}, not ${action.ifDraftRevisionId}`)
      }
      return [{createOrReplace: {...systemFields(draft), _id: publishedId}}, {delete: {id: draftId}}]
    }
    case 'sanity.action.document.unpublish': {
      const draftId = str(action, 'draftId')
      const publishedId = str(action, 'publishedId')
      const published = current(publishedId)
      if (!published) throw new LakeError(409, 'notPublished', `"${publishedId}" is not published`)
      return [...(current(draftId) ? [] : [{create: {...systemFields(published), _id: draftId}}]), {delete: {id: publishedId}}]
    }
    case 'sanity.action.document.discard':
      return [{delete: {id: str(action, 'draftId')}}]
    case 'sanity.action.document.delete': {
      const publishedId = str(action, 'publishedId')
      const drafts = Array.isArray(action.includeDrafts) ? (action.includeDrafts as string[]) : []
      return [{delete: {id: publishedId}}, ...drafts.map((id) => ({delete: {id}}))]
    }
    case 'sanity.action.document.replaceDraft': {
      const attributes = action.attributes as Doc | undefined
      if (!attributes?._id) throw new LakeError(400, 'invalidAction', 'sanity.action.document.replaceDraft needs attributes with an _id')
      return [{createOrReplace: attributes}]
    }
    default:
      throw new LakeError(400, 'unsupportedAction', `Action "${action.actionType}" is not supported by the local Content Lake`)
  }
}

/** Plans a list of actions as one transaction's changes, each action seeing the ones before it. */
export function planActions(store: DocumentStore, actions: DocumentAction[]): DocumentChange[] {
  if (!Array.isArray(actions) || actions.length === 0) throw new LakeError(400, 'invalidAction', 'Send {"actions": [...]} with at least one action')
  const mutations: ApiMutation[] = []
  let state = new Map<string, Doc | null>()
  const current = (id: string) => (state.has(id) ? (state.get(id) ?? undefined) : store.get(id))
  for (const action of actions) {
    if (!action || typeof action.actionType !== 'string') throw new LakeError(400, 'invalidAction', 'Every action needs an actionType')
    mutations.push(...mutationsFor(action, current))
    state = new Map(planMutations(store, mutations).map((change) => [change.id, change.after]))
  }
  return planMutations(store, mutations)
}
