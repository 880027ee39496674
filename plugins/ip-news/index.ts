import {documentInternationalization, useDeleteTranslationAction} from '@sanity/document-internationalization'
import {definePlugin} from 'sanity'
import {structureTool} from 'sanity/structure'

import {schemaTypes} from '../../schemas/index.ts'
import {COOKIE_POLICY_ID, REFERENCE_DATA_TYPES, STUDIO_API_VERSION} from '../../schemas/constants/ids.ts'
import {BASE_LANGUAGE, DEFAULT_LANGUAGES, type SiteLanguage} from '../../schemas/constants/languages.ts'
import {publishWithDate} from '../../studio/actions/publish-with-date.ts'
import {defaultDocumentNode} from '../../studio/document-views.ts'
import {structureFor} from '../../studio/structure.ts'
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
  /**
   * The languages articles are written and translated in, English first: `{id}` a BCP 47 tag, `{title}` what
   * editors see. Default: English (`en`) and Simplified Chinese (`zh-Hans`). English must be among them: it is
   * the language every name and title of the reference data is required in.
   */
  languages?: SiteLanguage[]
}

/** Document types translated document by document, each language version linked in a `translation.metadata` document. */
export const TRANSLATED_TYPES = ['article']

/** The document type @sanity/document-internationalization links the language versions of a document with. */
export const TRANSLATION_METADATA_TYPE = 'translation.metadata'

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
  const {structureTool: withStructure = true, referenceDataEditors, languages = [...DEFAULT_LANGUAGES]} = options ?? {}
  if (!languages.some((language) => language.id === BASE_LANGUAGE)) {
    throw new Error(`ipNews({languages}) must include English ("${BASE_LANGUAGE}"): names and titles are required in it`)
  }
  return {
    name: 'sanity-plugin-ip-news',
    // Child plugins resolve in order, so the access rules below see the types this one adds.
    plugins: [
      ipNewsSchema(),
      // Sanity's own document-level translations: the Translations menu on an article creates its version in
      // another language (a copy without the fields marked not to copy) and links both in a metadata document.
      documentInternationalization({
        supportedLanguages: languages,
        schemaTypes: TRANSLATED_TYPES,
        languageField: 'language',
        apiVersion: STUDIO_API_VERSION,
      }),
      ...(withStructure ? [structureTool({name: 'content', title: 'Content', structure: structureFor(languages), defaultDocumentNode})] : []),
      articlePublishing(),
      singletons({singletons: [{type: 'cookiePolicy', id: COOKIE_POLICY_ID}]}),
      referenceDataAccess({types: REFERENCE_DATA_TYPES, editorRoles: referenceDataEditors}),
    ],
    document: {
      // "Delete translation" takes a language version out of its metadata document first, so it can be deleted
      // (the metadata's references to it would otherwise keep it).
      actions: (prev, {schemaType}) => (TRANSLATED_TYPES.includes(schemaType) ? [...prev, useDeleteTranslationAction] : prev),
      // "New document" offers "Article" (in English) once: the translation plugin's per-language templates
      // ("English Article", ...) stay for the language lists in the structure, and its metadata documents are
      // made by the Translations menu, never by hand.
      newDocumentOptions: (prev, {creationContext}) =>
        creationContext.type === 'global'
          ? prev.filter(
              (item) =>
                item.templateId !== TRANSLATION_METADATA_TYPE &&
                !TRANSLATED_TYPES.some((type) => languages.some((language) => item.templateId === `${type}-${language.id}`)),
            )
          : prev,
    },
  }
})

export {structure, structureFor} from '../../studio/structure.ts'
export {DEFAULT_LANGUAGES, type SiteLanguage} from '../../schemas/constants/languages.ts'
export {defaultDocumentNode} from '../../studio/document-views.ts'
export {publishWithDate} from '../../studio/actions/publish-with-date.ts'
export {singletons, type Singleton, type SingletonOptions} from '../singleton/index.ts'
export {referenceDataAccess, type ReferenceDataAccessOptions} from '../reference-data-access/index.ts'
export {schemaTypes, COOKIE_POLICY_ID, REFERENCE_DATA_TYPES} from '../../schemas/index.ts'
export {
  sitePresentation,
  siteLocations,
  siteMainDocuments,
  SITE_PATHS,
  ENABLE_DRAFT_MODE_PATH,
  DEFAULT_PREVIEW_ORIGIN,
  type SitePaths,
  type SitePresentationOptions,
} from '../../studio/presentation.ts'
