import {describe, it} from 'vitest'

import {cookiePolicy, variant} from '../fixtures/documents.ts'
import {expectOnlyError, expectValid} from '../support/expect-validation.ts'

type Category = {_key: string; title: string; strictlyNecessary: boolean; required: boolean; enabledByDefault: boolean}
const [necessary, analytics] = cookiePolicy.categories as Category[]

describe('cookie policy validation', () => {
  it('accepts the seed policy', async () => {
    await expectValid(cookiePolicy)
  })

  it('requires a reject button: refusing must be as easy as accepting', async () => {
    await expectOnlyError(
      variant(cookiePolicy, {rejectLabel: undefined}),
      [],
      'rejectLabel',
      'Enter the label of the reject button: visitors must be able to refuse as easily as accept',
    )
  })

  it('needs exactly one strictly necessary category, and it is required', async () => {
    await expectOnlyError(
      variant(cookiePolicy, {categories: [analytics], cookies: []}),
      [],
      'categories',
      'Add a strictly necessary category (for example "necessary") for the cookies the site cannot work without',
    )
    await expectOnlyError(
      variant(cookiePolicy, {categories: [necessary, {...analytics, strictlyNecessary: true, required: true}]}),
      [],
      'categories',
      'Only one category can be strictly necessary, but 2 are: merge them into one',
    )
    await expectOnlyError(
      variant(cookiePolicy, {categories: [{...necessary!, required: false}, analytics]}),
      [],
      'categories',
      'The strictly necessary category "Strictly necessary" must be required: visitors cannot turn it off',
    )
  })

  it('keeps optional categories off until the visitor chooses', async () => {
    await expectOnlyError(
      variant(cookiePolicy, {categories: [necessary, {...analytics, enabledByDefault: true}]}),
      [],
      'categories[_key=="analytics"].enabledByDefault',
      'Consent must be opt-in: turn "On by default" off for every category that is not strictly necessary',
    )
  })

  it('gives each category its own key', async () => {
    await expectOnlyError(
      variant(cookiePolicy, {categories: [necessary, analytics, {...analytics, _key: 'analytics-2', title: 'Statistics'}]}),
      [],
      'categories[_key=="analytics-2"]',
      'The key "analytics" is used by another category: give each category its own key',
    )
  })

  it('files every cookie under an existing category', async () => {
    const cookie = {_key: 'ga', _type: 'cookieDeclaration', name: '_ga', provider: 'Google', party: 'third', category: 'marketing', purpose: 'Counts visits.', duration: '13 months'}
    await expectOnlyError(
      variant(cookiePolicy, {cookies: [cookie]}),
      [],
      'cookies[_key=="ga"].category',
      'There is no category "marketing": use one of necessary, analytics',
    )
    await expectValid(variant(cookiePolicy, {cookies: [{...cookie, category: 'analytics'}]}))
  })

  it('keeps consent at most 395 days', async () => {
    await expectValid(variant(cookiePolicy, {consentLifetimeDays: 395}))
    await expectOnlyError(
      variant(cookiePolicy, {consentLifetimeDays: 396}),
      [],
      'consentLifetimeDays',
      'Enter a whole number of days between 1 and 395',
    )
  })

  it('takes whole version numbers from 1', async () => {
    await expectOnlyError(variant(cookiePolicy, {version: 0}), [], 'version', 'Enter a whole version number of 1 or more')
    await expectOnlyError(variant(cookiePolicy, {version: 1.5}), [], 'version', 'Enter a whole version number of 1 or more')
  })
})
