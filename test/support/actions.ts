import type {DocumentActionComponent, Workspace} from 'sanity'

/** Names of document actions: Sanity's own carry an `action` key; the tasks plugin's is known by its function name. */
export const actionNames = (actions: DocumentActionComponent[]) =>
  actions.map((action) => action.action ?? action.displayName ?? action.name)

/** The actions the workspace's resolvers give a draft of `schemaType`, by name. */
export function draftActions(workspace: Workspace, schemaType: string, documentId: string) {
  return actionNames(workspace.document.actions({schemaType, documentId, versionType: 'draft', releaseId: undefined}))
}
