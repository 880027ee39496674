import {definePlugin, type DocumentActionComponent} from 'sanity'

export interface Singleton {
  /** The document type that has exactly one document. */
  type: string
  /** The fixed `_id` of that document. */
  id: string
}

export interface SingletonOptions {
  singletons: Singleton[]
}

// The actions a singleton keeps: it can be edited and published, never removed, taken offline or copied.
const SINGLETON_ACTIONS = new Set(['publish', 'discardChanges', 'restore'])

export function keepSingletonActions(actions: DocumentActionComponent[]): DocumentActionComponent[] {
  return actions.filter(({action}) => action !== undefined && action !== null && SINGLETON_ACTIONS.has(action))
}

/**
 * Fixed-id documents (Sanity 6.16 has no first-class singletons): no templates, so they are absent
 * from every new-document menu, and no delete, unpublish or duplicate action. The structure opens
 * them by id.
 */
export const singletons = definePlugin<SingletonOptions>(({singletons: list}) => {
  const types = new Set(list.map((singleton) => singleton.type))
  return {
    name: 'ip-news-singletons',
    schema: {
      templates: (prev) => prev.filter((template) => !types.has(template.schemaType)),
    },
    document: {
      newDocumentOptions: (prev) => prev.filter((item) => !types.has(item.templateId)),
      actions: (prev, {schemaType}) => (types.has(schemaType) ? keepSingletonActions(prev) : prev),
    },
  }
})
