import {TagIcon} from '@sanity/icons/Tag'
import {defineField, defineType} from 'sanity'

import {checkNotBefore} from '../rules/date-order.ts'
import {requiredRule, requiredTextRule} from '../fields/own-messages.ts'
import {localizedNames} from '../fields/localized-names.ts'

/** A post a person held at an office for a time. Open-ended while it lasts. */
export const position = defineType({
  name: 'position',
  title: 'Position',
  type: 'object',
  icon: TagIcon,
  fields: [
    defineField({
      name: 'title',
      type: 'string',
      description: 'The official title, for example "Deputy Commissioner for Patents".',
      validation: (rule) => [rule, requiredTextRule(rule, 'Enter the title of the position')],
    }),
    localizedNames({name: 'localizedTitles', title: 'Title in other languages', of: 'title'}),
    defineField({
      name: 'office',
      type: 'reference',
      to: [{type: 'office'}],
      validation: (rule) => [rule, requiredRule(rule, 'Choose the office where the position is held')],
    }),
    defineField({name: 'startDate', title: 'Start', type: 'date'}),
    defineField({
      name: 'endDate',
      title: 'End',
      type: 'date',
      description: 'Leave empty while the person holds the position.',
      validation: (rule) =>
        rule.custom((end, context) =>
          checkNotBefore(
            end,
            (context.parent as {startDate?: string} | undefined)?.startDate,
            'The position cannot end before it starts: set the end on or after the start date',
          ),
        ),
    }),
  ],
  preview: {
    select: {title: 'title', office: 'office.abbreviation', start: 'startDate', end: 'endDate'},
    prepare: ({title, office, start, end}) => ({
      title: office ? `${title}, ${office}` : title,
      subtitle: start || end ? `${start ?? '?'} – ${end ?? 'present'}` : undefined,
    }),
  },
})
