import vm from 'node:vm'

import {LakeError} from '../errors.ts'

const context = vm.createContext({run: () => undefined})
const script = new vm.Script('run()')

const timeoutError = (ms: number, what: string) =>
  new LakeError(408, 'queryTimeout', `${what} ran longer than ${ms} ms and was stopped: narrow it (filter by _type or _id first, slice large lists)`)

// Whether this thread runs inside interrupted(): code there is under V8's interrupt already.
let interrupting = false

/** Runs `fn` in V8's `vm` with a timeout: V8 interrupts whatever JavaScript runs until it returns. */
function interrupted<T>(ms: number, fn: () => T, onTimeout: () => LakeError): T {
  const outer = interrupting
  context.run = fn
  interrupting = true
  try {
    return script.runInContext(context, {timeout: ms}) as T
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw onTimeout()
    throw error
  } finally {
    interrupting = outer
    context.run = () => undefined
  }
}

/**
 * Runs `fn` and stops it once it has run `ms` milliseconds, throwing 408. V8 interrupts whatever
 * JavaScript runs on this thread (groq-js included), so a runaway query cannot keep the thread. Only the
 * synchronous part is limited: groq-js's synchronous evaluator does all of its work there. Node starts a
 * watchdog for each call (about 0.1 ms): queries use withDeadline, which needs it only for groq-js.
 */
export function withTimeLimit<T>(ms: number, fn: () => T, what = 'The query'): T {
  return interrupted(ms, fn, () => timeoutError(ms, what))
}

/** The limit the query running on this thread is under: when it ends (performance.now()), what it was. */
let limit: {deadline: number; ms: number; what: string} | undefined
let ticks = 0

/**
 * Runs `fn` (a query) under a limit of `ms` milliseconds, throwing 408 past it, as withTimeLimit does,
 * without a watchdog for what checks the time itself: the compiled evaluator's loops call checkTime(),
 * and what they cannot check (groq-js's evaluator) runs through interruptible(), which V8 interrupts at
 * the deadline. Only the synchronous part of `fn` is limited.
 */
export function withDeadline<T>(ms: number, fn: () => T, what = 'The query'): T {
  const outer = limit
  limit = {deadline: performance.now() + ms, ms, what}
  try {
    return fn()
  } finally {
    limit = outer
  }
}

/** Throws the 408 once the query running under withDeadline is past its limit; asks the clock every 64th call. */
export function checkTime(): void {
  if ((++ticks & 63) !== 0 || !limit) return
  if (performance.now() > limit.deadline) throw timeoutError(limit.ms, limit.what)
}

/**
 * Runs code that does not call checkTime() (groq-js evaluating a query) within what is left of the
 * limit of withDeadline, interrupted by V8 at the deadline; outside withDeadline, as it is. Node starts
 * a watchdog thread for each interrupted run (0.1 to 0.4 ms, more on a busy machine): code that calls
 * groq-js several times (top-k's filter, chunk after chunk) runs them all through one interruptible(),
 * and the calls inside it run as they are, under that one.
 */
export function interruptible<T>(fn: () => T): T {
  const current = limit
  if (!current || interrupting) return fn()
  const left = Math.ceil(current.deadline - performance.now())
  if (left <= 0) throw timeoutError(current.ms, current.what)
  return interrupted(left, fn, () => timeoutError(current.ms, current.what))
}

/** A query error groq-js or the JavaScript engine throws, as the 4xx the hosted lake answers. */
export function queryErrorOf(error: unknown): LakeError {
  if (error instanceof LakeError) return error
  const message = (error as Error)?.message ?? String(error)
  if (error instanceof RangeError && /Invalid (string|array) length/.test(message)) {
    return new LakeError(422, 'queryTooLarge', 'The query\'s result is too large to send: slice it or project fewer fields')
  }
  if (error instanceof RangeError) {
    return new LakeError(400, 'queryTooComplex', `The query is too complex to evaluate (${message}): it nests or recurses too deeply`)
  }
  // StoreQueries has named every error it knows (query-store.ts); anything else still failed on this
  // query alone: a 400 for the caller, and the details for whoever runs the lake.
  console.error('A query failed unexpectedly:', error)
  return new LakeError(400, 'queryError', `The query could not be evaluated: ${message}`)
}
