import {ControlsIcon} from '@sanity/icons/Controls'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {
  checkNecessaryCategory,
  duplicateCategoryKeys,
  MAX_CONSENT_DAYS,
  type CookieCategoryLike,
} from '../rules/cookie-consent.ts'
import {atItems} from '../rules/result.ts'
import {requiredRule, requiredTextRule, urlRules, withoutBuiltIns} from '../fields/own-messages.ts'
import {checkNotProtocolRelative} from '../rules/safe-url.ts'
import {checkSingletonId} from '../rules/singleton.ts'
import {checkDocumentStructure} from '../dataset-checks/document-structure.ts'
import {COOKIE_POLICY_ID} from '../constants/ids.ts'

/** The site's cookie banner and policy. A singleton: the Studio keeps exactly one, at a fixed id. */
export const cookiePolicy = defineType({
  name: 'cookiePolicy',
  title: 'Cookie policy',
  type: 'document',
  icon: ControlsIcon,
  validation: (rule) =>
    rule
      .custom(checkDocumentStructure)
      .custom((document) => checkSingletonId((document as {_id?: unknown} | undefined)?._id, COOKIE_POLICY_ID, 'cookie policy')),
  groups: [
    {name: 'banner', title: 'Banner', default: true},
    {name: 'policy', title: 'Policy'},
    {name: 'cookies', title: 'Categories and cookies'},
  ],
  fields: [
    defineField({
      name: 'bannerText',
      title: 'Banner text',
      type: 'text',
      rows: 4,
      group: 'banner',
      description: 'What visitors read first. Say what the cookies are for and that they can refuse.',
      validation: (rule) => [rule, requiredTextRule(rule, 'Write the text of the cookie banner')],
    }),
    defineField({
      name: 'acceptLabel',
      title: 'Accept button',
      type: 'string',
      group: 'banner',
      initialValue: 'I accept',
      validation: (rule) => [rule, requiredTextRule(rule, 'Enter the label of the accept button')],
    }),
    defineField({
      name: 'rejectLabel',
      title: 'Reject button',
      type: 'string',
      group: 'banner',
      description: 'Shown beside the accept button with equal weight: rejecting must be as easy as accepting.',
      initialValue: 'Reject all',
      validation: (rule) => [
        rule,
        requiredTextRule(rule, 'Enter the label of the reject button: visitors must be able to refuse as easily as accept'),
      ],
    }),
    defineField({
      name: 'preferencesLabel',
      title: 'Preferences button',
      type: 'string',
      group: 'banner',
      initialValue: 'Cookie settings',
      validation: (rule) => [rule, requiredTextRule(rule, 'Enter the label of the button that opens the settings')],
    }),
    defineField({
      name: 'policyLinkLabel',
      title: 'Policy link text',
      type: 'string',
      group: 'banner',
      initialValue: 'Cookie Policy',
    }),
    defineField({
      name: 'privacyStatementUrl',
      title: 'Privacy statement address',
      type: 'url',
      group: 'banner',
      description: 'A full https:// address or a path on this site such as /privacy.',
      validation: (rule) => [
        ...urlRules(rule, {scheme: ['https', 'http'], allowRelative: true}, 'Enter an https:// address or a path starting with /'),
        withoutBuiltIns(rule).custom(checkNotProtocolRelative),
      ],
    }),
    defineField({name: 'policy', title: 'Full policy', type: 'richText', group: 'policy'}),
    defineField({
      name: 'version',
      type: 'number',
      group: 'policy',
      description: 'Raise it when the purposes or cookies change: visitors are then asked again.',
      initialValue: 1,
      // Required-ness apart from the range, so an empty field gets one message, not one per constraint.
      validation: (rule) => [
        rule,
        requiredRule(rule, 'Enter the version number, 1 for the first policy'),
        withoutBuiltIns(rule).integer().min(1).error('Enter a whole version number of 1 or more'),
      ],
    }),
    defineField({
      name: 'effectiveDate',
      title: 'Effective from',
      type: 'date',
      group: 'policy',
      validation: (rule) => [rule, requiredRule(rule, 'Enter the date this version of the policy takes effect')],
    }),
    defineField({
      name: 'consentLifetimeDays',
      title: 'Keep consent for (days)',
      type: 'number',
      group: 'policy',
      description: `How long a visitor's choice is remembered. 182 days (six months) is what the CNIL recommends; at most ${MAX_CONSENT_DAYS} (13 months).`,
      initialValue: 182,
      validation: (rule) => [
        rule,
        requiredRule(rule, 'Enter how many days a visitor\'s choice is kept, for example 182'),
        withoutBuiltIns(rule).integer().min(1).max(MAX_CONSENT_DAYS).error(`Enter a whole number of days between 1 and ${MAX_CONSENT_DAYS}`),
      ],
    }),
    defineField({
      name: 'categories',
      type: 'array',
      group: 'cookies',
      of: [defineArrayMember({type: 'cookieCategory'})],
      validation: (rule) =>
        rule
          .custom((categories) => checkNecessaryCategory(categories as CookieCategoryLike[] | undefined))
          .custom((categories) =>
            atItems(
              duplicateCategoryKeys(categories as CookieCategoryLike[] | undefined),
              (item) => `The key "${item.key?.current}" is used by another category: give each category its own key`,
            ),
          ),
    }),
    defineField({
      name: 'cookies',
      type: 'array',
      group: 'cookies',
      of: [defineArrayMember({type: 'cookieDeclaration'})],
    }),
  ],
  preview: {
    select: {version: 'version', effectiveDate: 'effectiveDate'},
    prepare: ({version, effectiveDate}) => ({
      title: 'Cookie policy',
      subtitle: [version ? `Version ${version}` : undefined, effectiveDate ? `effective ${effectiveDate}` : undefined]
        .filter(Boolean)
        .join(' · '),
    }),
  },
})
