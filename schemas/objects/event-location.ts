import {PinIcon} from '@sanity/icons/Pin'
import {defineField, defineType} from 'sanity'

import {checkCountryCode} from '../rules/country-code.ts'

export const eventLocation = defineType({
  name: 'eventLocation',
  title: 'Location',
  type: 'object',
  icon: PinIcon,
  fields: [
    defineField({name: 'venue', type: 'string', description: 'The building or venue, for example "EPO Isar building".'}),
    defineField({name: 'city', type: 'string'}),
    defineField({
      name: 'country',
      type: 'string',
      description: 'ISO 3166-1 two-letter code, for example KR.',
      validation: (rule) => rule.custom(checkCountryCode),
    }),
  ],
})
