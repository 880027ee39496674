import {LakeError} from '../errors.ts'
import {LIMITS} from '../limits.ts'
import type {ApiMutation} from '../mutations/apply-mutations.ts'
import type {Doc} from '../store/document-store.ts'
import {strengthenOnPublish} from '../store/references.ts'

/** What a release action reads of the transaction so far, and of history (for unarchive). */
export interface ReleaseContext {
  current: (id: string) => Doc | null
  /** Ids under a prefix (`versions.r1.`), as the transaction has left them so far. */
  idsWithPrefix: (prefix: string) => string[]
  /** A deleted document as it last existed, from history; null when history no longer has it. */
  lastContent: (id: string) => Doc | null
  now: () => Date
}

type Action = {actionType: string; [key: string]: unknown}

export const RELEASE_TYPE = 'system.release'
export const releaseDocumentId = (releaseId: string) => `_.releases.${releaseId}`
/** The release a release document's id names: `_.releases.r1` → `r1`. */
export const releaseIdOfDocument = (id: string) => id.slice('_.releases.'.length)
const versionPrefix = (releaseId: string) => `versions.${releaseId}.`

// As hosted: a release id is the second segment of `versions.<release>.<id>`, so it has no dot.
const RELEASE_ID = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,63}$/

function releaseIdOf(action: Action): string {
  const id = action.releaseId
  if (typeof id !== 'string' || !RELEASE_ID.test(id)) {
    throw new LakeError(400, 'invalidAction', `${action.actionType} needs "releaseId": letters, digits, "_" and "-" (not "${String(id)}"), as in versions.<releaseId>.<documentId>`)
  }
  return id
}

function existingRelease(action: Action, context: ReleaseContext, allowed: string[]): {id: string; release: Doc} {
  const releaseId = releaseIdOf(action)
  const release = context.current(releaseDocumentId(releaseId))
  if (!release) throw new LakeError(404, 'releaseNotFound', `Release "${releaseId}" does not exist: create it with sanity.action.release.create`)
  const state = String(release.state)
  if (!allowed.includes(state)) {
    throw new LakeError(409, 'invalidReleaseState', `${action.actionType.replace('sanity.action.', '')}: release "${releaseId}" is ${state}; this is possible only when it is ${allowed.join(' or ')}`)
  }
  return {id: releaseId, release}
}

const withoutSystemFields = ({_rev, _updatedAt, _createdAt, _system, ...rest}: Doc) => rest

/** The paths a patch names: the keys of set, setIfMissing, inc, dec, merge and diffMatchPatch, unset's items, insert's target. */
function patchedPaths(patch: Record<string, unknown>): string[] {
  return Object.entries(patch).flatMap(([operation, value]) => {
    if (operation === 'id' || operation === 'ifRevisionID') return []
    if (operation === 'unset') return Array.isArray(value) ? value.map(String) : ['']
    if (operation === 'insert') {
      const insert = (value ?? {}) as Record<string, unknown>
      return [String(insert.before ?? insert.after ?? insert.replace ?? '')]
    }
    return value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : ['']
  })
}

/**
 * Publishing a release, in one transaction: each version becomes its published document (references
 * marked `_strengthenOnPublish` made strong), or, when marked `_system.delete`, the published document
 * is deleted; the versions go, and the release records what it published.
 */
function publishRelease(releaseId: string, release: Doc, context: ReleaseContext): ApiMutation[] {
  const versionIds = context.idsWithPrefix(versionPrefix(releaseId))
  const mutations: ApiMutation[] = []
  const finalDocumentStates: {id: string}[] = []
  for (const versionId of versionIds) {
    const version = context.current(versionId)!
    const publishedId = versionId.slice(versionPrefix(releaseId).length)
    if ((version._system as {delete?: unknown} | undefined)?.delete === true) mutations.push({delete: {id: publishedId}})
    else mutations.push({createOrReplace: {...strengthenOnPublish(withoutSystemFields(version)), _id: publishedId}})
    mutations.push({delete: {id: versionId}})
    finalDocumentStates.push({id: publishedId})
  }
  const {publishAt: _publishAt, ...rest} = withoutSystemFields(release)
  return [...mutations, {createOrReplace: {...rest, state: 'published', publishedAt: context.now().toISOString(), finalDocumentStates}}]
}

/** The mutations of a `sanity.action.release.*` action, or undefined for any other action. */
export function releaseMutations(action: Action, context: ReleaseContext): ApiMutation[] | undefined {
  switch (action.actionType) {
    case 'sanity.action.release.create': {
      const releaseId = releaseIdOf(action)
      const metadata = action.metadata ?? {}
      if (typeof metadata !== 'object' || Array.isArray(metadata)) throw new LakeError(400, 'invalidAction', 'release.create: "metadata" is an object such as {"title": "...", "releaseType": "asap"}')
      if (context.current(releaseDocumentId(releaseId))) throw new LakeError(409, 'releaseAlreadyExists', `Release "${releaseId}" already exists: choose another releaseId`)
      const open = context.idsWithPrefix('_.releases.').filter((id) => ['active', 'scheduled'].includes(String(context.current(id)?.state)))
      if (open.length >= LIMITS.releases) throw new LakeError(409, 'releaseLimitExceededError', `A dataset may have ${LIMITS.releases} releases that are not published or archived: publish, archive or delete one first`)
      return [{create: {_id: releaseDocumentId(releaseId), _type: RELEASE_TYPE, name: releaseId, state: 'active', metadata: {releaseType: 'undecided', ...metadata}}}]
    }
    case 'sanity.action.release.edit': {
      const {id} = existingRelease(action, context, ['active', 'scheduled'])
      const patch = action.patch
      if (!patch || typeof patch !== 'object' || Array.isArray(patch)) throw new LakeError(400, 'invalidAction', 'release.edit needs "patch", such as {"set": {"metadata.title": "..."}}')
      // What a release is (its name, state, type, what it published) changes by the other release actions only.
      const touched = patchedPaths(patch as Record<string, unknown>).filter((path) => !/^(metadata|publishAt)\b/.test(path))
      if (touched.length > 0) throw new LakeError(400, 'invalidAction', `release.edit changes the release's metadata (and publishAt) only, not ${touched.map((path) => JSON.stringify(path)).join(', ')}`)
      return [{patch: {...(patch as object), id: releaseDocumentId(id)}}]
    }
    case 'sanity.action.release.publish': {
      const {id, release} = existingRelease(action, context, ['active', 'scheduled'])
      return publishRelease(id, release, context)
    }
    case 'sanity.action.release.archive': {
      const {id, release} = existingRelease(action, context, ['active'])
      const versionIds = context.idsWithPrefix(versionPrefix(id))
      // Archived versions leave the dataset; history keeps them for unarchive.
      return [...versionIds.map((versionId) => ({delete: {id: versionId}})), {createOrReplace: {...withoutSystemFields(release), state: 'archived', finalDocumentStates: versionIds.map((versionId) => ({id: versionId}))}}]
    }
    case 'sanity.action.release.unarchive': {
      const {id, release} = existingRelease(action, context, ['archived'])
      const states = Array.isArray(release.finalDocumentStates) ? (release.finalDocumentStates as {id?: unknown}[]) : []
      const restored = states.flatMap(({id: versionId}) => {
        if (typeof versionId !== 'string' || context.current(versionId)) return []
        const last = context.lastContent(versionId)
        return last ? [{createOrReplace: {...withoutSystemFields(last), ...(last._system ? {_system: last._system} : {}), _id: versionId}}] : []
      })
      const {finalDocumentStates: _final, ...rest} = withoutSystemFields(release)
      return [...restored, {createOrReplace: {...rest, _id: releaseDocumentId(id), state: 'active'}}]
    }
    case 'sanity.action.release.schedule': {
      const {release} = existingRelease(action, context, ['active'])
      const publishAt = typeof action.publishAt === 'string' ? Date.parse(action.publishAt) : Number.NaN
      if (Number.isNaN(publishAt)) throw new LakeError(400, 'invalidAction', 'release.schedule needs "publishAt", a date and time such as "2026-12-01T09:00:00Z"')
      return [{createOrReplace: {...withoutSystemFields(release), state: 'scheduled', publishAt: new Date(publishAt).toISOString()}}]
    }
    case 'sanity.action.release.unschedule': {
      const {release} = existingRelease(action, context, ['scheduled'])
      const {publishAt: _publishAt, ...rest} = withoutSystemFields(release)
      return [{createOrReplace: {...rest, state: 'active'}}]
    }
    case 'sanity.action.release.delete': {
      const {id} = existingRelease(action, context, ['archived', 'published'])
      return [{delete: {id: releaseDocumentId(id)}}]
    }
    default:
      return undefined
  }
}
