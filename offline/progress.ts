/**
 * A one-line progress bar for long validations: "[######------] 6879/18764 37% · 12 s, about 21 s left".
 * Written to stderr with a carriage return, only when stderr is a terminal (pipes and logs get none).
 */
export function formatProgress(done: number, total: number, elapsedMs: number, width = 30): string {
  const fraction = total === 0 ? 1 : Math.min(1, done / total)
  const filled = Math.round(fraction * width)
  const elapsed = Math.round(elapsedMs / 1000)
  const remaining = done > 0 && done < total ? Math.round(((elapsedMs / done) * (total - done)) / 1000) : undefined
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${Math.floor(fraction * 100)}% · ${elapsed} s${remaining === undefined ? '' : `, about ${remaining} s left`}`
}

interface ProgressStream {
  isTTY?: boolean
  write(text: string): unknown
}

/** `onProgress` for validateDocuments that redraws the bar at most ten times a second; a no-op off a terminal. */
export function progressBar(stream: ProgressStream, now: () => number = () => performance.now()): (done: number, total: number) => void {
  if (!stream.isTTY) return () => {}
  const started = now()
  let drawn = -Infinity
  return (done, total) => {
    const time = now()
    if (done < total && time - drawn < 100) return
    drawn = time
    // Carriage return, then clear the line: a shorter line must not leave the end of the last one.
    stream.write(`\r\x1b[K${formatProgress(done, total, time - started)}${done >= total ? '\n' : ''}`)
  }
}
