import {LinkIcon} from '@sanity/icons/Link'
import {defineField, defineType} from 'sanity'
import {requiredTextRule, urlRules} from '../fields/own-messages.ts'

/** A link to another site, limited to schemes that cannot run script (no javascript:, no data:). */
export const externalLink = defineType({
  name: 'externalLink',
  title: 'Link',
  type: 'object',
  icon: LinkIcon,
  fields: [
    defineField({
      name: 'href',
      title: 'Address',
      type: 'url',
      description: 'A full address starting with https://, http:// or mailto:',
      validation: (rule) => [
        ...urlRules(rule, {scheme: ['http', 'https', 'mailto']}, 'Enter an address starting with https://, http:// or mailto:'),
        requiredTextRule(rule, 'Enter an address starting with https://, http:// or mailto:'),
      ],
    }),
  ],
})
