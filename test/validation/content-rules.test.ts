import {assert as checkProperty, asyncProperty, constantFrom, jsonValue} from 'fast-check'
import {describe, expect, it} from 'vitest'

import {allFixtures, article, cnipa, cnipaCooperation, cookiePolicy, deputyHeads2023, ip5, liaoTao, ref, referenceData, variant} from '../fixtures/documents.ts'
import {expectOnlyError, expectValid} from '../support/expect-validation.ts'
import {errorsOf, validate} from '../support/workspace.ts'

type Doc = (typeof referenceData)[number]
const dataset = [...referenceData, deputyHeads2023]
const others = (doc: Doc) => [...dataset, article].filter((other) => other._id !== doc._id)
const asRef = (id: string) => ({_type: 'reference', _ref: id})
const delegationWith = (members: object[]) => [{_key: 'cn', _type: 'delegation', office: asRef('office-cn'), role: 'member', members}]
const wrongTarget = (id: string, found: string, wanted: string) => `"${id}" is ${found}, but this must be ${wanted}: choose ${wanted}`

// The 13 places a reference names its target types: [document, right value, wrong value, marker path, message].
const referencePlaces: [string, Doc, Record<string, unknown>, Record<string, unknown>, string, string][] = [
  ['article offices', article, {offices: [ref('office-cn', 'a')]}, {offices: [ref('person-liao-tao', 'a')]}, 'offices[_key=="a"]', wrongTarget('person-liao-tao', 'a person', 'an office')],
  ['article people', article, {people: [ref('person-liao-tao', 'a')]}, {people: [ref('office-cn', 'a')]}, 'people[_key=="a"]', wrongTarget('office-cn', 'an office', 'a person')],
  ['article events', article, {events: [ref(deputyHeads2023._id, 'a')]}, {events: [ref(article._id, 'a')]}, 'events[_key=="a"]', wrongTarget(article._id, 'an article', 'an event')],
  ['article source.office', article, {source: {_type: 'articleSource', office: asRef('office-cn')}}, {source: {_type: 'articleSource', office: asRef('person-liao-tao')}}, 'source.office', wrongTarget('person-liao-tao', 'a person', 'an office')],
  ['article mainImage.asset', article, {mainImage: {_type: 'accessibleImage', alt: 'Delegates', asset: asRef('image-abc-10x10-png')}}, {mainImage: {_type: 'accessibleImage', alt: 'Delegates', asset: asRef('person-liao-tao')}}, 'mainImage.asset', wrongTarget('person-liao-tao', 'a person', 'an image')],
  ['office parent (a person)', cnipaCooperation, {parent: asRef('office-cn')}, {parent: asRef('person-liao-tao')}, 'parent', wrongTarget('person-liao-tao', 'a person', 'an office')],
  ['office parent (a forum)', cnipaCooperation, {parent: asRef('office-cn')}, {parent: asRef('forum-ip5')}, 'parent', wrongTarget('forum-ip5', 'a forum', 'an office')],
  ['position office', liaoTao, {positions: [{_key: 'p', _type: 'position', title: 'Director', office: asRef('office-cn')}]}, {positions: [{_key: 'p', _type: 'position', title: 'Director', office: asRef('forum-ip5')}]}, 'positions[_key=="p"].office', wrongTarget('forum-ip5', 'a forum', 'an office')],
  ['event forum', deputyHeads2023, {forum: asRef('forum-ip5')}, {forum: asRef('office-us')}, 'forum', wrongTarget('office-us', 'an office', 'a forum')],
  ['event host', deputyHeads2023, {host: asRef('office-us')}, {host: asRef('person-liao-tao')}, 'host', wrongTarget('person-liao-tao', 'a person', 'an office')],
  ['event chair.person', deputyHeads2023, {chair: {_type: 'reportedPerson', person: asRef('person-liao-tao')}}, {chair: {_type: 'reportedPerson', person: asRef('office-us')}}, 'chair.person', wrongTarget('office-us', 'an office', 'a person')],
  ['delegation members', deputyHeads2023, {delegations: delegationWith([ref('person-liao-tao', 'x')])}, {delegations: delegationWith([ref('forum-ip5', 'x')])}, 'delegations[_key=="cn"].members[_key=="x"]', wrongTarget('forum-ip5', 'a forum', 'a person or office')],
  ['forum members', ip5, {members: [ref('office-cn', 'cn')]}, {members: [ref('person-liao-tao', 'cn')]}, 'members[_key=="cn"]', wrongTarget('person-liao-tao', 'a person', 'an office')],
]

describe('references point at documents of the types in their `to`', () => {
  it.each(referencePlaces)('%s', async (_name, doc, right, wrong, path, message) => {
    await expectValid(variant(doc, right), others(doc))
    await expectOnlyError(variant(doc, wrong), others(doc), path, message)
  })
})

describe('slugs', () => {
  const bad = [
    ['IP5 Deputy Heads Meeting!', '"IP5 Deputy Heads Meeting!" cannot be used in an address: use lowercase letters, digits and single hyphens, for example ip5-deputy-heads-meeting'],
    ['../../admin', '"../../admin" cannot be used in an address: use lowercase letters, digits and single hyphens, for example admin'],
    ['Liao Tao', '"Liao Tao" cannot be used in an address: use lowercase letters, digits and single hyphens, for example liao-tao'],
    ['a'.repeat(150), 'Shorten the slug to 96 characters or fewer (it has 150): generate it again from the title'],
  ]
  it.each([article, liaoTao, deputyHeads2023])('$_type: lowercase words and hyphens, at most 96 characters', async (doc) => {
    await expectValid(variant(doc, {slug: {_type: 'slug', current: 'a'.repeat(96)}}), others(doc))
    for (const [current, message] of bad) await expectOnlyError(variant(doc, {slug: {_type: 'slug', current}}), others(doc), 'slug', message!)
  })
})

describe('array items: keys and types', () => {
  const missingKey = 'Give this item a _key: a text unique within the list, for example "a1"'
  const places: [string, Doc, string, (key: string | undefined, id?: string) => Record<string, unknown>][] = [
    ['article offices', article, 'offices', (key, id = 'office-cn') => ({...asRef(id), ...(key ? {_key: key} : {})})],
    ['article people', article, 'people', (key, id = 'person-liao-tao') => ({...asRef(id), ...(key ? {_key: key} : {})})],
    ['office officialNames', cnipa, 'officialNames', (key, id = 'zh-Hans') => ({_type: 'localizedName', language: id === 'zh-Hans' ? 'zh-Hans' : 'ja', name: 'x', ...(key ? {_key: key} : {})})],
    ['person positions', liaoTao, 'positions', (key, id = 'office-cn') => ({_type: 'position', title: 'Director', office: asRef(id), ...(key ? {_key: key} : {})})],
    ['forum members', ip5, 'members', (key, id = 'office-cn') => ({...asRef(id), ...(key ? {_key: key} : {})})],
  ]
  it.each(places)('%s: every item has its own _key', async (_name, doc, field, item) => {
    const second = field === 'officialNames' ? 'ja' : field === 'people' ? 'person-valencia-martin-wallace' : 'office-us'
    await expectValid(variant(doc, {[field]: [item('a'), item('b', second)]}), others(doc))
    await expectOnlyError(variant(doc, {[field]: [item(undefined)]}), others(doc), `${field}[0]`, missingKey)
    await expectOnlyError(
      variant(doc, {[field]: [item('a'), item('a', second)]}),
      others(doc),
      `${field}[1]`,
      'The _key "a" is already used by item 1 of this list: give each item its own _key',
    )
  })

  it('takes only the list\'s types: no delegation among a person\'s positions', async () => {
    const delegation = {_key: 'd', _type: 'delegation', office: asRef('office-cn'), role: 'member'}
    expect(await errorsOf(variant(liaoTao, {positions: [delegation]}), others(liaoTao))).toEqual([
      {level: 'error', path: 'positions[_key=="d"]', message: 'This list takes position items, not "delegation": remove this item or move it to a list that takes it'},
      // Sanity validates the item as the list's only type, and says what a position lacks.
      {level: 'error', path: 'positions[_key=="d"].title', message: 'Enter the title of the position'},
    ])
  })
})

describe('Portable Text', () => {
  const body = (marks: string[], markDefs: object[] = []) => [
    {_key: 'b1', _type: 'block', style: 'normal', markDefs, children: [{_key: 's1', _type: 'span', text: 'CNIPA', marks}]},
  ]
  it('takes decorators and defined annotations as marks, nothing else', async () => {
    await expectValid(variant(article, {body: body(['strong', 'l1'], [{_key: 'l1', _type: 'link', href: 'https://www.cnipa.gov.cn'}])}), dataset)
    await expectOnlyError(
      variant(article, {body: body(['l2'])}),
      dataset,
      'body[_key=="b1"].children[_key=="s1"].marks[0]',
      'The mark "l2" is not defined: use one of strong, em, code or the _key of a link in this block\'s markDefs, or remove it',
    )
  })
})

describe('fields a type does not have', () => {
  it('are refused where they are, at any depth', async () => {
    await expectOnlyError(variant(article, {autor: 'Liao Tao'}), dataset, 'autor', 'An article has no field "autor": remove it')
    await expectOnlyError(
      variant(cnipa, {officialNames: [{_key: 'zh', _type: 'localizedName', language: 'zh-Hans', name: '国家知识产权局', lang: 'zh'}]}),
      others(cnipa),
      'officialNames[_key=="zh"].lang',
      'A name in another language has no field "lang": remove it',
    )
    await expectOnlyError(variant(liaoTao, {givenname: 'Tao'}), others(liaoTao), 'givenname', 'A person has no field "givenname": rename it to "givenName" or remove it')
  })
})

describe('dates that exist', () => {
  it('refuses 30 February wherever a date or datetime is', async () => {
    const former = (until: string) => ({formerNames: [{_key: 'sipo', _type: 'formerName', name: 'State Intellectual Property Office', until}]})
    await expectValid(variant(cnipa, former('2020-02-29')), others(cnipa))
    await expectOnlyError(variant(cnipa, former('2020-02-30')), others(cnipa), 'formerNames[_key=="sipo"].until', '2020-02-30 does not exist: February 2020 has 29 days. Enter a day from 1 to 29')
    await expectOnlyError(
      variant(deputyHeads2023, {datePrecision: 'day', startDate: '2023-02-30'}),
      others(deputyHeads2023),
      'startDate',
      '2023-02-30 does not exist: February 2023 has 28 days. Enter a day from 1 to 28',
    )
    await expectOnlyError(variant(article, {publishedAt: '2023-04-31T08:00:00Z'}), dataset, 'publishedAt', '2023-04-31 does not exist: April 2023 has 30 days. Enter a day from 1 to 30')
  })
})

describe('the cookie policy', () => {
  it('lives under its fixed id only', async () => {
    await expectValid(variant(cookiePolicy, {_id: 'drafts.cookiePolicy'}))
    await expectOnlyError(
      variant(cookiePolicy, {_id: 'cookiePolicy2'}),
      [cookiePolicy],
      '',
      'There is one cookie policy, kept at the id "cookiePolicy": edit that document instead (this one has the id "cookiePolicy2")',
    )
  })

  it('refuses a reject button labelled with spaces', async () => {
    const message = 'Enter the label of the reject button: visitors must be able to refuse as easily as accept'
    await expectOnlyError(variant(cookiePolicy, {rejectLabel: '   '}), [], 'rejectLabel', message)
    await expectOnlyError(variant(cookiePolicy, {rejectLabel: ''}), [], 'rejectLabel', message)
  })

  it('refuses a protocol-relative privacy address', async () => {
    await expectValid(variant(cookiePolicy, {privacyStatementUrl: '/privacy'}))
    await expectOnlyError(
      variant(cookiePolicy, {privacyStatementUrl: '//evil.example/privacy'}),
      [],
      'privacyStatementUrl',
      '"//evil.example/privacy" leads to another site: enter a path on this site with a single leading / (such as /privacy), or a full https:// address',
    )
  })
})

describe('forums', () => {
  it('have at least one member', async () => {
    const message = 'Add the member offices: a forum has at least one member'
    await expectOnlyError(variant(ip5, {members: [], observers: []}), others(ip5), 'members', message)
    await expectOnlyError(variant(ip5, {members: undefined, observers: []}), others(ip5), 'members', message)
  })
})

describe("Sanity's own type and format messages are not hidden by a field's message", () => {
  const cases: [string, Doc, Record<string, unknown>, string, string][] = [
    ['publishedAt "yesterday"', article, {publishedAt: 'yesterday'}, 'publishedAt', 'Must be a valid ISO-8601 formatted date string'],
    ['publishedAt in month 13', article, {publishedAt: '2023-13-01T00:00:00Z'}, 'publishedAt', 'Must be a valid ISO-8601 formatted date string'],
    ['publishedAt a number', article, {publishedAt: 1685577600}, 'publishedAt', 'Must be a valid ISO-8601 formatted date string'],
    ['until 28.08.2018', cnipa, {formerNames: [{_key: 'sipo', _type: 'formerName', name: 'SIPO', until: '28.08.2018'}]}, 'formerNames[_key=="sipo"].until', 'Must be a valid ISO-8601 formatted date string'],
    ['office name an array', cnipa, {name: ['CNIPA']}, 'name', 'Expected type "String", got "Array"'],
    ['offices an object', article, {offices: {cn: asRef('office-cn')}}, 'offices', 'Expected type "Array", got "Object"'],
    ['slug as text', article, {slug: 'a-slug'}, 'slug', 'Expected type "Object", got "String"'],
    ['version as text', cookiePolicy, {version: 'one'}, 'version', 'Expected type "Number", got "String"'],
  ]
  it.each(cases)('%s', async (_name, doc, changes, path, message) => {
    const errors = await errorsOf(variant(doc, changes), doc === cookiePolicy ? [] : others(doc))
    expect(errors).toContainEqual({level: 'error', path, message})
    // No message of the field's own (say "Set the publication date and time") stands in for it.
    expect(errors.filter((error) => error.path === path && error.message !== message).map((error) => error.message)).not.toContain(
      expect.stringMatching(/^(Set|Enter the date|Enter the office|Each office|Generate|Enter the version)/),
    )
  })
})

describe('rules never throw on a value of the wrong type', () => {
  it.each([
    ['a numeric givenName', liaoTao, {givenName: 7}, 'givenName', 'Expected type "String", got "Number"'],
    ['a numeric startDate', deputyHeads2023, {startDate: 5}, 'startDate', 'Must be a valid ISO-8601 formatted date string'],
    // Sanity's format check reads 20230101 as the date 2023-01-01 (ISO 8601 basic form): the structure rule says what to write.
    ['a numeric startDate Sanity takes for a date', deputyHeads2023, {startDate: 20230101}, 'startDate', 'Enter the date as text, YYYY-MM-DD (for example 2023-01-01), not as a number'],
    ['observers as an object', ip5, {observers: {wo: asRef('office-wo')}}, 'observers', 'Expected type "Array", got "Object"'],
  ] as const)('%s gets Sanity\'s type message', async (_name, doc, changes, path, message) => {
    await expectOnlyError(variant(doc as Doc, changes), others(doc as Doc), path, message)
  })

  it('anywhere: any JSON value in any field of any document gives messages, never an exception', async () => {
    const documents = allFixtures.filter((doc) => ['article', 'office', 'person', 'event', 'forum', 'cookiePolicy'].includes(doc._type))
    // Paths of every value in the seed documents, to put something else in their place.
    const paths = documents.flatMap((doc) => {
      const found: (string | number)[][] = []
      const walk = (value: unknown, path: (string | number)[]) => {
        if (path.length > 0) found.push(path)
        if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]))
        else if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) if (!key.startsWith('_')) walk(child, [...path, key])
      }
      walk(doc, [])
      return found.map((path) => ({doc, path}))
    })
    await checkProperty(
      asyncProperty(constantFrom(...paths), jsonValue({maxDepth: 2}), async ({doc, path}, value) => {
        const copy = structuredClone(doc) as Record<string | number, unknown>
        let parent = copy
        for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>
        parent[path.at(-1)!] = value
        const markers = await validate(copy as Doc, others(doc))
        expect(markers.filter((marker) => /Exception occurred|is not a function|Cannot read prop/.test(marker.message))).toEqual([])
      }),
      {numRuns: 300, seed: 20261126},
    )
  }, 120_000)
})

describe('assets', () => {
  it('an image whose asset is not in the dataset is no error (assets live beside documents)', async () => {
    await expectValid(variant(article, {mainImage: {_type: 'accessibleImage', alt: 'Delegates on a video call', asset: asRef('image-abc-10x10-png')}}), dataset)
  })
})
