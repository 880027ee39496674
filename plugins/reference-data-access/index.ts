import {definePlugin, type ConditionalProperty, type SchemaTypeDefinition} from 'sanity'

import {readOnlyNoticeInput} from './notice.tsx'
import {ADMINISTRATOR_ROLE, hasAnyRole} from './roles.ts'

export interface ReferenceDataAccessOptions {
  /** Document types only the given roles may create, edit or delete. */
  types: readonly string[]
  /** Roles that keep the reference data. Default: administrator. */
  editorRoles?: readonly string[]
}

/**
 * Reference data (offices, people, forums) is kept by administrators. Everyone else sees it read-only,
 * cannot create or delete it, and still picks it in references. Content Lake permissions remain the
 * real boundary in production; this keeps the Studio honest about them.
 */
export const referenceDataAccess = definePlugin<ReferenceDataAccessOptions>(
  ({types, editorRoles = [ADMINISTRATOR_ROLE]}) => {
    const protectedTypes = new Set(types)
    const mayEdit = (user: Parameters<typeof hasAnyRole>[0]) => hasAnyRole(user, editorRoles)

    const lockForOthers = (type: SchemaTypeDefinition): SchemaTypeDefinition => {
      const own = (type as {readOnly?: ConditionalProperty}).readOnly
      const readOnly: ConditionalProperty = (context) =>
        !mayEdit(context.currentUser) || (typeof own === 'function' ? own(context) : own === true)
      // A word of why, above the form: without it the read-only form looked broken.
      const components = (type as {components?: {input?: unknown}}).components
      const input = components?.input ?? readOnlyNoticeInput(type.title ?? type.name, mayEdit)
      return {...type, readOnly, components: {...components, input}} as SchemaTypeDefinition
    }

    return {
      name: 'ip-news-reference-data-access',
      schema: {
        types: (prev) => prev.map((type) => (protectedTypes.has(type.name) ? lockForOthers(type) : type)),
      },
      document: {
        // Default templates carry the type's name as their id.
        newDocumentOptions: (prev, {currentUser}) =>
          mayEdit(currentUser) ? prev : prev.filter((item) => !protectedTypes.has(item.templateId)),
        actions: (prev, {schemaType, currentUser}) =>
          protectedTypes.has(schemaType) && !mayEdit(currentUser) ? [] : prev,
      },
    }
  },
)
