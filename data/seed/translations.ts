import type {SeedTranslationMetadata} from './helpers.ts'

/** One language version of a document, as @sanity/document-internationalization stores it in its metadata. */
const version = (language: string, id: string) => ({
  _key: language,
  _type: 'internationalizedArrayReferenceValue' as const,
  language,
  value: {_type: 'reference' as const, _ref: id},
})

/**
 * The English article and its Chinese version, linked both ways: each finds the other through this document,
 * as the Studio's Translations menu links the versions it creates.
 */
export const translations: SeedTranslationMetadata[] = [
  {
    _id: 'translation-ip5-deputy-heads-2023',
    _type: 'translation.metadata',
    schemaTypes: ['article'],
    translations: [version('en', 'article-ip5-deputy-heads-2023'), version('zh-Hans', 'article-ip5-deputy-heads-2023-zh-hans')],
  },
]
