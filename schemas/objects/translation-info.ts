import {TranslateIcon} from '@sanity/icons/Translate'
import {defineField, defineType} from 'sanity'

import {checkLanguageTag} from '../rules/language-tag.ts'
import {requiredTextRule, urlRules} from '../fields/own-messages.ts'
import {LanguageCodeInput} from '../components/code-select-input.tsx'

/** An article translated from another language: what it was translated from, and the note readers see. */
export const translationInfo = defineType({
  name: 'translationInfo',
  title: 'Translation',
  type: 'object',
  icon: TranslateIcon,
  fields: [
    defineField({
      name: 'originalLanguage',
      title: 'Original language',
      type: 'string',
      description: 'The language of the original, stored as its BCP 47 tag, for example zh-Hans.',
      components: {input: LanguageCodeInput},
      validation: (rule) => [rule.custom(checkLanguageTag), requiredTextRule(rule, 'Enter a language tag, for example zh-Hans')],
    }),
    defineField({name: 'originalTitle', title: 'Original title', type: 'string', description: 'The title in the original language.'}),
    defineField({
      name: 'originalUrl',
      title: 'Address of the original-language page',
      type: 'url',
      validation: (rule) => urlRules(rule, {scheme: ['http', 'https']}, 'Enter an address starting with https:// or http://'),
    }),
    defineField({
      name: 'note',
      type: 'string',
      description: 'Shown to readers, for example "Translated from CNIPA Website Chinese Version".',
    }),
  ],
  preview: {
    select: {title: 'note', language: 'originalLanguage'},
    prepare: ({title, language}) => ({title: title ?? 'Translation', subtitle: language ? `from ${language}` : undefined}),
  },
})
