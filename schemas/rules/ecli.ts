import type {RuleResult} from './result.ts'

// ECLI:<country>:<court>:<year>:<ordinal>, per the Council conclusions on the European Case Law Identifier.
const ecliPattern = /^ECLI:[A-Z]{2}:[A-Z0-9]{1,7}:\d{4}:[A-Za-z0-9.]{1,25}$/

export function checkEcli(value: unknown): RuleResult {
  if (typeof value !== 'string' || value === '') return true
  return ecliPattern.test(value)
    ? true
    : 'Enter the ECLI as ECLI:country:court:year:number, for example ECLI:EU:C:2015:477'
}
