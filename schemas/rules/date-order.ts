import type {RuleResult} from './result.ts'

/**
 * Whether `later` is on or after `earlier`. Both are ISO 8601 dates or datetimes;
 * a missing value never fails (required-ness is a separate rule).
 */
export function isOnOrAfter(later: string | undefined, earlier: string | undefined): boolean {
  if (!later || !earlier) return true
  const a = Date.parse(later)
  const b = Date.parse(earlier)
  if (Number.isNaN(a) || Number.isNaN(b)) return true
  return a >= b
}

export function checkNotBefore(
  later: string | undefined,
  earlier: string | undefined,
  message: string,
): RuleResult {
  return isOnOrAfter(later, earlier) ? true : message
}
