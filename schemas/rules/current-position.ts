export interface PositionSummary {
  title?: string
  office?: string
  endDate?: string
}

/**
 * "Deputy Commissioner, CNIPA" for the first position without an end date (positions are kept newest
 * first); "formerly ..." when every position has ended; undefined when there are none.
 */
export function currentPositionSummary(positions: readonly PositionSummary[]): string | undefined {
  const known = positions.filter((position) => position.title)
  const current = known.find((position) => !position.endDate)
  const shown = current ?? known[0]
  if (!shown) return undefined
  const text = [shown.title, shown.office].filter(Boolean).join(', ')
  return current ? text : `formerly ${text}`
}
