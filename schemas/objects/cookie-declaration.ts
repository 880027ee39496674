import {DatabaseIcon} from '@sanity/icons/Database'
import {defineField, defineType} from 'sanity'

import {checkCookieCategory, type CookieCategoryLike} from '../rules/cookie-consent.ts'
import {requiredRule, requiredTextRule} from '../fields/own-messages.ts'

/** One cookie (or a family of cookies matching a pattern) in the per-cookie audit regulators ask for. */
export const cookieDeclaration = defineType({
  name: 'cookieDeclaration',
  title: 'Cookie',
  type: 'object',
  icon: DatabaseIcon,
  fields: [
    defineField({
      name: 'name',
      title: 'Name or pattern',
      type: 'string',
      description: 'The cookie\'s name, or a pattern such as "_ga_*" for a family of cookies.',
      validation: (rule) => [rule, requiredTextRule(rule, 'Enter the cookie name or pattern')],
    }),
    defineField({name: 'provider', type: 'string', description: 'Who sets it, for example "This site" or "Google Analytics".'}),
    defineField({
      name: 'party',
      type: 'string',
      options: {
        list: [
          {title: 'First party (this site)', value: 'first'},
          {title: 'Third party', value: 'third'},
        ],
        layout: 'radio',
        direction: 'horizontal',
      },
      initialValue: 'first',
      validation: (rule) => [rule, requiredRule(rule, 'Choose whether this site or a third party sets the cookie')],
    }),
    defineField({
      name: 'category',
      type: 'string',
      description: 'The key of the category this cookie belongs to, for example "necessary".',
      validation: (rule) => [
        rule.custom((key, context) => checkCookieCategory(key, (context.document as {categories?: CookieCategoryLike[]} | undefined)?.categories)),
        requiredTextRule(rule, 'Enter the key of the cookie\'s category'),
      ],
    }),
    defineField({
      name: 'purpose',
      type: 'text',
      rows: 2,
      validation: (rule) => [rule, requiredTextRule(rule, 'Say what the cookie is for')],
    }),
    defineField({
      name: 'duration',
      type: 'string',
      description: 'How long it is kept, for example "Session" or "13 months".',
      validation: (rule) => [rule, requiredTextRule(rule, 'Say how long the cookie is kept')],
    }),
  ],
  preview: {
    select: {title: 'name', category: 'category', party: 'party', duration: 'duration'},
    prepare: ({title, category, party, duration}) => ({
      title,
      subtitle: [category, party === 'third' ? 'third party' : 'first party', duration].filter(Boolean).join(' · '),
    }),
  },
})
