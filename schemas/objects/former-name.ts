import {RestoreIcon} from '@sanity/icons/Restore'
import {defineField, defineType} from 'sanity'
import {requiredRule, requiredTextRule} from '../fields/own-messages.ts'

/** A name an office used until a given date: SIPO until 2018, OHIM until 2016, KIPO until 2025. */
export const formerName = defineType({
  name: 'formerName',
  title: 'Former name',
  type: 'object',
  icon: RestoreIcon,
  fields: [
    defineField({
      name: 'name',
      type: 'string',
      validation: (rule) => [rule, requiredTextRule(rule, 'Enter the former name, for example "State Intellectual Property Office"')],
    }),
    defineField({name: 'abbreviation', type: 'string'}),
    defineField({
      name: 'until',
      title: 'Used until',
      type: 'date',
      description: 'The last day the name was in use.',
      validation: (rule) => [rule, requiredRule(rule, 'Enter the date the office stopped using this name')],
    }),
  ],
  preview: {
    select: {name: 'name', abbreviation: 'abbreviation', until: 'until'},
    prepare: ({name, abbreviation, until}) => ({
      title: abbreviation ? `${name} (${abbreviation})` : name,
      subtitle: until ? `until ${until}` : undefined,
    }),
  },
})
