import {describe, expect, it} from 'vitest'

import {countryName, checkCountryCode} from '../../schemas/rules/country-code.ts'
import {currentPositionSummary} from '../../schemas/rules/current-position.ts'
import {checkEcli} from '../../schemas/rules/ecli.ts'
import {checkLanguageTag, languageName} from '../../schemas/rules/language-tag.ts'
import {checkHasName, formatPersonName, sortableName} from '../../schemas/rules/person-name.ts'
import {checkSt3Code} from '../../schemas/rules/st3-code.ts'

describe('person names', () => {
  it('puts the family name first where the person does', () => {
    expect(formatPersonName({givenName: 'Tao', familyName: 'Liao', nameOrder: 'familyFirst'})).toBe('Liao Tao')
    expect(formatPersonName({givenName: 'Masanori', familyName: 'Katsura', nameOrder: 'familyFirst'})).toBe('Katsura Masanori')
    expect(formatPersonName({givenName: 'Christoph', familyName: 'Ernst', nameOrder: 'givenFirst'})).toBe('Christoph Ernst')
    expect(formatPersonName({givenName: 'Christoph', familyName: 'Ernst'})).toBe('Christoph Ernst')
    expect(formatPersonName({familyName: ' Ryu '})).toBe('Ryu')
  })

  it('sorts by family name whatever the display order', () => {
    expect(sortableName({givenName: 'Tao', familyName: 'Liao', nameOrder: 'familyFirst'})).toBe('Liao, Tao')
  })

  it('needs some name', () => {
    expect(checkHasName({givenName: 'Tao'})).toBe(true)
    expect(checkHasName({givenName: ' ', familyName: ''})).toBe('Enter a family name, a given name or both')
  })

  it('summarises the current position, else the latest', () => {
    expect(
      currentPositionSummary([
        {title: 'Deputy Commissioner', office: 'CNIPA'},
        {title: 'Director', office: 'CNIPA', endDate: '2018-01-01'},
      ]),
    ).toBe('Deputy Commissioner, CNIPA')
    expect(currentPositionSummary([{title: 'Director', office: 'CNIPA', endDate: '2018-01-01'}, {title: 'Deputy Commissioner', office: 'KIPO'}])).toBe(
      'Deputy Commissioner, KIPO',
    )
    expect(currentPositionSummary([{title: 'Director', office: 'CNIPA', endDate: '2018-01-01'}])).toBe('formerly Director, CNIPA')
    expect(currentPositionSummary([{}, {}])).toBeUndefined()
  })
})

describe('codes', () => {
  it('accepts ST.3 codes of countries and of regional and international bodies', () => {
    for (const code of ['CN', 'US', 'EP', 'WO', 'IB', 'EM', 'EA', 'AP', 'OA', 'GC', 'XN', 'XV']) expect(checkSt3Code(code)).toBe(true)
    for (const code of ['cn', 'C', 'CNN', 'C1']) expect(checkSt3Code(code)).toMatch(/not a WIPO ST.3 code/)
  })

  it('accepts ISO 3166-1 countries only', () => {
    expect(countryName('KR')).toBe('South Korea')
    expect(countryName('DE')).toBe('Germany')
    for (const code of ['EU', 'XX', 'ZZ', 'QO', 'EP', 'UN']) expect(countryName(code)).toBeUndefined()
    expect(checkCountryCode('ch')).toBe('Write country codes in capitals: CH')
  })

  it('accepts BCP 47 tags of real languages, canonically written', () => {
    for (const tag of ['en', 'zh-Hans', 'ko', 'de-AT', 'ja', 'fr']) expect(checkLanguageTag(tag)).toBe(true)
    expect(checkLanguageTag('zh-hans')).toBe('Write the language tag as zh-Hans')
    expect(checkLanguageTag('en_GB')).toMatch(/not a BCP 47 language tag/)
    expect(checkLanguageTag('klingonese')).toMatch(/not a BCP 47 language tag/)
    expect(languageName('zh-Hans')).toBe('Simplified Chinese')
  })

  it('checks the shape of an ECLI', () => {
    expect(checkEcli('ECLI:EU:C:2015:477')).toBe(true)
    expect(checkEcli('ECLI:DE:BGH:2019:200319UXZR115.18.0')).toBe(true)
    expect(checkEcli('ECLI:EU:C:15:477')).toMatch(/Enter the ECLI/)
    expect(checkEcli('C-170/13')).toMatch(/Enter the ECLI/)
  })
})
