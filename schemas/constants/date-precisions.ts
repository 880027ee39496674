/** How much of an event's date is known: the seed article, for one, gives only the year. */
export const datePrecisions = [
  {title: 'Exact day', value: 'day'},
  {title: 'Month only', value: 'month'},
  {title: 'Year only', value: 'year'},
] as const

export type DatePrecision = (typeof datePrecisions)[number]['value']
