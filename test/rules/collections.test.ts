import {describe, expect, it} from 'vitest'

import {checkCookieCategory, checkNecessaryCategory, checkOffByDefault} from '../../schemas/rules/cookie-consent.ts'
import {isOnOrAfter} from '../../schemas/rules/date-order.ts'
import {findDuplicates, findOverlap, referencedId} from '../../schemas/rules/duplicates.ts'
import {eventYears} from '../../studio/structure.ts'

const office = (key: string, id: string) => ({_key: key, _type: 'reference', _ref: id})

describe('duplicates and overlaps', () => {
  it('reports second and later occurrences only', () => {
    const items = [office('a', 'office-cn'), office('b', 'office-us'), office('c', 'office-cn'), office('d', 'drafts.office-cn')]
    expect(findDuplicates(items, referencedId).map((item) => item._key)).toEqual(['c', 'd'])
    expect(findDuplicates(undefined, referencedId)).toEqual([])
  })

  it('finds items present in both lists', () => {
    const members = [office('cn', 'office-cn'), office('us', 'office-us')]
    const observers = [office('wo', 'office-wo'), office('us2', 'office-us')]
    expect(findOverlap(observers, members, referencedId).map((item) => item._key)).toEqual(['us2'])
  })
})

describe('dates', () => {
  it('compares dates and datetimes', () => {
    expect(isOnOrAfter('2023-05-20T08:00:00Z', '2023-05-20T08:00:00Z')).toBe(true)
    expect(isOnOrAfter('2023-05-20T07:59:59Z', '2023-05-20T08:00:00Z')).toBe(false)
    expect(isOnOrAfter('2023-05-21', '2023-05-20T08:00:00Z')).toBe(true)
    expect(isOnOrAfter(undefined, '2023-05-20')).toBe(true)
  })

  it('lists event years newest first, once each', () => {
    expect(eventYears(['2023-01-01', '2021-06-01', '2023-06-12', null])).toEqual([2023, 2021])
  })
})

describe('cookie consent', () => {
  const category = (key: string, extra: object = {}) => ({_key: key, key: {current: key}, title: key, ...extra})

  it('needs one required strictly necessary category', () => {
    expect(checkNecessaryCategory([category('necessary', {strictlyNecessary: true, required: true})])).toBe(true)
    expect(checkNecessaryCategory(undefined)).toMatch(/Add a strictly necessary category/)
  })

  it('keeps optional categories off by default', () => {
    expect(checkOffByDefault(category('analytics', {enabledByDefault: true}))).toMatch(/opt-in/)
    expect(checkOffByDefault(category('necessary', {enabledByDefault: true, strictlyNecessary: true}))).toBe(true)
  })

  it('files cookies under known keys', () => {
    expect(checkCookieCategory('analytics', [category('analytics')])).toBe(true)
    expect(checkCookieCategory('ads', [])).toBe('There is no category "ads": add the categories first')
  })
})
