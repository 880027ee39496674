import {defineArrayMember, defineField, type FieldGroupDefinition} from 'sanity'

import {BASE_LANGUAGE, otherLanguages} from '../constants/languages.ts'
import {findDuplicates, type KeyedItem} from '../rules/duplicates.ts'
import {atItems} from '../rules/result.ts'

type LocalizedItem = KeyedItem & {language?: string; name?: string}

interface LocalizedNamesOptions {
  /** The list's field name, for example `localizedNames` beside `name`. */
  name: string
  title: string
  /** What the English value is called in messages: "name" or "title". */
  of: 'name' | 'title'
  description?: string
  group?: FieldGroupDefinition['name']
}

/**
 * The model's one shape for a name in several languages: the English value stays in its plain, required
 * string field (`name`, `title`), and the other languages are `localizedName` items ({language, name}) in
 * a list beside it, one per language. Queries pick `list[language == $language][0].name` and fall back to
 * the English field.
 */
export function localizedNames({name, title, of, description, group}: LocalizedNamesOptions) {
  return defineField({
    name,
    title,
    type: 'array',
    ...(group ? {group} : {}),
    description:
      description ?? `The ${of} in the site's other languages, for example Simplified Chinese (zh-Hans). Pages in a language without one show the English ${of}.`,
    of: [defineArrayMember({type: 'localizedName'})],
    validation: (rule) =>
      rule.custom((items) => {
        const list = Array.isArray(items) ? (items as LocalizedItem[]) : []
        const english = list.filter((item) => typeof item === 'object' && item?.language === BASE_LANGUAGE)
        if (english.length > 0) return atItems(english, () => `The English ${of} goes in the ${of} field above: remove this item`)
        return atItems(
          findDuplicates(list, (item) => item.language),
          (item) => `There is already a ${of} in ${item.language}: keep one per language`,
        )
      }),
  })
}

/**
 * For previews: the first name in one of the site's other default languages (国家知识产权局 for CNIPA),
 * or undefined. Previews cannot filter a list, so they select it whole and pick here.
 */
export function siteLanguageName(items: unknown): string | undefined {
  if (!Array.isArray(items)) return undefined
  for (const {id} of otherLanguages()) {
    const found = (items as LocalizedItem[]).find((item) => item?.language === id && typeof item.name === 'string' && item.name)
    if (found) return found.name
  }
  return undefined
}
