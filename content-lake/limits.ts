import {LakeError} from './errors.ts'

/**
 * What one request may ask of the local Content Lake. Each is far above what the Studio or a site sends
 * and low enough that no request can exhaust the stack, the memory or the one thread writes run on.
 * README ("Limits") lists them; a request past one gets a 4xx naming it.
 */
export const LIMITS = {
  /** JSON request bodies (queries, mutations, actions). */
  bodyBytes: 10 * 1024 * 1024,
  /** Image and file uploads. */
  uploadBytes: 50 * 1024 * 1024,
  /** Objects and arrays inside one another, in a document, a parameter or a request body. */
  nestingDepth: 100,
  /** Nodes inside one another in a parsed GROQ query. */
  queryDepth: 100,
  /** Characters in a GROQ query. */
  queryLength: 100_000,
  /** Releases a dataset may have that are not yet published or archived (the Releases tool is told it too). */
  releases: 1_000,
  /** Mutations in one transaction, and actions in one /data/actions request. */
  mutationsPerTransaction: 10_000,
  /** How long one query may run before it is stopped (the hosted lake also ends long queries). */
  queryTimeoutMs: 10_000,
  /** Server-sent events a listener may leave unread before it is disconnected. */
  listenerBufferBytes: 8 * 1024 * 1024,
  /** Image sides: a header claiming more is not an image anyone uploaded. */
  imageSidePixels: 50_000,
} as const

/**
 * The deepest nesting of arrays and objects in `value`, counted with a stack (never recursion), and
 * stopping as soon as it passes `limit`.
 */
export function nestingDepth(value: unknown, limit: number = LIMITS.nestingDepth): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!
    if (!current || typeof current !== 'object') continue
    const level = depth + 1
    if (level > deepest) deepest = level
    if (deepest > limit) return deepest
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child && typeof child === 'object') stack.push([child, level])
    }
  }
  return deepest
}

/** Refuses a value nested deeper than the limit with 400, naming what it is. */
export function assertNesting(value: unknown, what: string, limit: number = LIMITS.nestingDepth) {
  if (nestingDepth(value, limit) > limit) {
    throw new LakeError(400, 'nestingTooDeep', `${what} is nested more than ${limit} levels deep: the local Content Lake accepts at most ${limit}`)
  }
}
