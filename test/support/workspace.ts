import {createWorkspaceFromConfig, type CurrentUser, type Workspace} from 'sanity'

import {createInMemoryClient} from '../../offline/in-memory-client.ts'
import type {Doc} from '../../offline/ndjson.ts'
import {validateOne} from '../../offline/validate-documents.ts'
import config from '../../sanity.config.ts'
import {administrator} from './users.ts'

/** The Studio's own workspace, resolved from sanity.config.ts, for a user, over an in-memory dataset. */
export async function workspaceFor(user: CurrentUser = administrator, documents: readonly Doc[] = []): Promise<Workspace> {
  const client = createInMemoryClient(documents)
  return createWorkspaceFromConfig({...config, currentUser: user, getClient: () => client})
}

// Rules query through the client given to each validation, so one compiled workspace serves every dataset.
let validationWorkspace: Promise<Workspace> | undefined

export interface Marker {
  level: string
  message: string
  path: string
}

/**
 * Validates a document the way the Studio does: the workspace's compiled schema and every rule in it,
 * built-in and custom, with `dataset` standing in for the Content Lake.
 */
export async function validate(document: Doc, dataset: readonly Doc[] = []): Promise<Marker[]> {
  validationWorkspace ??= workspaceFor(administrator)
  const problems = await validateOne(document, await validationWorkspace, [...dataset, document])
  return problems.map(({level, message, path}) => ({level, message, path}))
}

/** Messages of errors only, the ones that block publishing. */
export async function errorsOf(document: Doc, dataset: readonly Doc[] = []): Promise<Marker[]> {
  return (await validate(document, dataset)).filter((marker) => marker.level === 'error')
}
