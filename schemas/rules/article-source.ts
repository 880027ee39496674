import type {RuleResult} from './result.ts'

const named = (name: unknown) => typeof name === 'string' && name.trim() !== ''

/** A source names either an office from the reference data or, failing that, an organisation by name. */
export function checkSourceNamed(source: {office?: unknown; organisationName?: unknown; url?: unknown} | undefined): RuleResult {
  if (typeof source !== 'object' || source === null || source.office || named(source.organisationName)) return true
  // An organisation name of the wrong type gets Sanity's type message instead.
  if (source.organisationName !== undefined && typeof source.organisationName !== 'string') return true
  return 'Choose the office the article comes from, or type the organisation name'
}

export function checkSourceNotBoth(source: {office?: unknown; organisationName?: unknown} | undefined): RuleResult {
  if (typeof source !== 'object' || source === null || !source.office || !named(source.organisationName)) return true
  return 'Choose an office or type an organisation name, not both: clear one of them'
}
