import {definePlugin} from 'sanity'
import {structureTool} from 'sanity/structure'

import {schemaTypes} from '../../schemas/index.ts'
import {COOKIE_POLICY_ID, REFERENCE_DATA_TYPES} from '../../schemas/constants/ids.ts'
import {publishWithDate} from '../../studio/actions/publish-with-date.ts'
import {defaultDocumentNode} from '../../studio/document-views.ts'
import {structure} from '../../studio/structure.ts'
import {articleSectionTemplates, isArticleSectionTemplate} from '../../studio/templates.ts'
import {referenceDataAccess, type ReferenceDataAccessOptions} from '../reference-data-access/index.ts'
import {singletons} from '../singleton/index.ts'

export interface IpNewsOptions {
  /**
   * Add the structure tool with the package's desk structure. Set to false when your studio builds its
   * own structure: `structure` and `defaultDocumentNode` are exported for that.
   */
  structureTool?: boolean
  /** Roles that may create and edit offices, people and forums. Default: administrator. */
  referenceDataEditors?: ReferenceDataAccessOptions['editorRoles']
}

const ipNewsSchema = definePlugin({
  name: 'ip-news-schema',
  schema: {
    types: schemaTypes,
    templates: (prev) => [...prev, ...articleSectionTemplates],
  },
  document: {
    // The section templates are for "+" inside a section list; the Studio's global "Create" offers one "Article".
    newDocumentOptions: (prev, {creationContext}) =>
      creationContext.type === 'global' ? prev.filter((item) => !isArticleSectionTemplate(item.templateId)) : prev,
  },
})

/**
 * An article's publication time is set when it is first published, not when its draft is created.
 * After the structure tool, which adds Sanity's Publish: a studio with its own structure tool adds this
 * plugin after it, or wraps Publish with `publishWithDate` itself.
 */
export const articlePublishing = definePlugin({
  name: 'ip-news-article-publishing',
  document: {
    actions: (prev, {schemaType}) =>
      schemaType === 'article' ? prev.map((action) => (action.action === 'publish' ? publishWithDate(action) : action)) : prev,
  },
})

/**
 * The whole IP news model in one line: `plugins: [ipNews()]`. Adds the document and object types,
 * the desk structure, the cookie-policy singleton and the reference-data access rules.
 */
export const ipNews = definePlugin<IpNewsOptions | void>((options) => {
  const {structureTool: withStructure = true, referenceDataEditors} = options ?? {}
  return {
    name: 'sanity-plugin-ip-news',
    // Child plugins resolve in order, so the access rules below see the types this one adds.
    plugins: [
      ipNewsSchema(),
      ...(withStructure ? [structureTool({name: 'content', title: 'Content', structure, defaultDocumentNode})] : []),
      articlePublishing(),
      singletons({singletons: [{type: 'cookiePolicy', id: COOKIE_POLICY_ID}]}),
      referenceDataAccess({types: REFERENCE_DATA_TYPES, editorRoles: referenceDataEditors}),
    ],
  }
})

export {structure} from '../../studio/structure.ts'
export {defaultDocumentNode} from '../../studio/document-views.ts'
export {publishWithDate} from '../../studio/actions/publish-with-date.ts'
export {singletons, type Singleton, type SingletonOptions} from '../singleton/index.ts'
export {referenceDataAccess, type ReferenceDataAccessOptions} from '../reference-data-access/index.ts'
export {schemaTypes, COOKIE_POLICY_ID, REFERENCE_DATA_TYPES} from '../../schemas/index.ts'
