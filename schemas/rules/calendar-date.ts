import type {RuleResult} from './result.ts'

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

// The date part of an ISO 8601 date or datetime as the Studio's inputs write it: 2018-08-28 or 2018-08-28T10:00:00Z.
const datePart = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!
}

/**
 * Sanity checks a date's format on the value turned into text, so the number 20230101 and the list
 * ["2023-01-01"] pass it (as 2023-01-01 in ISO 8601's basic form), yet no query or site reads them as
 * dates. Other values of the wrong type fail Sanity's check, which says so: they are left to it.
 */
export function checkDateIsText(value: unknown): RuleResult {
  if (value === undefined || value === null || typeof value === 'string') return true
  if ((typeof value === 'object' && !Array.isArray(value)) || !/^\d{4}/.test(String(value))) return true
  return `Enter the date as text, YYYY-MM-DD (for example 2023-01-01), not as ${Array.isArray(value) ? 'a list' : `a ${typeof value}`}`
}

/**
 * A date that passes Sanity's format check must also exist: 2020-02-30 has the right form but no such
 * day. Months outside 01-12 and days outside 01-31 fail Sanity's own format check, which says so;
 * values of another type are Sanity's to report as well.
 */
export function checkCalendarDate(value: unknown): RuleResult {
  if (typeof value !== 'string') return checkDateIsText(value)
  const match = datePart.exec(value)
  if (!match) return true
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number]
  if (month < 1 || month > 12 || day < 1 || day > 31) return true
  const days = daysInMonth(year, month)
  if (day <= days) return true
  return `${value.slice(0, 10)} does not exist: ${monthNames[month - 1]} ${year} has ${days} days. Enter a day from 1 to ${days}`
}
