import {DocumentsIcon} from '@sanity/icons/Documents'
import {defineField, defineType} from 'sanity'
import {requiredRule} from '../fields/own-messages.ts'

/** A link to another page of this site, kept right when the target's slug changes. */
export const internalLink = defineType({
  name: 'internalLink',
  title: 'Internal link',
  type: 'object',
  icon: DocumentsIcon,
  fields: [
    defineField({
      name: 'reference',
      title: 'Links to',
      type: 'reference',
      to: [{type: 'article'}, {type: 'office'}, {type: 'person'}, {type: 'event'}],
      validation: (rule) => [rule, requiredRule(rule, 'Choose the article, office, person or event to link to')],
    }),
  ],
})
