import {ImageIcon} from '@sanity/icons/Image'
import {defineField, defineType} from 'sanity'

import {checkAltText} from '../rules/alt-text.ts'

/** An image that always carries alternative text once something is uploaded. */
export const accessibleImage = defineType({
  name: 'accessibleImage',
  title: 'Image',
  type: 'image',
  icon: ImageIcon,
  options: {hotspot: true},
  fields: [
    defineField({
      name: 'alt',
      title: 'Alternative text',
      type: 'string',
      description: 'What the image shows, for screen readers and when it fails to load. Not a caption.',
      validation: (rule) => rule.custom((alt, context) => checkAltText(alt, context.parent as {asset?: unknown})),
    }),
    defineField({
      name: 'caption',
      type: 'string',
      description: 'Shown under the image. Credit the photographer here if needed.',
    }),
  ],
  preview: {
    select: {title: 'alt', subtitle: 'caption', media: 'asset'},
    prepare: ({title, subtitle, media}) => ({
      title: title || 'Image without alternative text',
      subtitle,
      media,
    }),
  },
})
