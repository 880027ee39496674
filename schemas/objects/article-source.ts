import {BookIcon} from '@sanity/icons/Book'
import {defineField, defineType} from 'sanity'

import {checkSourceNamed, checkSourceNotBoth} from '../rules/article-source.ts'
import {officesOnly} from '../fields/office-reference.ts'
import {urlRules} from '../fields/own-messages.ts'

/** Where an article's content comes from: an office in the reference data, or another organisation by name. */
export const articleSource = defineType({
  name: 'articleSource',
  title: 'Source',
  type: 'object',
  icon: BookIcon,
  fields: [
    defineField({
      name: 'office',
      type: 'reference',
      to: [{type: 'office'}],
      options: officesOnly,
      description: 'When the source is an IP office. Not in the list? Type the name under "Other organisation", or ask an administrator to add the office.',
    }),
    defineField({
      name: 'organisationName',
      title: 'Other organisation',
      type: 'string',
      description: 'When the source is not an office in the reference data, its name.',
    }),
    defineField({
      name: 'url',
      title: 'Address of the source',
      description: 'The page the article is based on.',
      type: 'url',
      validation: (rule) => urlRules(rule, {scheme: ['http', 'https']}, 'Enter an address starting with https:// or http://'),
    }),
  ],
  validation: (rule) => [rule.custom(checkSourceNamed), rule.custom(checkSourceNotBoth)],
  preview: {
    select: {office: 'office.name', organisationName: 'organisationName', subtitle: 'url'},
    prepare: ({office, organisationName, subtitle}) => ({title: office ?? organisationName ?? 'No source', subtitle}),
  },
})
