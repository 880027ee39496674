import {describe, expect, it} from 'vitest'

import {checkDateMatchesPrecision, normaliseToPrecision} from '../../schemas/rules/partial-date.ts'
import {checkPublishedAtPresent, publishedAtOnPublish} from '../../schemas/rules/published-at.ts'

describe('publication time', () => {
  const now = new Date('2026-11-26T10:00:00.000Z')

  it('is set at the moment of the first publication', () => {
    expect(publishedAtOnPublish({title: 'New'}, null, now)).toBe('2026-11-26T10:00:00.000Z')
    expect(publishedAtOnPublish({publishedAt: ''}, undefined, now)).toBe('2026-11-26T10:00:00.000Z')
  })

  it('keeps the time the editor set', () => {
    expect(publishedAtOnPublish({publishedAt: '2023-06-01T08:00:00Z'}, null, now)).toBeUndefined()
  })

  it('gives a cleared time back its first publication on a later publish', () => {
    expect(publishedAtOnPublish({}, {publishedAt: '2023-06-01T08:00:00Z'}, now)).toBe('2023-06-01T08:00:00Z')
  })

  it('may be missing on a draft, not on a published article or a release version', () => {
    expect(checkPublishedAtPresent(undefined, 'drafts.article.x')).toBe(true)
    expect(checkPublishedAtPresent('2023-06-01T08:00:00Z', 'article.x')).toBe(true)
    expect(checkPublishedAtPresent(undefined, 'article.x')).toBe('Set the publication date and time')
    expect(checkPublishedAtPresent(undefined, 'versions.r1.article.x')).toBe(
      'Set the publication date and time: a release publishes the article without filling it in',
    )
  })
})

describe('dates known to the month or the year', () => {
  it('are stored on the 1st of the month or 1 January, which the precision rule accepts', () => {
    expect(normaliseToPrecision('2023-06-12', 'month')).toBe('2023-06-01')
    expect(normaliseToPrecision('2023-06-12', 'year')).toBe('2023-01-01')
    expect(normaliseToPrecision('2023-06-12', 'day')).toBe('2023-06-12')
    expect(checkDateMatchesPrecision(normaliseToPrecision('2023-06-12', 'month'), 'month')).toBe(true)
    expect(checkDateMatchesPrecision(normaliseToPrecision('2023-06-12', 'year'), 'year')).toBe(true)
  })

  it('leave what is not an ISO date to Sanity\'s format check', () => {
    expect(normaliseToPrecision('June 2023', 'month')).toBeUndefined()
    expect(normaliseToPrecision(undefined, 'month')).toBeUndefined()
  })
})
