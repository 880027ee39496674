import {LakeError} from '../errors.ts'
import type {ApiMutation} from './apply-mutations.ts'

/** Runs a query over the raw dataset and resolves to its result. */
export type RunQuery = (query: string, params: Record<string, unknown>) => Promise<unknown>

const byQuery = (mutation: ApiMutation): {kind: 'patch' | 'delete'; body: Record<string, unknown>} | undefined => {
  for (const kind of ['patch', 'delete'] as const) {
    const body = mutation?.[kind]
    if (body && typeof body === 'object' && !Array.isArray(body) && 'query' in body) return {kind, body: body as Record<string, unknown>}
  }
  return undefined
}

/** The ids of the documents a mutation's query selects (a query answering documents, or one document). */
function idsOf(result: unknown, kind: string, query: string): string[] {
  const items = Array.isArray(result) ? result : result === null ? [] : [result]
  return items.map((item) => {
    const id = (item as {_id?: unknown} | null)?._id
    if (typeof id !== 'string') throw new LakeError(400, 'invalidMutation', `${kind} by query: "${query}" must select documents (objects with an _id), such as *[_type == "x" && ...]`)
    return id
  })
}

/**
 * `{patch: {query, params, set...}}` and `{delete: {query, params}}` as the hosted API takes them:
 * each becomes one patch or delete per document the query selects, in the order it answers. A query
 * selecting nothing changes nothing. The other mutations come back as they are.
 */
export async function expandMutationsByQuery(mutations: ApiMutation[], run: RunQuery): Promise<ApiMutation[]> {
  if (!Array.isArray(mutations) || !mutations.some((mutation) => byQuery(mutation))) return mutations
  const expanded: ApiMutation[] = []
  for (const mutation of mutations) {
    const found = byQuery(mutation)
    if (!found) {
      expanded.push(mutation)
      continue
    }
    const {query, params = {}, id, ...operations} = found.body
    if (typeof query !== 'string' || !query.trim()) throw new LakeError(400, 'invalidMutation', `${found.kind} by query needs "query", a GROQ query selecting the documents`)
    if (id !== undefined) throw new LakeError(400, 'invalidMutation', `${found.kind} takes either "id" or "query", not both`)
    if (!params || typeof params !== 'object' || Array.isArray(params)) throw new LakeError(400, 'invalidMutation', `${found.kind} by query: "params" must be an object of parameter values`)
    for (const documentId of idsOf(await run(query, params as Record<string, unknown>), found.kind, query)) {
      expanded.push(found.kind === 'delete' ? {delete: {id: documentId}} : {patch: {...operations, id: documentId}})
    }
  }
  return expanded
}
