import type {DocumentActionComponent} from 'sanity'

/** Names of document actions: Sanity's own carry an `action` key; the tasks plugin's is known by its function name. */
export const actionNames = (actions: DocumentActionComponent[]) =>
  actions.map((action) => action.action ?? action.displayName ?? action.name)
