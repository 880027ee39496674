import {createWorkspaceFromConfig, pathToString, validateDocument, type CurrentUser, type SanityDocument, type Workspace} from 'sanity'

import {createInMemoryClient} from '../../offline/in-memory-client.ts'
import config from '../../sanity.config.ts'
import {administrator} from './users.ts'

type Doc = {_id: string; _type: string; [key: string]: unknown}

/** The Studio's own workspace, resolved from sanity.config.ts, for a user, over an in-memory dataset. */
export async function workspaceFor(user: CurrentUser = administrator, documents: readonly Doc[] = []): Promise<Workspace> {
  const client = createInMemoryClient(documents)
  return createWorkspaceFromConfig({...config, currentUser: user, getClient: () => client})
}

let validationWorkspace: Promise<Workspace> | undefined

export interface Marker {
  level: string
  message: string
  path: string
}

/**
 * Validates a document the way `sanity documents validate` does: the workspace's compiled schema and
 * every rule in it, built-in and custom, with `dataset` standing in for the Content Lake.
 */
export async function validate(document: Doc, dataset: readonly Doc[] = []): Promise<Marker[]> {
  const all = [...dataset, document]
  const client = createInMemoryClient(all)
  // Rules query through the getClient given here, so one compiled workspace serves every dataset.
  validationWorkspace ??= workspaceFor(administrator)
  const workspace = await validationWorkspace
  const ids = new Set(all.map((doc) => doc._id))
  const markers = await validateDocument({
    document: document as SanityDocument,
    workspace,
    environment: 'studio',
    getClient: () => client,
    getDocumentExists: ({id}) => Promise.resolve(ids.has(id)),
  })
  return markers.map((marker) => ({
    level: marker.level,
    message: marker.message,
    path: pathToString(marker.path),
  }))
}

/** Messages of errors only, the ones that block publishing. */
export async function errorsOf(document: Doc, dataset: readonly Doc[] = []): Promise<Marker[]> {
  return (await validate(document, dataset)).filter((marker) => marker.level === 'error')
}
