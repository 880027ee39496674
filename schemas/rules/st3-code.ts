import type {RuleResult} from './result.ts'

/**
 * WIPO Standard ST.3 codes are two capital letters: ISO 3166-1 country codes for national offices,
 * plus codes for regional and international bodies (EP, WO, EM, EA, AP, OA, GC, ...).
 * So the format is checked here; whether a code is taken is checked against the other offices.
 */
export function checkSt3Code(code: unknown): RuleResult {
  if (typeof code !== 'string' || code === '') return true
  return /^[A-Z]{2}$/.test(code)
    ? true
    : `"${code}" is not a WIPO ST.3 code: enter two capital letters, for example CN, EP or WO`
}
