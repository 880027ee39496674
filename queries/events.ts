import {defineQuery} from 'groq'

/**
 * Events that started in a period, newest first. Params: $from and $to as ISO dates, for a year
 * "2023-01-01" and "2024-01-01": a range on the stored date, which an index can serve. $language: titles in that
 * language where the dataset has them, else English.
 */
export const eventsByYearQuery = defineQuery(`*[
  _type == "event" && startDate >= $from && startDate < $to
] | order(startDate desc, _id desc) {
  _id,
  "title": coalesce(localizedTitles[language == $language][0].name, title),
  "slug": slug.current,
  kind,
  datePrecision,
  startDate,
  endDate,
  attendanceMode,
  "forum": forum->abbreviation,
  "host": host->abbreviation
}`)

/** Events that have not ended by $today (an ISO date), soonest first, at most $limit; titles in $language, else English. */
export const upcomingEventsQuery = defineQuery(`*[
  _type == "event" && (startDate >= $today || endDate >= $today)
] | order(startDate asc, _id asc) [0...$limit] {
  _id,
  "title": coalesce(localizedTitles[language == $language][0].name, title),
  "slug": slug.current,
  kind,
  datePrecision,
  startDate,
  endDate,
  attendanceMode,
  location {city, country},
  "forum": forum->abbreviation
}`)
