import {describe, it} from 'vitest'

import {ip5, ref, referenceData, variant} from '../fixtures/documents.ts'
import {expectOnlyError, expectValid} from '../support/expect-validation.ts'

const others = referenceData.filter((doc) => doc._id !== ip5._id)

describe('forum validation', () => {
  it('accepts IP5 with WIPO as observer', async () => {
    await expectValid(ip5, others)
  })

  it('requires a name', async () => {
    await expectOnlyError(variant(ip5, {name: undefined}), others, 'name', "Enter the forum's name")
  })

  it('never lists an observer that is also a member', async () => {
    await expectOnlyError(
      variant(ip5, {observers: [ref('office-wo', 'wo'), ref('office-cn', 'cn-observer')]}),
      others,
      'observers[_key=="cn-observer"]',
      'This office is already a member: an office is either a member or an observer, not both',
    )
  })

  it('takes the founding year as a plausible whole year', async () => {
    const message = `Enter the year as four digits, between 1883 and this year`
    await expectOnlyError(variant(ip5, {founded: 207}), others, 'founded', message)
    await expectOnlyError(variant(ip5, {founded: new Date().getFullYear() + 1}), others, 'founded', message)
    await expectOnlyError(variant(ip5, {founded: 2007.5}), others, 'founded', message)
  })

  it('accepts only https websites', async () => {
    await expectOnlyError(variant(ip5, {website: 'ftp://fiveipoffices.org'}), others, 'website', "Enter the website's https:// address")
  })
})
