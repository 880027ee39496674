import type {RuleResult} from './result.ts'

/**
 * Whether `later` is on or after `earlier`. Both are ISO 8601 dates or datetimes;
 * a missing value never fails (required-ness is a separate rule).
 */
export function isOnOrAfter(later: unknown, earlier: unknown): boolean {
  // A value that is not a date string is Sanity's to report (its date format check).
  if (typeof later !== 'string' || typeof earlier !== 'string' || !later || !earlier) return true
  const a = Date.parse(later)
  const b = Date.parse(earlier)
  if (Number.isNaN(a) || Number.isNaN(b)) return true
  return a >= b
}

export function checkNotBefore(
  later: unknown,
  earlier: unknown,
  message: string,
): RuleResult {
  return isOnOrAfter(later, earlier) ? true : message
}
