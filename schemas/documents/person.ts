import {UserIcon} from '@sanity/icons/User'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {TITLE_SEARCH} from '../constants/search.ts'
import {isUniqueAmongType} from '../dataset-checks/unique-slug.ts'
import {checkHasName, formatPersonName, personTitle, type PersonNameParts} from '../rules/person-name.ts'
import {atFields} from '../rules/result.ts'
import {currentPositionSummary} from '../rules/current-position.ts'
import {checkSlug, checkSlugPresent} from '../rules/slug.ts'
import {checkDocumentStructure} from '../dataset-checks/document-structure.ts'
import {requiredRule, requiredForTypes} from '../fields/own-messages.ts'
import {localizedNames} from '../fields/localized-names.ts'

export const person = defineType({
  name: 'person',
  title: 'Person',
  type: 'document',
  icon: UserIcon,
  groups: [
    {name: 'name', title: 'Name', default: true},
    {name: 'career', title: 'Positions'},
    {name: 'profile', title: 'Profile'},
  ],
  // A missing name is marked on both name fields, where the editor types it.
  validation: (rule) => [
    rule.custom((document) => atFields(['familyName', 'givenName'], checkHasName(document as PersonNameParts | undefined))),
    rule.custom(checkDocumentStructure),
  ],
  fields: [
    defineField({
      name: 'givenName',
      title: 'Given name',
      type: 'string',
      group: 'name',
      description: 'In Latin script: "Tao" for Liao Tao, "Masanori" for Katsura Masanori.',
      options: TITLE_SEARCH,
    }),
    defineField({
      name: 'familyName',
      title: 'Family name',
      type: 'string',
      group: 'name',
      description: 'In Latin script: "Liao", "Katsura", "Wallace".',
      options: TITLE_SEARCH,
    }),
    defineField({
      name: 'nameOrder',
      title: 'Name order',
      type: 'string',
      group: 'name',
      description: 'How the person writes their name. Chinese, Japanese and Korean names usually put the family name first.',
      options: {
        list: [
          {title: 'Given name first (Christoph Ernst)', value: 'givenFirst'},
          {title: 'Family name first (Liao Tao)', value: 'familyFirst'},
        ],
        layout: 'radio',
      },
      initialValue: 'givenFirst',
      validation: (rule) => [rule, requiredRule(rule, 'Choose the order the person writes their name in')],
    }),
    defineField({
      name: 'nativeName',
      title: 'Name in native script',
      type: 'string',
      group: 'name',
      description: 'For example 廖涛 or 桂 正憲, when the person has one.',
    }),
    localizedNames({
      name: 'localizedNames',
      title: 'Name in other languages',
      of: 'name',
      group: 'name',
      description:
        'The name as the site writes it in its other languages, for example 廖涛 or 桂正宪 in Simplified Chinese (zh-Hans). Pages in a language without one show the name in Latin script.',
    }),
    defineField({
      name: 'honorific',
      type: 'string',
      group: 'name',
      description: 'Shown before the name where a site uses one, for example "Dr".',
    }),
    defineField({
      name: 'slug',
      type: 'slug',
      group: 'name',
      description: 'The last part of the person\'s page address. Generate it from the name.',
      options: {
        source: (document) => formatPersonName(document as PersonNameParts),
        maxLength: 96,
        isUnique: isUniqueAmongType,
      },
      // Two parameters keep this a function, which schema extraction calls and so sees `requiredForTypes`.
      validation: (rule, _context) => [rule.custom(checkSlug).custom((slug) => checkSlugPresent(slug, 'Generate a slug from the name')), requiredForTypes(rule)],
    }),
    defineField({
      name: 'positions',
      type: 'array',
      group: 'career',
      description: 'Posts over time, the current one first. A position without an end date is current.',
      of: [defineArrayMember({type: 'position'})],
    }),
    defineField({name: 'photo', type: 'accessibleImage', group: 'profile'}),
    defineField({name: 'bio', title: 'Short biography', type: 'text', rows: 4, group: 'profile'}),
  ],
  orderings: [
    {
      title: 'Family name',
      name: 'familyNameAsc',
      by: [
        {field: 'familyName', direction: 'asc'},
        {field: 'givenName', direction: 'asc'},
      ],
    },
  ],
  preview: {
    // Previews cannot filter arrays, so the first three positions are read and the current one picked from them.
    select: {
      givenName: 'givenName',
      familyName: 'familyName',
      nameOrder: 'nameOrder',
      nativeName: 'nativeName',
      title0: 'positions.0.title',
      office0: 'positions.0.office.abbreviation',
      end0: 'positions.0.endDate',
      title1: 'positions.1.title',
      office1: 'positions.1.office.abbreviation',
      end1: 'positions.1.endDate',
      title2: 'positions.2.title',
      office2: 'positions.2.office.abbreviation',
      end2: 'positions.2.endDate',
      media: 'photo',
    },
    prepare: (selection) => {
      const {givenName, familyName, nameOrder, nativeName} = selection
      return {
        title: personTitle({givenName, familyName, nameOrder, nativeName}),
        subtitle: currentPositionSummary([
          {title: selection.title0, office: selection.office0, endDate: selection.end0},
          {title: selection.title1, office: selection.office1, endDate: selection.end1},
          {title: selection.title2, office: selection.office2, endDate: selection.end2},
        ]),
        // The type's icon when there is no photo: reference fields and search show it, not a blank document.
        media: selection.media ?? UserIcon,
      }
    },
  },
})
