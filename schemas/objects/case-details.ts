import {CaseIcon} from '@sanity/icons/Case'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {checkEcli} from '../rules/ecli.ts'
import {requiredTextRule} from '../fields/own-messages.ts'

/** The facts of a court or office decision reported in the Cases section. */
export const caseDetails = defineType({
  name: 'caseDetails',
  title: 'Case details',
  type: 'object',
  icon: CaseIcon,
  fields: [
    defineField({
      name: 'court',
      type: 'string',
      description: 'The court or board, for example "UPC Court of Appeal" or "EPO Enlarged Board of Appeal".',
      validation: (rule) => [rule, requiredTextRule(rule, 'Enter the court or board that decided the case')],
    }),
    defineField({
      name: 'caseNumber',
      title: 'Case number',
      type: 'string',
      description: 'The docket or file number as the court writes it.',
      validation: (rule) => [rule, requiredTextRule(rule, 'Enter the case number')],
    }),
    defineField({
      name: 'ecli',
      title: 'ECLI',
      type: 'string',
      description: 'European Case Law Identifier, where the court assigns one.',
      validation: (rule) => rule.custom(checkEcli),
    }),
    defineField({name: 'decisionDate', title: 'Decision date', type: 'date'}),
    defineField({
      name: 'parties',
      type: 'array',
      of: [defineArrayMember({type: 'caseParty'})],
    }),
    defineField({
      name: 'outcome',
      type: 'text',
      rows: 3,
      description: 'What was decided, in a sentence or two.',
    }),
  ],
  preview: {
    select: {court: 'court', caseNumber: 'caseNumber', date: 'decisionDate'},
    prepare: ({court, caseNumber, date}) => ({
      title: [court, caseNumber].filter(Boolean).join(', ') || 'Case',
      subtitle: date,
    }),
  },
})
