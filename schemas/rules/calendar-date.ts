import type {RuleResult} from './result.ts'

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

// The date part of an ISO 8601 date or datetime as the Studio's inputs write it: 2018-08-28 or 2018-08-28T10:00:00Z.
const datePart = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!
}

/**
 * A date that passes Sanity's format check must also exist: 2020-02-30 has the right form but no such
 * day. Months outside 01-12 and days outside 01-31 fail Sanity's own format check, which says so;
 * values of another type are Sanity's to report as well.
 */
export function checkCalendarDate(value: unknown): RuleResult {
  if (typeof value !== 'string') return true
  const match = datePart.exec(value)
  if (!match) return true
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number]
  if (month < 1 || month > 12 || day < 1 || day > 31) return true
  const days = daysInMonth(year, month)
  if (day <= days) return true
  return `${value.slice(0, 10)} does not exist: ${monthNames[month - 1]} ${year} has ${days} days. Enter a day from 1 to ${days}`
}
