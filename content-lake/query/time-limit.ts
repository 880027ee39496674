import vm from 'node:vm'

import {LakeError} from '../errors.ts'

const context = vm.createContext({run: () => undefined})
const script = new vm.Script('run()')

/**
 * Runs `fn` and stops it once it has run `ms` milliseconds, throwing 408. V8 interrupts whatever
 * JavaScript runs on this thread (groq-js included), so a runaway query cannot keep the thread. Only the
 * synchronous part is limited: groq-js's synchronous evaluator does all of its work there.
 */
export function withTimeLimit<T>(ms: number, fn: () => T, what = 'The query'): T {
  context.run = fn
  try {
    return script.runInContext(context, {timeout: ms}) as T
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw new LakeError(408, 'queryTimeout', `${what} ran longer than ${ms} ms and was stopped: narrow it (filter by _type or _id first, slice large lists)`)
    }
    throw error
  } finally {
    context.run = () => undefined
  }
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
