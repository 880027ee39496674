import {describe, expect, it} from 'vitest'

import {
  checkDateMatchesPrecision,
  checkEndNotBeforeStart,
  formatPartialDate,
  truncateToPrecision,
} from '../../schemas/rules/partial-date.ts'

describe('partial dates', () => {
  it('keeps the part the precision makes meaningful', () => {
    expect(truncateToPrecision('2023-06-12', 'day')).toBe('2023-06-12')
    expect(truncateToPrecision('2023-06-12', 'month')).toBe('2023-06')
    expect(truncateToPrecision('2023-06-12', 'year')).toBe('2023')
  })

  it('formats what is known, no more', () => {
    expect(formatPartialDate('2023-06-12', 'day')).toBe('12 June 2023')
    expect(formatPartialDate('2023-06-01', 'month')).toBe('June 2023')
    expect(formatPartialDate('2023-01-01', 'year')).toBe('2023')
    expect(formatPartialDate(undefined, 'year')).toBeUndefined()
  })

  it('asks for the first day of the period when only the month or year is known', () => {
    expect(checkDateMatchesPrecision('2023-06-01', 'month')).toBe(true)
    expect(checkDateMatchesPrecision('2023-06-02', 'month')).toMatch(/set the day to the 1st/)
    expect(checkDateMatchesPrecision('2023-01-01', 'year')).toBe(true)
    expect(checkDateMatchesPrecision('2023-02-01', 'year')).toMatch(/1 January/)
    expect(checkDateMatchesPrecision('2023-06-17', 'day')).toBe(true)
  })

  it('compares start and end at the precision', () => {
    expect(checkEndNotBeforeStart('2023-06-12', '2023-06-11', 'day')).toMatch(/before the start date/)
    expect(checkEndNotBeforeStart('2023-06-12', '2023-06-11', 'month')).toBe(true)
    expect(checkEndNotBeforeStart('2023-06-01', '2022-12-01', 'year')).toMatch(/before the start date/)
    expect(checkEndNotBeforeStart('2023-06-12', undefined, 'day')).toBe(true)
  })
})
