import type {Article, CookiePolicy, Event, Forum, Office, Person, TranslationMetadata} from '../../sanity.types.ts'

/** A document as `sanity dataset import` takes it: the Content Lake adds the system fields. */
export type SeedDocument<T> = Omit<T, '_createdAt' | '_updatedAt' | '_rev'>

export type SeedOffice = SeedDocument<Office>
export type SeedPerson = SeedDocument<Person>
export type SeedForum = SeedDocument<Forum>
export type SeedEvent = SeedDocument<Event>
export type SeedArticle = SeedDocument<Article>
export type SeedCookiePolicy = SeedDocument<CookiePolicy>
export type SeedTranslationMetadata = SeedDocument<TranslationMetadata>

/** A reference; with a key when it sits in an array. */
export function ref(id: string): {_type: 'reference'; _ref: string}
export function ref(id: string, key: string): {_type: 'reference'; _ref: string; _key: string}
export function ref(id: string, key?: string) {
  return key === undefined ? {_type: 'reference' as const, _ref: id} : {_type: 'reference' as const, _ref: id, _key: key}
}

export const slug = (current: string) => ({_type: 'slug' as const, current})

/** A Portable Text paragraph with a stable key, so re-importing the seed changes nothing. */
export function paragraph(key: string, text: string) {
  return {
    _key: key,
    _type: 'block' as const,
    style: 'normal' as const,
    markDefs: [],
    children: [{_key: `${key}-s`, _type: 'span' as const, text, marks: []}],
  }
}
