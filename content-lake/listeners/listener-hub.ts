import {evaluateSync, toJS, type ExprNode} from 'groq-js'

import {LakeError} from '../errors.ts'
import {needsAsyncEvaluation} from '../../offline/evaluate-groq.ts'
import {isRootPathId} from '../query/perspectives.ts'
import {parseQuery} from '../query/query-checks.ts'
import {unimplementedFunctionsIn} from '../query/query-store.ts'
import {compileGroq, type CompiledQuery} from '../query/compiled-groq.ts'
import {queryErrorOf, withDeadline, withTimeLimit} from '../query/time-limit.ts'
import type {Doc, DocumentStore} from '../store/document-store.ts'
import {wholeValueEffects} from '../store/effects.ts'
import type {TransactionRecord} from '../store/transaction-log.ts'

export interface ListenOptions {
  query: string
  params: Record<string, unknown>
  includeResult: boolean
  includePreviousRevision: boolean
  /** On unless the client sends includeMutations=false (the Studio's pair listener applies them). */
  includeMutations: boolean
  identity: string
  /** Only changes of documents whose ids are root paths: what a request without credentials may read. */
  publicOnly?: boolean
}

type Send = (event: string, data: unknown) => void

interface Listener extends ListenOptions {
  tree: ExprNode
  /** The tree compiled (compiled-groq.ts), or undefined where groq-js evaluates it. */
  compiled: CompiledQuery | undefined
  send: Send
  /** Ends this listener's stream, telling the client why. */
  disconnect: (reason: string) => void
  /** Milliseconds a check of one document took it on the last write that checked it; Infinity until then. */
  msPerCheck: number
}

// Far more than the dozens of listeners a few open Studios hold; each costs a check on every write.
const MAX_LISTENERS = 1_000

// The checks run on the main thread before the write is answered, so they are limited per write. The
// cheapest listeners, as measured on earlier writes, are checked first and new ones last. Each listener's
// checks of one write get LISTENER_SHARE_MS until all listeners' together have had TRANSACTION_BUDGET_MS;
// then each further listener gets LATE_SHARE_MS (a filter such as the Studio's takes microseconds a
// document), so filters cheap on earlier writes and costly on this one cannot get the cheap listeners
// after them closed; and none is checked past twice the budget. A listener whose checks run past its
// share, or that is not reached, is closed with a channelError saying why (it cannot be told of this
// write; its client listens again and the Studio refetches). Only costly filters, or thousands of
// documents in one write, come near these. They are wall-clock time, generous because a loaded machine (a
// Studio build and a browser on two cores) is slow: at 250 ms a check, it once stopped trivial filters run
// under V8's watchdog.
const LISTENER_SHARE_MS = 250
const TRANSACTION_BUDGET_MS = 1_000
const LATE_SHARE_MS = 5
const SHARES = `${LISTENER_SHARE_MS} ms, ${LATE_SHARE_MS} ms once the listeners together have had ${TRANSACTION_BUDGET_MS} ms`
const WRITE_TOO_LARGE = `This write changed more documents than the listeners' filters could be checked against in ${2 * TRANSACTION_BUDGET_MS} ms: listen again`

/** Whether the query's innermost base (down its chain of filters, projections, slices and order) is `*`. */
function readsFromEverything(tree: ExprNode): boolean {
  let node = tree as {type: string; base?: unknown}
  while (node.base && typeof node.base === 'object') node = node.base as typeof node
  return node.type === 'Everything'
}

/**
 * A function the listener's per-document check cannot run: one groq-js does not implement, or one it
 * runs only asynchronously (diff::, delta::), which the time limit cannot stop.
 */
function unsupportedFunction(tree: ExprNode): string | undefined {
  const [unimplemented] = unimplementedFunctionsIn(tree)
  if (unimplemented) return `${unimplemented}()`
  return needsAsyncEvaluation(tree) ? 'diff:: and delta:: functions' : undefined
}

/**
 * Server-sent mutation events for listeners, as the Content Lake sends them: one event per document a
 * transaction changed that matches the listener's query before or after, with the transition, the
 * mutations (@sanity/mutator applies them) and mendoza effects (a whole-value replacement).
 */
export class ListenerHub {
  private readonly listeners = new Set<Listener>()

  constructor(store: DocumentStore) {
    store.onTransaction((record, before) => {
      const budgetEnds = performance.now() + TRANSACTION_BUDGET_MS
      const lastEnds = budgetEnds + TRANSACTION_BUDGET_MS
      // (A stable sort: new listeners, and those that cost the same, in the order they came.)
      for (const listener of [...this.listeners].toSorted((a, b) => a.msPerCheck - b.msPerCheck)) {
        const started = performance.now()
        if (started >= lastEnds) {
          this.close(listener, WRITE_TOO_LARGE)
          continue
        }
        const ends = started < budgetEnds ? Math.min(budgetEnds, started + LISTENER_SHARE_MS) : Math.min(lastEnds, started + LATE_SHARE_MS)
        // One listener's query failing (or running past its share) ends that listener alone; the others and the write are unaffected.
        try {
          const checks = this.notify(listener, record, before, ends)
          if (checks > 0) listener.msPerCheck = (performance.now() - started) / checks
        } catch (error) {
          this.close(listener, `The listener's query failed and the listener was closed: ${queryErrorOf(error).message}`)
        }
      }
    })
  }

  private close(listener: Listener, reason: string) {
    this.listeners.delete(listener)
    listener.disconnect(reason)
  }

  get size() {
    return this.listeners.size
  }

  /**
   * Checks the query and registers; returns the function that unregisters. A query that cannot be
   * evaluated is refused here with 400, before the stream opens, rather than failing at the next write.
   */
  add(options: ListenOptions, send: Send, disconnect: (reason: string) => void = () => {}): () => void {
    if (this.listeners.size >= MAX_LISTENERS) {
      throw new LakeError(429, 'tooManyListeners', `The local Content Lake serves at most ${MAX_LISTENERS} listeners at once: close some (each open Studio tab holds about ten)`)
    }
    // Parsed on the main thread, which serves every request: a listener's filter is short, and a long
    // one gets a tenth of a second to parse (a 16 KB chain, as long as a URL may be, takes about one).
    const tree = parseQuery(options.query, options.params, {parseLimitMs: 100})
    // A listener hears of the documents its query selects from `*` (`*[filter]`, with a projection or
    // order if given): a bare expression (`false`, `_type == "x"`) selects none, and is refused.
    if (!readsFromEverything(tree)) throw new LakeError(400, 'invalidListenQuery', 'Listen with a query over the documents, such as *[_type == "article"]')
    const unsupported = unsupportedFunction(tree)
    if (unsupported) throw new LakeError(400, 'unsupportedFunction', `Listeners cannot use ${unsupported} in the local Content Lake: listen with a filter such as *[_type == "article"]`)
    const listener: Listener = {...options, tree, compiled: compileGroq(tree), send, disconnect, msPerCheck: Number.POSITIVE_INFINITY}
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Whether the document matches the listener's filter, checked by `ends` (performance.now()); throws 408 past it. */
  private matches(listener: Listener, doc: Doc | null, ends: number): boolean {
    if (!doc) return false
    const left = ends - performance.now()
    if (left <= 0) throw new LakeError(408, 'queryTimeout', `The listener's filter took more than its share of the time for checking one write's documents (${SHARES}): listen with a simpler filter`)
    const ms = Math.max(1, Math.ceil(left))
    // Each listener checks each changed document twice on every write: compiled, it runs under a deadline
    // its loops check, without the watchdog thread V8's interrupt (withTimeLimit) starts for groq-js.
    const {compiled} = listener
    const result = compiled
      ? withDeadline(ms, () => compiled({dataset: [doc], params: listener.params}), "The listener's query")
      : withTimeLimit(ms, () => toJS(evaluateSync(listener.tree, {dataset: [doc], params: listener.params})), "The listener's query")
    return Array.isArray(result) && result.length > 0
  }

  /** Sends the listener the events of a transaction, its checks done by `ends`; returns how many documents it checked. */
  private notify(listener: Listener, record: TransactionRecord, before: Map<string, Doc | null>, ends: number): number {
    const events = []
    let checks = 0
    for (const change of record.changes) {
      if (listener.publicOnly && !isRootPathId(change.id)) continue
      const previous = before.get(change.id) ?? null
      const [was, is] = [this.matches(listener, previous, ends), this.matches(listener, change.after, ends)]
      checks += (previous ? 1 : 0) + (change.after ? 1 : 0)
      if (!was && !is) continue
      events.push({change, previous, transition: !was ? 'appear' : is ? 'update' : 'disappear'})
    }
    events.forEach(({change, previous, transition}, index) => {
      // Sending counts against the listener's share too: thousands of events for many listeners held writes seconds.
      if (performance.now() > ends) throw new LakeError(408, 'queryTimeout', `The listener's events for one write took more than its share of the time for sending them (${SHARES}): listen again`)
      listener.send('mutation', {
        eventId: `${record.transactionId}#${change.id}`,
        documentId: change.id,
        transactionId: record.transactionId,
        transition,
        identity: record.author ?? listener.identity,
        ...(listener.includeMutations ? {mutations: change.after ? [{createOrReplace: change.after}] : [{delete: {id: change.id}}]} : {}),
        ...(change.previousRev ? {previousRev: change.previousRev} : {}),
        resultRev: record.transactionId,
        timestamp: record.timestamp,
        effects: wholeValueEffects(previous, change.after),
        ...(listener.includeResult && change.after ? {result: change.after} : {}),
        ...(listener.includePreviousRevision && previous ? {previous} : {}),
        visibility: 'query',
        transactionTotalEvents: events.length,
        transactionCurrentEvent: index + 1,
      })
    })
    return checks
  }
}
