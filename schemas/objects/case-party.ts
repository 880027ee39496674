import {UserIcon} from '@sanity/icons/User'
import {defineField, defineType} from 'sanity'
import {requiredRule, requiredTextRule} from '../fields/own-messages.ts'

export const casePartyRoles = [
  {title: 'Claimant / plaintiff', value: 'claimant'},
  {title: 'Defendant', value: 'defendant'},
  {title: 'Appellant', value: 'appellant'},
  {title: 'Respondent', value: 'respondent'},
  {title: 'Intervener', value: 'intervener'},
  {title: 'Patent or trademark owner', value: 'rightHolder'},
  {title: 'Opponent', value: 'opponent'},
  {title: 'Other', value: 'other'},
] as const

export const caseParty = defineType({
  name: 'caseParty',
  title: 'Party',
  type: 'object',
  icon: UserIcon,
  fields: [
    defineField({name: 'name', type: 'string', validation: (rule) => [rule, requiredTextRule(rule, 'Enter the party\'s name')]}),
    defineField({
      name: 'role',
      type: 'string',
      options: {list: [...casePartyRoles]},
      validation: (rule) => [rule, requiredRule(rule, 'Choose the party\'s role in the case')],
    }),
  ],
  preview: {
    select: {title: 'name', role: 'role'},
    prepare: ({title, role}) => ({title, subtitle: casePartyRoles.find((r) => r.value === role)?.title}),
  },
})
