import {describe, it} from 'vitest'

import {cnipa, cnipaCooperation, epo, ref, referenceData, uspto, variant, wipo} from '../fixtures/documents.ts'
import {expectOnlyError, expectValid} from '../support/expect-validation.ts'

const others = (doc: {_id: string}) => referenceData.filter((other) => other._id !== doc._id)

describe('office validation', () => {
  it('accepts national, regional and intergovernmental offices and departments', async () => {
    for (const office of [cnipa, uspto, epo, wipo, cnipaCooperation]) await expectValid(office, others(office))
  })

  it('requires a name', async () => {
    await expectOnlyError(variant(cnipa, {name: undefined}), others(cnipa), 'name', "Enter the office's name")
  })

  it('checks the ST.3 code format', async () => {
    await expectOnlyError(
      variant(cnipa, {st3Code: 'cn'}),
      others(cnipa),
      'st3Code',
      '"cn" is not a WIPO ST.3 code: enter two capital letters, for example CN, EP or WO',
    )
  })

  it('requires an ST.3 code except for departments', async () => {
    await expectOnlyError(
      variant(cnipa, {st3Code: undefined}),
      others(cnipa),
      'st3Code',
      'Enter the WIPO ST.3 code: every office except a department has one',
    )
    await expectValid(cnipaCooperation, others(cnipaCooperation))
  })

  it('keeps ST.3 codes unique among offices, naming the holder', async () => {
    const copy = variant(cnipa, {_id: 'office.cn-copy', name: 'CNIPA copy'})
    await expectOnlyError(
      copy,
      referenceData,
      'st3Code',
      'CN is already the code of China National Intellectual Property Administration: each code belongs to one office',
    )
    // The office's own draft does not clash with its published version.
    await expectValid(variant(cnipa, {_id: 'drafts.office-cn'}), referenceData)
  })

  it('checks the country code against ISO 3166-1', async () => {
    await expectOnlyError(
      variant(cnipa, {country: 'XX'}),
      others(cnipa),
      'country',
      '"XX" is not an ISO 3166-1 country code: enter two capital letters, for example CN or DE',
    )
    await expectOnlyError(variant(cnipa, {country: 'cn'}), others(cnipa), 'country', 'Write country codes in capitals: CN')
  })

  it('gives intergovernmental organisations no country', async () => {
    await expectOnlyError(
      variant(wipo, {country: 'CH'}),
      others(wipo),
      'country',
      'Intergovernmental organisations have no country: clear this field and give the seat under Headquarters',
    )
  })

  it('requires a parent for departments', async () => {
    await expectOnlyError(
      variant(cnipaCooperation, {parent: undefined}),
      others(cnipaCooperation),
      'parent',
      'Choose the office this department belongs to',
    )
  })

  it('never makes an office its own parent', async () => {
    await expectOnlyError(
      variant(cnipaCooperation, {parent: ref(cnipaCooperation._id)}),
      others(cnipaCooperation),
      'parent',
      'An office cannot be its own parent: choose the office it belongs to',
    )
  })

  it('rejects a parent that leads back to the office', async () => {
    // CNIPA is made part of its own department: CNIPA -> department -> CNIPA.
    await expectOnlyError(
      variant(cnipa, {parent: ref(cnipaCooperation._id)}),
      others(cnipa),
      'parent',
      'This parent makes a loop (China National Intellectual Property Administration → International Cooperation Department → China National Intellectual Property Administration): choose an office higher up instead',
    )
  })

  it('accepts only https websites', async () => {
    await expectOnlyError(variant(cnipa, {website: 'http://www.cnipa.gov.cn'}), others(cnipa), 'website', "Enter the website's https:// address")
  })

  it('checks the language of official names', async () => {
    const names = [{_key: 'zh', _type: 'localizedName', language: 'chinese', name: '国家知识产权局'}]
    await expectOnlyError(
      variant(cnipa, {officialNames: names}),
      others(cnipa),
      'officialNames[_key=="zh"].language',
      '"chinese" is not a BCP 47 language tag: use a code such as en, zh-Hans, ko or de-AT',
    )
  })

  it('requires the end date of a former name', async () => {
    const formerNames = [{_key: 'sipo', _type: 'formerName', name: 'State Intellectual Property Office'}]
    await expectOnlyError(
      variant(cnipa, {formerNames}),
      others(cnipa),
      'formerNames[_key=="sipo"].until',
      'Enter the date the office stopped using this name',
    )
  })
})
