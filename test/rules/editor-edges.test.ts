import {describe, expect, it} from 'vitest'

import {codeOptions, matchesCode} from '../../schemas/rules/code-lists.ts'
import {checkCountryCode} from '../../schemas/rules/country-code.ts'
import {checkLanguageTag} from '../../schemas/rules/language-tag.ts'
import {checkDateMatchesPrecision, normaliseToPrecision} from '../../schemas/rules/partial-date.ts'
import {checkSt3Code} from '../../schemas/rules/st3-code.ts'
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

describe('pick lists of codes', () => {
  const option = (kind: Parameters<typeof codeOptions>[0], locale: string, code: string) => codeOptions(kind, locale).find((candidate) => candidate.value === code)

  it('name countries, languages and ST.3 codes in the editor\'s language, keeping the codes as values', () => {
    expect(option('country', 'en', 'KR')).toEqual({value: 'KR', title: 'South Korea (KR)'})
    expect(option('country', 'zh-CN', 'KR')).toEqual({value: 'KR', title: '韩国 (KR)'})
    expect(option('language', 'en', 'zh-Hans')).toEqual({value: 'zh-Hans', title: 'Simplified Chinese (zh-Hans)'})
    expect(option('language', 'zh-CN', 'zh-Hans')).toEqual({value: 'zh-Hans', title: '简体中文 (zh-Hans)'})
    expect(option('st3', 'en', 'EP')?.title).toBe('European Patent Office (EPO) (EP)')
    expect(option('st3', 'en', 'CN')?.title).toBe('China (CN)')
  })

  it('find "Korea" by name and "KR" by code, where the free-text field refused "Korea"', () => {
    expect(checkCountryCode('Korea')).not.toBe(true)
    const found = codeOptions('country', 'en').filter((candidate) => matchesCode('Korea', candidate)).map((candidate) => candidate.value)
    expect(found.toSorted()).toEqual(['KP', 'KR'])
    expect(codeOptions('country', 'en').filter((candidate) => matchesCode('kr', candidate)).map((candidate) => candidate.value)).toContain('KR')
  })

  it('offer only codes their field\'s rule accepts, sorted by name', () => {
    for (const {value} of codeOptions('country')) expect(checkCountryCode(value), value).toBe(true)
    for (const {value} of codeOptions('language')) expect(checkLanguageTag(value), value).toBe(true)
    for (const {value} of codeOptions('st3')) expect(checkSt3Code(value), value).toBe(true)
    const titles = codeOptions('country', 'en').map((candidate) => candidate.title)
    expect(titles).toEqual(titles.toSorted((a, b) => new Intl.Collator('en').compare(a, b)))
    expect(codeOptions('country').length).toBeGreaterThan(240)
  })
})
