import {describe, it} from 'vitest'

import {deputyHeads2023, ref, referenceData, variant} from '../fixtures/documents.ts'
import {expectOnlyError, expectValid} from '../support/expect-validation.ts'

const dataset = referenceData
const inPerson = {attendanceMode: 'inPerson', videoLinkNote: undefined}

describe('event validation', () => {
  it('accepts the 2023 Deputy Heads meeting, known only to the year', async () => {
    await expectValid(deputyHeads2023, dataset)
  })

  it('requires a start date', async () => {
    await expectOnlyError(
      variant(deputyHeads2023, {startDate: undefined}),
      dataset,
      'startDate',
      'Enter the start date, as exactly as it is known',
    )
  })

  it('stores a year-only date on 1 January and a month-only date on the 1st', async () => {
    await expectOnlyError(
      variant(deputyHeads2023, {startDate: '2023-06-12'}),
      dataset,
      'startDate',
      'Only the year is known: set the date to 1 January, or change the precision',
    )
    await expectOnlyError(
      variant(deputyHeads2023, {datePrecision: 'month', startDate: '2023-06-12'}),
      dataset,
      'startDate',
      'Only the month is known: set the day to the 1st, or change the precision to "Exact day"',
    )
    await expectValid(variant(deputyHeads2023, {datePrecision: 'day', startDate: '2023-06-12'}), dataset)
  })

  it('does not let the end precede the start, at the precision known', async () => {
    const exact = {datePrecision: 'day', startDate: '2023-06-12'}
    await expectValid(variant(deputyHeads2023, {...exact, endDate: '2023-06-15'}), dataset)
    await expectOnlyError(
      variant(deputyHeads2023, {...exact, endDate: '2023-06-11'}),
      dataset,
      'endDate',
      'The end date is before the start date (2023-06-12): set it on or after the start',
    )
    // Known to the month: a meeting starting and ending in June 2023 is in order.
    await expectValid(variant(deputyHeads2023, {datePrecision: 'month', startDate: '2023-06-01', endDate: '2023-06-01'}), dataset)
    await expectOnlyError(
      variant(deputyHeads2023, {datePrecision: 'month', startDate: '2023-06-01', endDate: '2023-05-01'}),
      dataset,
      'endDate',
      'The end date is before the start date (2023-06-01): set it on or after the start',
    )
  })

  it('needs a place for in-person and hybrid events', async () => {
    await expectOnlyError(variant(deputyHeads2023, inPerson), dataset, 'location', 'Give the venue or city: this event is attended in person')
    await expectValid(variant(deputyHeads2023, {...inPerson, location: {_type: 'eventLocation', city: 'Seoul', country: 'KR'}}), dataset)
    await expectOnlyError(
      variant(deputyHeads2023, {attendanceMode: 'hybrid'}),
      dataset,
      'location',
      'Give the venue or city: this event is attended in person',
    )
  })

  it('checks the country of the location', async () => {
    await expectOnlyError(
      variant(deputyHeads2023, {...inPerson, location: {_type: 'eventLocation', city: 'Seoul', country: 'Korea'}}),
      dataset,
      'location.country',
      '"Korea" is not an ISO 3166-1 country code: enter two capital letters, for example CN or DE',
    )
  })

  it('gives an office at most one delegation', async () => {
    const delegations = [
      ...(deputyHeads2023.delegations as object[]),
      {_key: 'cn-again', _type: 'delegation', office: ref('office-cn'), role: 'member'},
    ]
    await expectOnlyError(
      variant(deputyHeads2023, {delegations}),
      dataset,
      'delegations[_key=="cn-again"]',
      'This office already has a delegation: add the people to that delegation instead',
    )
  })

  it('requires the office of a delegation and the person heading it', async () => {
    await expectOnlyError(
      variant(deputyHeads2023, {delegations: [{_key: 'd', _type: 'delegation', role: 'member'}]}),
      dataset,
      'delegations[_key=="d"].office',
      'Choose the office this delegation represents',
    )
    await expectOnlyError(
      variant(deputyHeads2023, {
        delegations: [{_key: 'd', _type: 'delegation', office: ref('office-ep'), role: 'member', head: {_type: 'reportedPerson', titleAsReported: 'Vice President'}}],
      }),
      dataset,
      'delegations[_key=="d"].head.person',
      'Choose the person',
    )
  })

  it('requires a kind', async () => {
    await expectOnlyError(variant(deputyHeads2023, {kind: undefined}), dataset, 'kind', 'Choose what kind of event this is')
  })
})
