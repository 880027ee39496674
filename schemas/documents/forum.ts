import {UsersIcon} from '@sanity/icons/Users'
import {defineField, defineType} from 'sanity'

import {ABBREVIATION_SEARCH, TITLE_SEARCH} from '../constants/search.ts'
import {officesOnly} from '../fields/office-reference.ts'
import {uniqueReferences} from '../fields/unique-references.ts'
import {findOverlap, referencedId, type KeyedItem} from '../rules/duplicates.ts'
import {atItems} from '../rules/result.ts'
import {countOf} from '../rules/text.ts'
import {checkDocumentStructure} from '../dataset-checks/document-structure.ts'
import {requiredTextRule, urlRules, withoutBuiltIns} from '../fields/own-messages.ts'
import {localizedNames} from '../fields/localized-names.ts'

const FIRST_FORUM_YEAR = 1883 // the Paris Convention: no IP cooperation forum is older

type ForumDocument = {members?: (KeyedItem & {_ref?: string})[]; observers?: (KeyedItem & {_ref?: string})[]}

export const forum = defineType({
  name: 'forum',
  title: 'Forum',
  type: 'document',
  icon: UsersIcon,
  validation: (rule) => rule.custom(checkDocumentStructure),
  fields: [
    defineField({
      name: 'name',
      type: 'string',
      description: 'For example "IP5" or "The five largest intellectual property offices".',
      options: TITLE_SEARCH,
      validation: (rule) => [rule, requiredTextRule(rule, 'Enter the forum\'s name')],
    }),
    defineField({name: 'abbreviation', type: 'string', description: 'For example IP5, TM5, ID5.', options: ABBREVIATION_SEARCH}),
    localizedNames({name: 'localizedNames', title: 'Name in other languages', of: 'name'}),
    uniqueReferences({
      name: 'members',
      title: 'Member offices',
      to: ['office'],
      options: officesOnly,
      repeatMessage: 'Each office is a member once: remove the repeat',
      requiredMessage: 'Add the member offices: a forum has at least one member',
    }),
    uniqueReferences({
      name: 'observers',
      title: 'Observer offices',
      description: 'Offices that attend without being members, such as WIPO at IP5.',
      to: ['office'],
      options: officesOnly,
      repeatMessage: 'Each office is an observer once: remove the repeat',
      checks: [
        (observers, context) =>
          atItems(
            findOverlap(observers as ForumDocument['observers'], (context.document as ForumDocument | undefined)?.members, referencedId),
            () => 'This office is already a member: an office is either a member or an observer, not both',
          ),
      ],
    }),
    defineField({
      name: 'founded',
      title: 'Founded (year)',
      type: 'number',
      validation: (rule) => [
        rule,
        withoutBuiltIns(rule)
          .integer()
          .min(FIRST_FORUM_YEAR)
          .max(new Date().getFullYear())
          .error(`Enter the year as four digits, between ${FIRST_FORUM_YEAR} and this year`),
      ],
    }),
    defineField({
      name: 'website',
      type: 'url',
      validation: (rule) => urlRules(rule, {scheme: ['https']}, 'Enter the website\'s https:// address'),
    }),
    defineField({name: 'description', type: 'text', rows: 3}),
  ],
  preview: {
    select: {name: 'name', abbreviation: 'abbreviation', members: 'members', observers: 'observers', founded: 'founded'},
    prepare: ({name, abbreviation, members, observers, founded}) => ({
      media: UsersIcon,
      title: abbreviation && abbreviation !== name ? `${abbreviation} – ${name}` : name,
      subtitle: [
        countOf(members?.length ?? 0, 'member'),
        observers?.length ? countOf(observers.length, 'observer') : undefined,
        founded ? `since ${founded}` : undefined,
      ]
        .filter(Boolean)
        .join(' · '),
    }),
  },
})
