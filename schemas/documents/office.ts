import {CaseIcon} from '@sanity/icons/Case'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {officeKinds, type OfficeKind} from '../constants/office-kinds.ts'
import {ABBREVIATION_SEARCH, TITLE_SEARCH} from '../constants/search.ts'
import {checkOfficeParent} from '../dataset-checks/office-parent-cycle.ts'
import {checkSt3CodeUnique} from '../dataset-checks/unique-st3-code.ts'
import {checkDocumentStructure} from '../dataset-checks/document-structure.ts'
import {checkCountryCode} from '../rules/country-code.ts'
import {referencedId} from '../rules/duplicates.ts'
import {checkCountryAllowed, checkParentRequired, checkSt3Required} from '../rules/office-hierarchy.ts'
import {officePreview} from '../rules/office-preview.ts'
import {checkSt3Code} from '../rules/st3-code.ts'
import {requiredRule, requiredTextRule, urlRules} from '../fields/own-messages.ts'
import {CountryCodeInput, St3CodeInput} from '../components/code-select-input.tsx'
import {localizedNames, siteLanguageName} from '../fields/localized-names.ts'

const kindOf = (document: unknown) => (document as {kind?: OfficeKind} | undefined)?.kind

export const office = defineType({
  name: 'office',
  title: 'Office',
  type: 'document',
  icon: CaseIcon,
  validation: (rule) => rule.custom(checkDocumentStructure),
  groups: [
    {name: 'identity', title: 'Identity', default: true},
    {name: 'names', title: 'Other names'},
    {name: 'details', title: 'Details'},
  ],
  fields: [
    defineField({
      name: 'name',
      type: 'string',
      group: 'identity',
      description: 'The current official name in English.',
      options: TITLE_SEARCH,
      validation: (rule) => [rule, requiredTextRule(rule, 'Enter the office\'s name')],
    }),
    defineField({
      name: 'abbreviation',
      type: 'string',
      group: 'identity',
      description: 'As the office writes it, for example CNIPA.',
      options: ABBREVIATION_SEARCH,
    }),
    defineField({
      name: 'kind',
      type: 'string',
      group: 'identity',
      options: {list: [...officeKinds], layout: 'radio'},
      initialValue: 'national',
      validation: (rule) => [rule, requiredRule(rule, 'Choose what kind of office this is')],
    }),
    defineField({
      name: 'st3Code',
      title: 'WIPO ST.3 code',
      type: 'string',
      group: 'identity',
      description: 'The two-letter code WIPO Standard ST.3 gives the office: US, CN, EP, WO, ... Pick it by country or organisation name.',
      components: {input: St3CodeInput},
      hidden: ({document}) => kindOf(document) === 'department',
      // One chain on the rule Sanity passes, so its own type check runs (and speaks) once.
      validation: (rule) =>
        rule
          .custom(checkSt3Code)
          .custom((code, context) => checkSt3Required(kindOf(context.document), code as string | undefined))
          .custom(checkSt3CodeUnique),
    }),
    defineField({
      name: 'country',
      type: 'string',
      group: 'identity',
      description: 'The country the office serves (stored as its ISO 3166-1 code). For a regional office, the country of its seat.',
      components: {input: CountryCodeInput},
      hidden: ({document}) => kindOf(document) === 'intergovernmental',
      validation: (rule) =>
        rule.custom(checkCountryCode).custom((country, context) => checkCountryAllowed(kindOf(context.document), country as string | undefined)),
    }),
    defineField({
      name: 'parent',
      title: 'Part of',
      type: 'reference',
      group: 'identity',
      description: 'For a department, the office it belongs to.',
      to: [{type: 'office'}],
      hidden: ({document, value}) => kindOf(document) !== 'department' && !value,
      validation: (rule) =>
        rule.custom((parent, context) => checkParentRequired(kindOf(context.document), referencedId(parent))).custom(checkOfficeParent),
    }),
    localizedNames({
      name: 'officialNames',
      title: 'Names in other languages',
      of: 'name',
      group: 'names',
      description:
        'Official names in the office\'s own languages (特許庁 for the JPO), and the names the site uses in its other languages (日本特许厅 in Simplified Chinese, zh-Hans). One per language; pages in a language without one show the English name.',
    }),
    defineField({
      name: 'formerNames',
      title: 'Former names',
      type: 'array',
      group: 'names',
      description: 'Names the office used before, each with the date it stopped using it.',
      of: [defineArrayMember({type: 'formerName'})],
    }),
    defineField({
      name: 'website',
      type: 'url',
      group: 'details',
      validation: (rule) => urlRules(rule, {scheme: ['https']}, 'Enter the website\'s https:// address'),
    }),
    defineField({
      name: 'headquarters',
      type: 'string',
      group: 'details',
      description: 'The city of the seat, for example Munich.',
    }),
    defineField({name: 'logo', type: 'accessibleImage', group: 'details'}),
    defineField({name: 'description', type: 'text', rows: 4, group: 'details'}),
  ],
  orderings: [
    // The order of the previews' titles, which start with the abbreviation: ARIPO, CNIPA, DPMA, ... then departments.
    {
      title: 'Abbreviation',
      name: 'abbreviationAsc',
      by: [
        {field: 'abbreviation', direction: 'asc'},
        {field: 'name', direction: 'asc'},
      ],
    },
    {title: 'Name', name: 'nameAsc', by: [{field: 'name', direction: 'asc'}]},
  ],
  preview: {
    select: {
      name: 'name',
      abbreviation: 'abbreviation',
      code: 'st3Code',
      kind: 'kind',
      country: 'country',
      parentAbbreviation: 'parent.abbreviation',
      parentName: 'parent.name',
      grandparent: 'parent.parent.abbreviation',
      names: 'officialNames',
      media: 'logo',
    },
    // The type's icon when there is no logo: reference fields and search show it, not a blank document.
    // The name in the site's other languages (国家知识产权局) follows, so a picker shows it beside the English one.
    prepare: ({media, names, ...parts}) => {
      const preview = officePreview(parts)
      return {...preview, subtitle: [preview.subtitle, siteLanguageName(names)].filter(Boolean).join(' · '), media: media ?? CaseIcon}
    },
  },
})
