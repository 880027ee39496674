import {PinIcon} from '@sanity/icons/Pin'
import {defineField, defineType} from 'sanity'

import {checkCountryCode} from '../rules/country-code.ts'
import {CountryCodeInput} from '../components/code-select-input.tsx'

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
      description: 'Pick the country by name; it is stored as its ISO 3166-1 code, for example KR.',
      components: {input: CountryCodeInput},
      validation: (rule) => rule.custom(checkCountryCode),
    }),
  ],
})
