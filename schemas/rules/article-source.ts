import type {RuleResult} from './result.ts'

/** A source names either an office from the reference data or, failing that, an organisation by name. */
export function checkSourceNamed(source: {office?: unknown; organisationName?: string; url?: string} | undefined): RuleResult {
  if (!source || source.office || source.organisationName?.trim()) return true
  return 'Choose the office the article comes from, or type the organisation name'
}

export function checkSourceNotBoth(source: {office?: unknown; organisationName?: string} | undefined): RuleResult {
  if (!source?.office || !source.organisationName?.trim()) return true
  return 'Choose an office or type an organisation name, not both: clear one of them'
}
