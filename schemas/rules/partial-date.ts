import type {DatePrecision} from '../constants/date-precisions.ts'
import type {RuleResult} from './result.ts'

const significantLength: Record<DatePrecision, number> = {day: 10, month: 7, year: 4}

/** The part of an ISO date (YYYY-MM-DD) that the precision makes meaningful: 2023-06-12 at month -> 2023-06. */
export function truncateToPrecision(date: string, precision: DatePrecision = 'day'): string {
  return date.slice(0, significantLength[precision])
}

/**
 * The date stored for what is known: a month on its 1st (2023-06-12 at month -> 2023-06-01), a year
 * on 1 January. Undefined for a value that is not an ISO date, which Sanity's own check names.
 */
export function normaliseToPrecision(date: unknown, precision: DatePrecision | undefined): string | undefined {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined
  if (precision === 'month') return `${date.slice(0, 7)}-01`
  if (precision === 'year') return `${date.slice(0, 4)}-01-01`
  return date
}

/**
 * A date known only to the month is stored on the 1st, a date known only to the year on 1 January,
 * so lists sort by it and nobody reads an invented day into it.
 */
export function checkDateMatchesPrecision(
  date: unknown,
  precision: DatePrecision | undefined,
): RuleResult {
  // Not a date string: Sanity's date format check says so.
  if (typeof date !== 'string' || !date || !precision || precision === 'day') return true
  if (precision === 'month' && !date.endsWith('-01')) {
    return 'Only the month is known: set the day to the 1st, or change the precision to "Exact day"'
  }
  if (precision === 'year' && !date.endsWith('-01-01')) {
    return 'Only the year is known: set the date to 1 January, or change the precision'
  }
  return true
}

/** The end may fall in the same period as the start at the chosen precision, never before it. */
export function checkEndNotBeforeStart(
  start: unknown,
  end: unknown,
  precision: DatePrecision = 'day',
): RuleResult {
  if (typeof start !== 'string' || typeof end !== 'string' || !start || !end) return true
  return truncateToPrecision(end, precision) >= truncateToPrecision(start, precision)
    ? true
    : `The end date is before the start date (${start}): set it on or after the start`
}

/** "12 June 2023", "June 2023" or "2023", depending on what is known. */
export function formatPartialDate(
  date: string | undefined,
  precision: DatePrecision = 'day',
  locale = 'en-GB',
): string | undefined {
  if (typeof date !== 'string' || !date) return undefined
  const parsed = new Date(`${date.slice(0, 10)}T00:00:00Z`)
  if (Number.isNaN(parsed.getTime())) return date
  const options: Intl.DateTimeFormatOptions =
    precision === 'year'
      ? {year: 'numeric'}
      : precision === 'month'
        ? {year: 'numeric', month: 'long'}
        : {year: 'numeric', month: 'long', day: 'numeric'}
  return new Intl.DateTimeFormat(locale, {...options, timeZone: 'UTC'}).format(parsed)
}
