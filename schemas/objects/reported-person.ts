import {UserIcon} from '@sanity/icons/User'
import {defineField, defineType} from 'sanity'

import {formatPersonName} from '../rules/person-name.ts'
import {requiredRule} from '../fields/own-messages.ts'

/** A person as a source reported them at one event: the title differs between sources, so it is kept here. */
export const reportedPerson = defineType({
  name: 'reportedPerson',
  title: 'Person with title as reported',
  type: 'object',
  icon: UserIcon,
  fields: [
    defineField({
      name: 'person',
      type: 'reference',
      to: [{type: 'person'}],
      validation: (rule) => [rule, requiredRule(rule, 'Choose the person')],
    }),
    defineField({
      name: 'titleAsReported',
      title: 'Title as reported',
      type: 'string',
      description: 'The title the source gives, for example "Vice President", even where it differs from the person\'s official position.',
    }),
  ],
  preview: {
    select: {givenName: 'person.givenName', familyName: 'person.familyName', nameOrder: 'person.nameOrder', subtitle: 'titleAsReported'},
    prepare: ({subtitle, ...name}) => ({title: formatPersonName(name) || 'No person chosen', subtitle}),
  },
})
