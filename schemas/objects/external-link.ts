import {LinkIcon} from '@sanity/icons/Link'
import {defineField, defineType} from 'sanity'

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
      validation: (rule) =>
        rule
          .required()
          .uri({scheme: ['http', 'https', 'mailto']})
          .error('Enter an address starting with https://, http:// or mailto:'),
    }),
  ],
})
