import {UsersIcon} from '@sanity/icons/Users'
import {defineField, defineType} from 'sanity'

import {delegationRoles} from '../constants/event-kinds.ts'
import {formatPersonName} from '../rules/person-name.ts'
import {MISSING_OFFICE_HINT, officesOnly} from '../fields/office-reference.ts'
import {requiredRule, withoutBuiltIns} from '../fields/own-messages.ts'

/** One office's delegation at an event: member or observer, its head, and who else came. */
export const delegation = defineType({
  name: 'delegation',
  title: 'Delegation',
  type: 'object',
  icon: UsersIcon,
  fields: [
    defineField({
      name: 'office',
      type: 'reference',
      description: MISSING_OFFICE_HINT,
      to: [{type: 'office'}],
      options: officesOnly,
      validation: (rule) => [rule, requiredRule(rule, 'Choose the office this delegation represents')],
    }),
    defineField({
      name: 'role',
      type: 'string',
      options: {list: [...delegationRoles], layout: 'radio', direction: 'horizontal'},
      initialValue: 'member',
      validation: (rule) => [rule, requiredRule(rule, 'Choose whether the office came as a member or an observer')],
    }),
    defineField({
      name: 'head',
      title: 'Head of delegation',
      type: 'reportedPerson',
      description: 'Leave empty when the source names no one, as for observers that "sent representatives".',
    }),
    defineField({
      name: 'members',
      type: 'array',
      description: 'Other people in the delegation, or the departments they came from when the source names no one.',
      of: [{type: 'reference', to: [{type: 'person'}, {type: 'office'}]}],
      validation: (rule) => [rule, withoutBuiltIns(rule).unique().error('Each person or department is listed once: remove the repeat')],
    }),
  ],
  preview: {
    select: {
      office: 'office.abbreviation',
      officeName: 'office.name',
      role: 'role',
      givenName: 'head.person.givenName',
      familyName: 'head.person.familyName',
      nameOrder: 'head.person.nameOrder',
    },
    prepare: ({office, officeName, role, ...head}) => ({
      title: `${office ?? officeName ?? 'No office chosen'}${role === 'observer' ? ' (observer)' : ''}`,
      subtitle: formatPersonName(head) ? `Led by ${formatPersonName(head)}` : 'Head not named',
    }),
  },
})
