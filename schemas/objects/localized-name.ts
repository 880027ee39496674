import {TranslateIcon} from '@sanity/icons/Translate'
import {defineField, defineType} from 'sanity'

import {checkLanguageTag} from '../rules/language-tag.ts'
import {requiredTextRule} from '../fields/own-messages.ts'
import {LanguageCodeInput} from '../components/code-select-input.tsx'

/**
 * A name or title in a language other than English, such as 国家知识产权局 (zh-Hans) for CNIPA: the one shape
 * of a localised string in the model (see schemas/fields/localized-names.ts).
 */
export const localizedName = defineType({
  name: 'localizedName',
  title: 'Name in another language',
  type: 'object',
  icon: TranslateIcon,
  fields: [
    defineField({
      name: 'language',
      type: 'string',
      description: 'Stored as its BCP 47 tag: zh-Hans, ja, ko, de, fr, ...',
      components: {input: LanguageCodeInput},
      validation: (rule) => [rule.custom(checkLanguageTag), requiredTextRule(rule, 'Enter a language tag, for example zh-Hans')],
    }),
    defineField({
      name: 'name',
      type: 'string',
      validation: (rule) => [rule, requiredTextRule(rule, 'Enter the name as written in that language')],
    }),
  ],
  preview: {
    select: {title: 'name', subtitle: 'language'},
  },
})
