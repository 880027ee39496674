import {CalendarIcon} from '@sanity/icons/Calendar'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {PartialDateInput} from '../components/partial-date-input.tsx'
import {datePrecisions, type DatePrecision} from '../constants/date-precisions.ts'
import {attendanceModes, eventKinds, type AttendanceMode} from '../constants/event-kinds.ts'
import {isUniqueAmongType} from '../dataset-checks/unique-slug.ts'
import {checkLocation, needsLocation, needsVideoNote} from '../rules/attendance.ts'
import {findDuplicates, referencedId, type KeyedItem} from '../rules/duplicates.ts'
import {checkDateMatchesPrecision, checkEndNotBeforeStart, formatPartialDate} from '../rules/partial-date.ts'
import {atItems} from '../rules/result.ts'
import {checkSlug, checkSlugPresent} from '../rules/slug.ts'
import {checkDocumentStructure} from '../dataset-checks/document-structure.ts'
import {MISSING_OFFICE_HINT, officesOnly} from '../fields/office-reference.ts'
import {requiredRule, requiredTextRule, requiredForTypes} from '../fields/own-messages.ts'
import {localizedNames} from '../fields/localized-names.ts'

type EventDocument = {
  datePrecision?: DatePrecision
  startDate?: string
  attendanceMode?: AttendanceMode
}
const eventOf = (document: unknown) => (document ?? {}) as EventDocument

export const event = defineType({
  name: 'event',
  title: 'Event',
  type: 'document',
  icon: CalendarIcon,
  validation: (rule) => rule.custom(checkDocumentStructure),
  groups: [
    {name: 'basics', title: 'Basics', default: true},
    {name: 'when', title: 'When and where'},
    {name: 'participants', title: 'Participants'},
    {name: 'agenda', title: 'Agenda'},
  ],
  fields: [
    defineField({
      name: 'title',
      type: 'string',
      group: 'basics',
      description: 'For example "2023 IP5 Deputy Heads of Office meeting".',
      validation: (rule) => [rule, requiredTextRule(rule, 'Give the event a title')],
    }),
    localizedNames({name: 'localizedTitles', title: 'Title in other languages', of: 'title', group: 'basics'}),
    defineField({
      name: 'slug',
      type: 'slug',
      group: 'basics',
      options: {source: 'title', maxLength: 96, isUnique: isUniqueAmongType},
      // Two parameters keep this a function, which schema extraction calls and so sees `requiredForTypes`.
      validation: (rule, _context) => [rule.custom(checkSlug).custom((slug) => checkSlugPresent(slug, 'Generate a slug from the title')), requiredForTypes(rule)],
    }),
    defineField({
      name: 'forum',
      type: 'reference',
      group: 'basics',
      description: 'The forum the event belongs to, such as IP5. Leave empty for an event outside any forum.',
      to: [{type: 'forum'}],
    }),
    defineField({
      name: 'kind',
      type: 'string',
      group: 'basics',
      options: {list: [...eventKinds]},
      initialValue: 'other',
      validation: (rule) => [rule, requiredRule(rule, 'Choose what kind of event this is')],
    }),
    defineField({name: 'summary', type: 'text', rows: 3, group: 'basics'}),
    defineField({
      name: 'datePrecision',
      title: 'How exact are the dates?',
      type: 'string',
      group: 'when',
      description: 'Sources often give only the month or the year. The date fields then ask for just that, and store the first day of that period.',
      options: {list: [...datePrecisions], layout: 'radio', direction: 'horizontal'},
      initialValue: 'day',
      validation: (rule) => [rule, requiredRule(rule, 'Choose how exactly the dates are known')],
    }),
    defineField({
      name: 'startDate',
      title: 'Start',
      type: 'date',
      group: 'when',
      components: {input: PartialDateInput},
      validation: (rule) => [
        rule.custom((date, context) => checkDateMatchesPrecision(date, eventOf(context.document).datePrecision)),
        requiredRule(rule, 'Enter the start date, as exactly as it is known'),
      ],
    }),
    defineField({
      name: 'endDate',
      title: 'End',
      type: 'date',
      group: 'when',
      components: {input: PartialDateInput},
      description: 'Leave empty for a one-day event.',
      // One chain on the rule Sanity passes: its date format check then runs (and speaks) once.
      validation: (rule) =>
        rule
          .custom((date, context) => checkDateMatchesPrecision(date, eventOf(context.document).datePrecision))
          .custom((date, context) => {
            const {startDate, datePrecision} = eventOf(context.document)
            return checkEndNotBeforeStart(startDate, date, datePrecision)
          }),
    }),
    defineField({
      name: 'attendanceMode',
      title: 'Attendance',
      type: 'string',
      group: 'when',
      options: {list: [...attendanceModes], layout: 'radio', direction: 'horizontal'},
      initialValue: 'inPerson',
      validation: (rule) => [rule, requiredRule(rule, 'Choose whether the event was held in person, online or both')],
    }),
    defineField({
      name: 'location',
      type: 'eventLocation',
      group: 'when',
      hidden: ({document}) => !needsLocation(eventOf(document).attendanceMode),
      validation: (rule) => rule.custom((location, context) =>
          checkLocation(eventOf(context.document).attendanceMode, location as {city?: string; venue?: string} | undefined),
        ),
    }),
    defineField({
      name: 'videoLinkNote',
      title: 'Video link note',
      type: 'string',
      group: 'when',
      description: 'How people took part online, for example "Held via video link".',
      hidden: ({document}) => !needsVideoNote(eventOf(document).attendanceMode),
    }),
    defineField({
      name: 'host',
      title: 'Host or presidency',
      type: 'reference',
      group: 'participants',
      description: `The office that hosted the event or held the forum's presidency that year. ${MISSING_OFFICE_HINT}`,
      to: [{type: 'office'}],
      options: officesOnly,
    }),
    defineField({
      name: 'chair',
      type: 'reportedPerson',
      group: 'participants',
      description: 'Who chaired or officiated, with the title the source gives.',
    }),
    defineField({
      name: 'delegations',
      type: 'array',
      group: 'participants',
      of: [defineArrayMember({type: 'delegation'})],
      validation: (rule) =>
        rule.custom((delegations) =>
          atItems(
            findDuplicates(delegations as (KeyedItem & {office?: unknown})[] | undefined, (item) => referencedId(item.office)),
            () => 'This office already has a delegation: add the people to that delegation instead',
          ),
        ),
    }),
    defineField({
      name: 'agendaTopics',
      title: 'Agenda topics',
      type: 'array',
      group: 'agenda',
      of: [defineArrayMember({type: 'string'})],
      options: {layout: 'tags'},
    }),
  ],
  orderings: [{title: 'Newest first', name: 'startDateDesc', by: [{field: 'startDate', direction: 'desc'}]}],
  preview: {
    select: {
      title: 'title',
      forum: 'forum.abbreviation',
      startDate: 'startDate',
      precision: 'datePrecision',
      mode: 'attendanceMode',
      city: 'location.city',
    },
    prepare: ({title, forum, startDate, precision, mode, city}) => ({
      // Events have no image: the type's icon, not a blank document, in reference fields and search.
      media: CalendarIcon,
      title,
      subtitle: [
        forum,
        formatPartialDate(startDate, precision),
        mode === 'online' ? 'Online' : city,
      ]
        .filter(Boolean)
        .join(' · '),
    }),
  },
})
