/**
 * A corpus of bad documents, at least one per rule and per file check, through the file validator
 * (validateDocuments, what `npm run data:validate` and `npm run data:import` run). Each bad document is
 * a seed document with one defect, under an id of its own so that all of them sit in one file beside
 * the seed; each must get exactly the errors listed, with path and message.
 */
import {describe, expect, it} from 'vitest'

import type {Doc} from '../../offline/ndjson.ts'
import {validateDocuments, type Problem} from '../../offline/validate-documents.ts'
import {article, cnipaCooperation, cookiePolicy, deputyHeads2023, ip5, liaoTao, variant} from '../fixtures/documents.ts'
import {seed} from '../support/seed.ts'

const asRef = (id: string) => ({_type: 'reference', _ref: id})
const wrongTarget = (id: string, found: string, wanted: string) => `"${id}" is ${found}, but this must be ${wanted}: choose ${wanted}`
const typeMessage = (expected: string, actual: string) => `Expected type "${expected}", got "${actual}"`
const dateFormat = 'Must be a valid ISO-8601 formatted date string'
const missingKey = 'Give this item a _key: a text unique within the list, for example "a1"'
const position = (extra: object = {}) => ({_key: 'p', _type: 'position', title: 'Director', office: asRef('office-cn'), ...extra})

type Expected = [path: string, message: string][]
// [what is wrong, base document, changes, the errors it must get]
const corpus: [string, Doc, Record<string, unknown>, Expected][] = [
  // slugs
  ['slug with spaces and capitals', article, {slug: {_type: 'slug', current: 'IP5 Deputy Heads Meeting!'}}, [['slug', '"IP5 Deputy Heads Meeting!" cannot be used in an address: use lowercase letters, digits and single hyphens, for example ip5-deputy-heads-meeting']]],
  ['slug with a path', deputyHeads2023, {slug: {_type: 'slug', current: '../../admin'}}, [['slug', '"../../admin" cannot be used in an address: use lowercase letters, digits and single hyphens, for example admin']]],
  ['slug with a space', liaoTao, {slug: {_type: 'slug', current: 'Liao Tao'}}, [['slug', '"Liao Tao" cannot be used in an address: use lowercase letters, digits and single hyphens, for example liao-tao']]],
  ['slug of 150 characters', article, {slug: {_type: 'slug', current: 'a'.repeat(150)}}, [['slug', 'Shorten the slug to 96 characters or fewer (it has 150): generate it again from the title']]],
  // the 13 reference places
  ['article offices at a person', article, {offices: [{...asRef('person-liao-tao'), _key: 'a'}]}, [['offices[_key=="a"]', wrongTarget('person-liao-tao', 'a person', 'an office')]]],
  ['article people at an office', article, {people: [{...asRef('office-cn'), _key: 'a'}]}, [['people[_key=="a"]', wrongTarget('office-cn', 'an office', 'a person')]]],
  ['article events at an article', article, {events: [{...asRef(article._id), _key: 'a'}]}, [['events[_key=="a"]', wrongTarget(article._id, 'an article', 'an event')]]],
  ['article source.office at a person', article, {source: {_type: 'articleSource', office: asRef('person-liao-tao')}}, [['source.office', wrongTarget('person-liao-tao', 'a person', 'an office')]]],
  ['article mainImage.asset at a person', article, {mainImage: {_type: 'accessibleImage', alt: 'x', asset: asRef('person-liao-tao')}}, [['mainImage.asset', wrongTarget('person-liao-tao', 'a person', 'an image')]]],
  ['office parent at a person', cnipaCooperation, {parent: asRef('person-liao-tao')}, [['parent', wrongTarget('person-liao-tao', 'a person', 'an office')]]],
  ['office parent at a forum', cnipaCooperation, {parent: asRef('forum-ip5')}, [['parent', wrongTarget('forum-ip5', 'a forum', 'an office')]]],
  ['position office at a forum', liaoTao, {positions: [position({office: asRef('forum-ip5')})]}, [['positions[_key=="p"].office', wrongTarget('forum-ip5', 'a forum', 'an office')]]],
  ['event forum at an office', deputyHeads2023, {forum: asRef('office-us')}, [['forum', wrongTarget('office-us', 'an office', 'a forum')]]],
  ['event host at a person', deputyHeads2023, {host: asRef('person-liao-tao')}, [['host', wrongTarget('person-liao-tao', 'a person', 'an office')]]],
  ['event chair.person at an office', deputyHeads2023, {chair: {_type: 'reportedPerson', person: asRef('office-us')}}, [['chair.person', wrongTarget('office-us', 'an office', 'a person')]]],
  ['delegation members at a forum', deputyHeads2023, {delegations: [{_key: 'cn', _type: 'delegation', office: asRef('office-cn'), role: 'member', members: [{...asRef('forum-ip5'), _key: 'x'}]}]}, [['delegations[_key=="cn"].members[_key=="x"]', wrongTarget('forum-ip5', 'a forum', 'a person or office')]]],
  ['article offices at an image asset that is not in the file', article, {offices: [{...asRef('image-abc-10x10-png'), _key: 'a'}]}, [['offices[_key=="a"]', wrongTarget('image-abc-10x10-png', 'an image', 'an office')]]],
  ['forum members at a person', ip5, {members: [{...asRef('person-liao-tao'), _key: 'cn'}]}, [['members[_key=="cn"]', wrongTarget('person-liao-tao', 'a person', 'an office')]]],
  // keys and item types
  ['article offices without _key', article, {offices: [asRef('office-cn')]}, [['offices[0]', missingKey]]],
  ['article people with a repeated _key', article, {people: [{...asRef('person-liao-tao'), _key: 'a'}, {...asRef('person-valencia-martin-wallace'), _key: 'a'}]}, [['people[1]', 'The _key "a" is already used by item 1 of this list: give each item its own _key']]],
  ['office officialNames without _key', cnipaCooperation, {officialNames: [{_type: 'localizedName', language: 'zh-Hans', name: '国际合作司'}]}, [['officialNames[0]', missingKey]]],
  ['person positions with a repeated _key', liaoTao, {positions: [position(), position({title: 'Director General'})]}, [['positions[1]', 'The _key "p" is already used by item 1 of this list: give each item its own _key']]],
  ['forum members without _key', ip5, {members: [asRef('office-cn')]}, [['members[0]', missingKey]]],
  ['a delegation among positions', liaoTao, {positions: [{_key: 'd', _type: 'delegation', office: asRef('office-cn'), role: 'member'}]}, [
    ['positions[_key=="d"]', 'This list takes position items, not "delegation": remove this item or move it to a list that takes it'],
    ['positions[_key=="d"].title', 'Enter the title of the position'],
  ]],
  ['a span mark that names nothing', article, {body: [{_key: 'b1', _type: 'block', style: 'normal', markDefs: [], children: [{_key: 's1', _type: 'span', text: 'x', marks: ['l9']}]}]}, [['body[_key=="b1"].children[_key=="s1"].marks[0]', 'The mark "l9" is not defined: use one of strong, em, code or the _key of a link in this block\'s markDefs, or remove it']]],
  ['an unknown field', article, {autor: 'Liao Tao'}, [['autor', 'An article has no field "autor": remove it']]],
  // dates
  ['30 February', cnipaCooperation, {formerNames: [{_key: 'old', _type: 'formerName', name: 'Old name', until: '2020-02-30'}]}, [['formerNames[_key=="old"].until', '2020-02-30 does not exist: February 2020 has 29 days. Enter a day from 1 to 29']]],
  ['publishedAt "yesterday"', article, {publishedAt: 'yesterday'}, [['publishedAt', dateFormat]]],
  ['publishedAt in month 13', article, {publishedAt: '2023-13-01T00:00:00Z'}, [['publishedAt', dateFormat]]],
  ['publishedAt a number', article, {publishedAt: 5}, [['publishedAt', dateFormat]]],
  ['until 28.08.2018', cnipaCooperation, {formerNames: [{_key: 'old', _type: 'formerName', name: 'Old name', until: '28.08.2018'}]}, [['formerNames[_key=="old"].until', dateFormat]]],
  ['startDate a number that looks like a date', deputyHeads2023, {startDate: 20230101}, [['startDate', 'Enter the date as text, YYYY-MM-DD (for example 2023-01-01), not as a number']]],
  // wrong types get Sanity's message; no rule throws
  ['office name an array', cnipaCooperation, {name: ['Cooperation']}, [['name', typeMessage('String', 'Array')]]],
  ['offices an object', article, {offices: {cn: asRef('office-cn')}}, [['offices', typeMessage('Array', 'Object')]]],
  ['a numeric givenName', liaoTao, {givenName: 7}, [['givenName', typeMessage('String', 'Number')]]],
  ['a numeric startDate', deputyHeads2023, {startDate: 5}, [['startDate', dateFormat]]],
  ['observers an object', ip5, {observers: {wo: asRef('office-wo')}}, [['observers', typeMessage('Array', 'Object')]]],
  // forums
  ['a forum with no members', ip5, {members: [], observers: []}, [['members', 'Add the member offices: a forum has at least one member']]],
  // rules that were there before, still refusing
  ['a reference to a document not in the file', article, {offices: [{...asRef('office.zz'), _key: 'a'}]}, [['offices[_key=="a"]', 'References "office.zz", which is not in the dataset']]],
  ['a javascript: link', article, {section: 'link', externalUrl: 'javascript:alert(1)'}, [['externalUrl', 'Enter an address starting with https:// or http://']]],
]

const fileOf = (entries: typeof corpus) => {
  const bad = entries.map(([, base, changes], index) => {
    // An id and slug of its own, so every bad document sits in one file beside the seed.
    const doc = variant(base, {_id: `${base._id}.bad-${index}`, ...changes})
    const slug = doc.slug as {current?: unknown} | undefined
    if (slug && typeof slug === 'object' && !('slug' in changes)) doc.slug = {_type: 'slug', current: `${String(slug.current)}-bad-${index}`}
    return doc
  })
  return {bad, file: [...seed, ...bad]}
}

const errorsBy = (problems: Problem[]) => {
  const byId = new Map<string | null, [string, string][]>()
  for (const problem of problems.filter((p) => p.level === 'error')) byId.set(problem.documentId, [...(byId.get(problem.documentId) ?? []), [problem.path, problem.message]])
  return byId
}

describe('a corpus of bad documents, in one file beside the seed', async () => {
  const {bad, file} = fileOf(corpus)
  const problems = await validateDocuments(file)
  const errors = errorsBy(problems)

  it('leaves the seed documents without a problem', () => {
    expect(problems.filter((problem) => seed.some((doc) => doc._id === problem.documentId))).toEqual([])
  })

  it.each(corpus.map((entry, index) => [entry[0], index, entry[3]] as const))('%s', (_name, index, expected) => {
    expect((errors.get(bad[index]!._id) ?? []).toSorted()).toEqual(expected.toSorted())
  })
})

describe('the cookie policy, one per file', () => {
  it.each([
    ['under another id', {_id: 'cookiePolicy2'}, '', 'There is one cookie policy, kept at the id "cookiePolicy": edit that document instead (this one has the id "cookiePolicy2")'],
    ['a reject button of spaces', {rejectLabel: '   '}, 'rejectLabel', 'Enter the label of the reject button: visitors must be able to refuse as easily as accept'],
    ['a protocol-relative privacy address', {privacyStatementUrl: '//evil.example/privacy'}, 'privacyStatementUrl', '"//evil.example/privacy" leads to another site: enter a path on this site with a single leading / (such as /privacy), or a full https:// address'],
  ])('%s', async (_name, changes, path, message) => {
    const policy = variant(cookiePolicy, changes)
    expect(await validateDocuments([policy])).toEqual([{documentId: policy._id, level: 'error', path, message}])
  })
})
