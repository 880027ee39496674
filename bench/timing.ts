/** How bench/content-lake-queries.ts and its timing client (bench/lake-timing-client.ts) time a request. */

export interface Timing {
  p50: number
  p95: number
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!

const summarise = (times: number[]): Timing => {
  times.sort((a, b) => a - b)
  return {p50: percentile(times, 50), p95: percentile(times, 95)}
}

/** Whether to time run `i`: the first `count` always, then more until `until` (performance.now()), 2,000 at most. */
const moreRuns = (i: number, count: number, until: number) => i <= count || (i <= 2000 && performance.now() < until)

/**
 * p50 and p95 of `count` runs after one warm-up, and more until `seconds` have passed (at most 2,000; see
 * timedInTurn). A query whose warm-up takes over 10 s (a naive form's join in plain groq-js, scanning
 * the whole dataset per item) is timed once more only.
 */
export async function timed(run: (i: number) => Promise<unknown>, count: number, seconds = 0): Promise<Timing> {
  const firstStarted = performance.now()
  await run(0)
  const slow = performance.now() - firstStarted > 10_000
  if (slow) count = 1
  const times: number[] = []
  const until = slow ? 0 : performance.now() + seconds * 1000
  for (let i = 1; moreRuns(i, count, until); i++) {
    const started = performance.now()
    await run(i)
    times.push(performance.now() - started)
  }
  return summarise(times)
}

/**
 * p50 and p95 of two ways of asking the same thing, timed in turn (a, b, a, b ...) after one warm-up
 * each: neither is always timed on a warmer lake or a quieter moment than the other. At least `count`
 * pairs, and more until `seconds` have passed (at most 2,000): a request of 2 ms timed 15 times gives a
 * median that moves by tenths of a millisecond from run to run, more than the differences it is read for.
 */
export async function timedInTurn(a: (i: number) => Promise<unknown>, b: (i: number) => Promise<unknown>, count: number, seconds = 0): Promise<[Timing, Timing]> {
  await a(0)
  await b(0)
  const times: [number[], number[]] = [[], []]
  const until = performance.now() + seconds * 1000
  for (let i = 1; moreRuns(i, count, until); i++) {
    for (const [which, run] of [a, b].entries()) {
      const started = performance.now()
      await run(i)
      times[which]!.push(performance.now() - started)
    }
  }
  return [summarise(times[0]), summarise(times[1])]
}
