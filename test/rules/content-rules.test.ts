import {describe, expect, it} from 'vitest'

import {checkCalendarDate, daysInMonth} from '../../schemas/rules/calendar-date.ts'
import {checkCookieCategory, checkNecessaryCategory, duplicateCategoryKeys} from '../../schemas/rules/cookie-consent.ts'
import {checkCountryCode} from '../../schemas/rules/country-code.ts'
import {findDuplicates, findOverlap, referencedId} from '../../schemas/rules/duplicates.ts'
import {checkHasItems} from '../../schemas/rules/list-items.ts'
import {checkDateMatchesPrecision, checkEndNotBeforeStart} from '../../schemas/rules/partial-date.ts'
import {checkHasName, formatPersonName} from '../../schemas/rules/person-name.ts'
import {checkNotProtocolRelative} from '../../schemas/rules/safe-url.ts'
import {checkSingletonId} from '../../schemas/rules/singleton.ts'
import {checkSlug, slugify} from '../../schemas/rules/slug.ts'
import {checkItemKeys, checkItemType, checkKnownFields, checkReferenceTarget, checkSpanMarks} from '../../schemas/rules/structure.ts'
import {checkNotBlank, isBlank} from '../../schemas/rules/text.ts'
import {checkAltText} from '../../schemas/rules/alt-text.ts'
import {checkSourceNamed} from '../../schemas/rules/article-source.ts'
import {checkLanguageTag} from '../../schemas/rules/language-tag.ts'

const slug = (current: unknown) => ({_type: 'slug', current})

describe('slugs', () => {
  it('accepts lowercase words joined by single hyphens, up to 96 characters', () => {
    for (const current of ['liao-tao', 'ip5-deputy-heads-2023', 'a', 'x'.repeat(96), 'münchen', '专利-2023']) expect(checkSlug(slug(current))).toBe(true)
  })

  it('refuses spaces, capitals, punctuation and path segments, suggesting the slug "Generate" would make', () => {
    expect(checkSlug(slug('IP5 Deputy Heads Meeting!'))).toBe(
      '"IP5 Deputy Heads Meeting!" cannot be used in an address: use lowercase letters, digits and single hyphens, for example ip5-deputy-heads-meeting',
    )
    expect(checkSlug(slug('../../admin'))).toBe('"../../admin" cannot be used in an address: use lowercase letters, digits and single hyphens, for example admin')
    expect(checkSlug(slug('Liao Tao'))).toMatch(/for example liao-tao$/)
    for (const current of ['a--b', '-a', 'a-', 'Ä-b', 'a_b', 'a/b', 'a.b', 'a b']) expect(checkSlug(slug(current))).toMatch(/cannot be used in an address/)
  })

  it('refuses slugs over 96 characters', () => {
    expect(checkSlug(slug('a'.repeat(150)))).toBe('Shorten the slug to 96 characters or fewer (it has 150): generate it again from the title')
  })

  it('leaves values that are not slugs to Sanity', () => {
    for (const value of [undefined, null, 'liao-tao', 5, [], slug(5), slug(''), slug('  ')]) expect(checkSlug(value)).toBe(true)
  })

  it('makes slugs the way the Studio generates them', () => {
    expect(slugify('Président de l’Office')).toBe('president-de-l-office')
    expect(slugify('x'.repeat(95) + ' yz')).toBe('x'.repeat(95))
  })
})

describe('calendar dates', () => {
  it('accepts days that exist, in dates and datetimes', () => {
    for (const value of ['2020-02-29', '2023-02-28', '2000-02-29', '2023-12-31', '2023-06-01T00:00:00Z']) expect(checkCalendarDate(value)).toBe(true)
  })

  it('refuses days the month does not have', () => {
    expect(checkCalendarDate('2020-02-30')).toBe('2020-02-30 does not exist: February 2020 has 29 days. Enter a day from 1 to 29')
    expect(checkCalendarDate('1900-02-29')).toBe('1900-02-29 does not exist: February 1900 has 28 days. Enter a day from 1 to 28')
    expect(checkCalendarDate('2023-04-31T10:00:00Z')).toMatch(/^2023-04-31 does not exist: April 2023 has 30 days/)
  })

  it('leaves what Sanity\'s format check refuses to Sanity (month 13, day 32, other formats, other types)', () => {
    for (const value of ['2023-13-01', '2023-01-32', '2023-00-10', 'yesterday', '28.08.2018', 5, true, undefined, {}]) expect(checkCalendarDate(value)).toBe(true)
  })

  it('refuses numbers and lists that Sanity\'s format check takes for dates', () => {
    expect(checkCalendarDate(20230101)).toBe('Enter the date as text, YYYY-MM-DD (for example 2023-01-01), not as a number')
    expect(checkCalendarDate(2023)).toBe('Enter the date as text, YYYY-MM-DD (for example 2023-01-01), not as a number')
    expect(checkCalendarDate(['2023-01-01'])).toBe('Enter the date as text, YYYY-MM-DD (for example 2023-01-01), not as a list')
  })

  it('knows leap years', () => {
    expect([2024, 2023, 2000, 1900].map((year) => daysInMonth(year, 2))).toEqual([29, 28, 29, 28])
  })
})

describe('blank text', () => {
  it('treats spaces only as blank, and empty text as missing (the required rule\'s)', () => {
    expect(isBlank('   ')).toBe(true)
    expect(isBlank('\t\n')).toBe(true)
    expect(isBlank('')).toBe(false)
    expect(isBlank('Reject all')).toBe(false)
    expect(isBlank(5)).toBe(false)
    expect(checkNotBlank('  ', 'Enter the label')).toBe('Enter the label')
    expect(checkNotBlank('Reject all', 'Enter the label')).toBe(true)
  })
})

describe('addresses', () => {
  it('refuses protocol-relative addresses, which lead to another site', () => {
    expect(checkNotProtocolRelative('//evil.example/privacy')).toBe(
      '"//evil.example/privacy" leads to another site: enter a path on this site with a single leading / (such as /privacy), or a full https:// address',
    )
    expect(checkNotProtocolRelative('/\\evil.example')).toMatch(/leads to another site/)
    for (const value of ['/privacy', 'https://example.org/privacy', undefined, 5]) expect(checkNotProtocolRelative(value)).toBe(true)
  })
})

describe('singletons', () => {
  it('keeps the document at its fixed id, drafts and versions included', () => {
    for (const id of ['cookiePolicy', 'drafts.cookiePolicy', 'versions.r1.cookiePolicy']) expect(checkSingletonId(id, 'cookiePolicy', 'cookie policy')).toBe(true)
    expect(checkSingletonId('cookiePolicy2', 'cookiePolicy', 'cookie policy')).toBe(
      'There is one cookie policy, kept at the id "cookiePolicy": edit that document instead (this one has the id "cookiePolicy2")',
    )
  })
})

describe('lists that need items', () => {
  it('refuses an empty list and leaves a missing one to the required rule', () => {
    expect(checkHasItems([], 'Add the member offices')).toBe('Add the member offices')
    expect(checkHasItems([{_key: 'a'}], 'Add the member offices')).toBe(true)
    expect(checkHasItems(undefined, 'Add the member offices')).toBe(true)
    expect(checkHasItems({}, 'Add the member offices')).toBe(true)
  })
})

describe('array items', () => {
  it('wants a _key on every object item, each its own', () => {
    expect(checkItemKeys([{_key: 'a'}, {_key: 'b'}, 'text'])).toEqual([])
    expect(checkItemKeys([{_key: 'a'}, {_ref: 'office-cn'}, {_key: 'a'}, {_key: ''}, {_key: 5}])).toEqual([
      {index: 1, message: 'Give this item a _key: a text unique within the list, for example "a1"'},
      {index: 2, message: 'The _key "a" is already used by item 1 of this list: give each item its own _key'},
      {index: 3, message: 'Give this item a _key: a text unique within the list, for example "a1"'},
      {index: 4, message: 'Give this item a _key: a text unique within the list, for example "a1"'},
    ])
  })

  it('wants each item to be of one of the list\'s types', () => {
    const positions = [{name: 'position', jsonType: 'object', title: 'position'}]
    expect(checkItemType({_key: 'p', _type: 'position'}, positions)).toBe(true)
    expect(checkItemType({_key: 'p', _type: 'delegation'}, positions)).toBe(
      'This list takes position items, not "delegation": remove this item or move it to a list that takes it',
    )
    expect(checkItemType({_key: 'p'}, positions)).toBe('Give this item its type: "_type": "position"')
    expect(checkItemType(null, positions)).toBe('Remove this empty item from the list')
    // In a list of one type, Sanity's own type check speaks for an item of another JSON type.
    expect(checkItemType('Director', positions)).toBe(true)
    const link = [{name: 'link', baseName: 'externalLink', jsonType: 'object', title: 'link'}]
    expect(checkItemType({_type: 'externalLink'}, link)).toBe(true)
    const textOrNumber = [{name: 'string', jsonType: 'string', title: 'string'}, {name: 'number', jsonType: 'number', title: 'number'}]
    expect(checkItemType('AI', textOrNumber)).toBe(true)
    expect(checkItemType(true, textOrNumber)).toBe('This list takes string or number items, not boolean: replace true with a string or number')
    expect(checkItemType({_type: 'x'}, textOrNumber)).toBe('This list holds string or number values, not objects: replace this item with one')
    expect(checkItemType(['a'], textOrNumber)).toBe('A list cannot hold a list: replace this item with a string or number')
    const body = [{name: 'block', jsonType: 'object', title: 'block'}, {name: 'accessibleImage', jsonType: 'object', title: 'image'}]
    expect(checkItemType('Hello', body)).toBe('This list takes block or image items, not text: replace "Hello" with a block or image')
  })
})

describe('fields', () => {
  it('names fields a type does not have, suggesting a close one', () => {
    expect(checkKnownFields({_id: 'a', _type: 'article', title: 'T', autor: 'x', titel: 'y'}, ['title', 'slug', 'summary'], 'article')).toEqual([
      {field: 'autor', message: 'An article has no field "autor": remove it'},
      {field: 'titel', message: 'An article has no field "titel": rename it to "title" or remove it'},
    ])
    expect(checkKnownFields({_key: 'k', name: 'x'}, ['name'], 'office')).toEqual([])
  })
})

describe('Portable Text marks', () => {
  it('takes decorators and the keys of the block\'s annotations, nothing else', () => {
    expect(checkSpanMarks(['strong', 'l1'], ['strong', 'em'], ['l1'])).toEqual([])
    expect(checkSpanMarks(['bold', 'l2', 5], ['strong', 'em'], ['l1'])).toEqual([
      {index: 0, message: 'The mark "bold" is not defined: use one of strong, em or the _key of a link in this block\'s markDefs, or remove it'},
      {index: 1, message: 'The mark "l2" is not defined: use one of strong, em or the _key of a link in this block\'s markDefs, or remove it'},
      {index: 2, message: 'The mark 5 is not defined: use one of strong, em or the _key of a link in this block\'s markDefs, or remove it'},
    ])
    expect(checkSpanMarks(undefined, ['strong'], [])).toEqual([])
  })
})

describe('reference targets', () => {
  const office = [{name: 'office', title: 'office'}]
  it('accepts a document of a type in `to`', () => {
    expect(checkReferenceTarget('office-cn', 'office', office, 'office')).toBe(true)
  })

  it('names the type found and the type wanted', () => {
    expect(checkReferenceTarget('person-liao-tao', 'person', office, 'person')).toBe('"person-liao-tao" is a person, but this must be an office: choose an office')
    expect(checkReferenceTarget('forum-ip5', 'forum', [{name: 'person', title: 'person'}, ...office], 'forum')).toBe(
      '"forum-ip5" is a forum, but this must be a person or office: choose a person or office',
    )
  })
})

describe('rules given values of the wrong type', () => {
  it('do not throw, and leave the type to Sanity\'s own message', () => {
    expect(checkHasName({givenName: 5 as never})).toBe(true)
    expect(formatPersonName({givenName: 5 as never, familyName: 'Liao'})).toBe('Liao')
    expect(checkDateMatchesPrecision(20230101, 'year')).toBe(true)
    expect(checkEndNotBeforeStart(20230101, '2023-01-01', 'day')).toBe(true)
    expect(findOverlap({a: 1} as never, [{_key: 'x', _ref: 'office-cn'}], referencedId)).toEqual([])
    expect(findDuplicates({a: 1} as never, referencedId)).toEqual([])
    expect(checkNecessaryCategory({a: 1} as never)).toBe(true)
    expect(duplicateCategoryKeys('x' as never)).toEqual([])
    expect(checkCookieCategory('analytics', {} as never)).toBe('There is no category "analytics": add the categories first')
    expect(checkCountryCode(5)).toBe(true)
    expect(checkLanguageTag(['en'])).toBe(true)
    expect(checkAltText(5, {asset: {_ref: 'image-a'}})).toBe(true)
    expect(checkSourceNamed({organisationName: 5})).toBe(true)
  })
})
