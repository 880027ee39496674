import {describe, expect, it} from 'vitest'

import {liaoTao, ref, referenceData, variant, wallace} from '../fixtures/documents.ts'
import {expectOnlyError, expectValid} from '../support/expect-validation.ts'
import {errorsOf} from '../support/workspace.ts'

const others = referenceData.filter((doc) => doc._id !== liaoTao._id)

describe('person validation', () => {
  it('accepts people with family-first and given-first names', async () => {
    await expectValid(liaoTao, others)
    await expectValid(wallace, referenceData.filter((doc) => doc._id !== wallace._id))
  })

  it('requires a family name, a given name or both', async () => {
    await expectValid(variant(liaoTao, {givenName: undefined}), others)
    // Marked on both name fields, where the editor types the name, not on the document.
    expect(await errorsOf(variant(liaoTao, {givenName: undefined, familyName: '  '}), others)).toEqual([
      {level: 'error', path: 'familyName', message: 'Enter a family name, a given name or both'},
      {level: 'error', path: 'givenName', message: 'Enter a family name, a given name or both'},
    ])
  })

  it('reports a missing slug once, with its own message', async () => {
    expect(await errorsOf(variant(liaoTao, {slug: undefined}), others)).toEqual([
      {level: 'error', path: 'slug', message: 'Generate a slug from the name'},
    ])
  })

  it('keeps slugs unique among people', async () => {
    await expectOnlyError(variant(wallace, {slug: liaoTao.slug}), referenceData.filter((doc) => doc._id !== wallace._id), 'slug', 'Slug is already in use')
  })

  it('does not let a position end before it starts', async () => {
    const position = {_key: 'p1', _type: 'position', title: 'Deputy Commissioner', office: ref('office-cn'), startDate: '2019-01-01'}
    await expectValid(variant(liaoTao, {positions: [{...position, endDate: '2019-01-01'}]}), others)
    await expectOnlyError(
      variant(liaoTao, {positions: [{...position, endDate: '2018-12-31'}]}),
      others,
      'positions[_key=="p1"].endDate',
      'The position cannot end before it starts: set the end on or after the start date',
    )
  })

  it('requires the title and office of a position', async () => {
    const errors = await errorsOf(variant(liaoTao, {positions: [{_key: 'p1', _type: 'position'}]}), others)
    expect(errors).toEqual([
      {level: 'error', path: 'positions[_key=="p1"].title', message: 'Enter the title of the position'},
      {level: 'error', path: 'positions[_key=="p1"].office', message: 'Choose the office where the position is held'},
    ])
  })

  it('requires alternative text on a photo', async () => {
    const photo = {_type: 'accessibleImage', asset: ref('image-abc-10x10-png')}
    await expectOnlyError(
      variant(liaoTao, {photo}),
      [...others, {_id: 'image-abc-10x10-png', _type: 'sanity.imageAsset'}],
      'photo.alt',
      'Describe the image for readers who cannot see it (alternative text)',
    )
  })
})
