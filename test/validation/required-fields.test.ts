import {describe, expect, it} from 'vitest'

import {article, cookiePolicy, deputyHeads2023, ip5, liaoTao, cnipa, ref, referenceData, variant} from '../fixtures/documents.ts'
import {expectOnlyError, expectValid} from '../support/expect-validation.ts'
import {errorsOf} from '../support/workspace.ts'

type Doc = (typeof referenceData)[number]
const dataset = [...referenceData, deputyHeads2023]
const without = (doc: Doc) => dataset.filter((other) => other._id !== doc._id)

/** A copy of `doc` with the value at `path` (field names and array indexes) removed. */
function unset(doc: Doc, path: (string | number)[]): Doc {
  const copy = structuredClone(doc)
  let parent: Record<string | number, unknown> = copy
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>
  delete parent[path.at(-1)!]
  return copy
}

// [document, path to remove, marker path, message]: each required field, emptied, gives its own message only.
const requiredFields: [Doc, (string | number)[], string, string][] = [
  [article, ['publishedAt'], 'publishedAt', 'Set the publication date and time'],
  [article, ['language'], 'language', "Enter the article's language, for example en"],
  [cnipa, ['kind'], 'kind', 'Choose what kind of office this is'],
  [liaoTao, ['nameOrder'], 'nameOrder', 'Choose the order the person writes their name in'],
  [deputyHeads2023, ['title'], 'title', 'Give the event a title'],
  [deputyHeads2023, ['datePrecision'], 'datePrecision', 'Choose how exactly the dates are known'],
  [deputyHeads2023, ['attendanceMode'], 'attendanceMode', 'Choose whether the event was held in person, online or both'],
  [deputyHeads2023, ['delegations', 0, 'role'], 'delegations[_key=="cn"].role', 'Choose whether the office came as a member or an observer'],
  [deputyHeads2023, ['chair', 'person'], 'chair.person', 'Choose the person'],
  [cookiePolicy, ['bannerText'], 'bannerText', 'Write the text of the cookie banner'],
  [cookiePolicy, ['acceptLabel'], 'acceptLabel', 'Enter the label of the accept button'],
  [cookiePolicy, ['preferencesLabel'], 'preferencesLabel', 'Enter the label of the button that opens the settings'],
  [cookiePolicy, ['effectiveDate'], 'effectiveDate', 'Enter the date this version of the policy takes effect'],
  [cookiePolicy, ['consentLifetimeDays'], 'consentLifetimeDays', "Enter how many days a visitor's choice is kept, for example 182"],
  [cookiePolicy, ['version'], 'version', 'Enter the version number, 1 for the first policy'],
  [cookiePolicy, ['categories', 1, 'title'], 'categories[_key=="analytics"].title', 'Give the category a title visitors understand, for example "Analytics"'],
  [cookiePolicy, ['categories', 1, 'description'], 'categories[_key=="analytics"].description', 'Describe the purpose: visitors must know what they consent to'],
  [cookiePolicy, ['cookies', 0, 'name'], 'cookies[_key=="consent"].name', 'Enter the cookie name or pattern'],
  [cookiePolicy, ['cookies', 0, 'purpose'], 'cookies[_key=="consent"].purpose', 'Say what the cookie is for'],
  [cookiePolicy, ['cookies', 0, 'duration'], 'cookies[_key=="consent"].duration', 'Say how long the cookie is kept'],
  [cookiePolicy, ['cookies', 0, 'party'], 'cookies[_key=="consent"].party', 'Choose whether this site or a third party sets the cookie'],
  [cnipa, ['officialNames', 0, 'name'], 'officialNames[_key=="zh-Hans"].name', 'Enter the name as written in that language'],
  [cnipa, ['formerNames', 0, 'name'], 'formerNames[_key=="sipo"].name', 'Enter the former name, for example "State Intellectual Property Office"'],
]

describe('required fields', () => {
  it.each(requiredFields)('%# %s: %s', async (doc, path, markerPath, message) => {
    await expectValid(doc, without(doc))
    await expectOnlyError(unset(doc, path), without(doc), markerPath, message)
  })

  it('requires the category key of a cookie, and reports the missing key once', async () => {
    await expectOnlyError(unset(cookiePolicy, ['cookies', 0, 'category']), [], 'cookies[_key=="consent"].category', "Enter the key of the cookie's category")
  })

  it('requires the court, case number and party details of a case', async () => {
    const details = {_type: 'caseDetails', court: 'UPC Court of Appeal', caseNumber: 'UPC_CoA_335/2023', parties: [{_key: 'p', _type: 'caseParty', name: 'Nanostring', role: 'appellant'}]}
    const inCases = (caseDetails: object) => variant(article, {section: 'case', caseDetails})
    await expectValid(inCases(details), dataset)
    await expectOnlyError(inCases({...details, caseNumber: undefined}), dataset, 'caseDetails.caseNumber', 'Enter the case number')
    expect(await errorsOf(inCases({...details, parties: [{_key: 'p', _type: 'caseParty'}]}), dataset)).toEqual([
      {level: 'error', path: 'caseDetails.parties[_key=="p"].name', message: "Enter the party's name"},
      {level: 'error', path: 'caseDetails.parties[_key=="p"].role', message: "Choose the party's role in the case"},
    ])
  })
})

describe('optional numbers', () => {
  it('leaves an empty founding year alone', async () => {
    await expectValid(unset(ip5, ['founded']), without(ip5))
  })
})

describe('lists without repeats', () => {
  const twice = (id: string) => [ref(id, 'a'), ref(id, 'b')]
  const bothItems = (field: string, message: string) =>
    ['a', 'b'].map((key) => ({level: 'error', path: `${field}[_key=="${key}"]`, message}))

  it('lists each person and event of an article once', async () => {
    expect(await errorsOf(variant(article, {people: twice('person-liao-tao')}), dataset)).toEqual(
      bothItems('people', 'Each person is listed once: remove the repeat'),
    )
    expect(await errorsOf(variant(article, {events: twice(deputyHeads2023._id)}), dataset)).toEqual(
      bothItems('events', 'Each event is listed once: remove the repeat'),
    )
  })

  it('lists each member and observer of a forum once', async () => {
    expect(await errorsOf(variant(ip5, {members: twice('office-cn'), observers: []}), without(ip5))).toEqual(
      bothItems('members', 'Each office is a member once: remove the repeat'),
    )
    expect(await errorsOf(variant(ip5, {observers: twice('office-wo')}), without(ip5))).toEqual(
      bothItems('observers', 'Each office is an observer once: remove the repeat'),
    )
  })

  it('lists each member of a delegation once', async () => {
    const delegations = [{_key: 'cn', _type: 'delegation', office: ref('office-cn'), role: 'member', members: twice('person-liao-tao')}]
    expect(await errorsOf(variant(deputyHeads2023, {delegations}), referenceData)).toEqual(
      bothItems('delegations[_key=="cn"].members', 'Each person or department is listed once: remove the repeat'),
    )
  })
})

describe('safe addresses', () => {
  it('accepts only http and https for the source and the original of a translation', async () => {
    await expectOnlyError(
      variant(article, {source: {_type: 'articleSource', office: ref('office-cn'), url: 'data:text/html,hi'}}),
      dataset,
      'source.url',
      'Enter an address starting with https:// or http://',
    )
    await expectOnlyError(
      variant(article, {translation: {_type: 'translationInfo', originalLanguage: 'zh-Hans', originalUrl: 'javascript:void(0)'}}),
      dataset,
      'translation.originalUrl',
      'Enter an address starting with https:// or http://',
    )
  })

  it('takes an https address or a site path for the privacy statement', async () => {
    await expectValid(variant(cookiePolicy, {privacyStatementUrl: 'https://example.org/privacy'}))
    await expectOnlyError(
      variant(cookiePolicy, {privacyStatementUrl: 'javascript:alert(1)'}),
      [],
      'privacyStatementUrl',
      'Enter an https:// address or a path starting with /',
    )
  })
})
