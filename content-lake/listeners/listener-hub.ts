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
}

// Far more than the dozens of listeners a few open Studios hold; each costs a check on every write.
const MAX_LISTENERS = 1_000

// Deciding whether one changed document matches a listener's filter: far more than any filter needs. The
// limit is wall-clock time: at 250 ms, a loaded machine (a Studio build and a browser on two cores)
// stopped trivial filters and closed the Studio's listeners mid-edit.
const MATCH_TIME_LIMIT_MS = 2_000
// The checks run on the main thread before the write is acknowledged, so a transaction's checks, for
// every listener together, get this long: past it, each further check gets CHECK_FLOOR_MS (a filter
// such as the Studio's takes microseconds), and a listener whose check runs longer is closed. Listeners
// with costly filters (nested filters over a large parameter, say) then hold a write for about this
// long, not two seconds each.
const TRANSACTION_BUDGET_MS = 500
const CHECK_FLOOR_MS = 2

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
      for (const listener of this.listeners) {
        // One listener's query failing ends that listener alone; the others and the write are unaffected.
        try {
          this.notify(listener, record, before, budgetEnds)
        } catch (error) {
          this.listeners.delete(listener)
          listener.disconnect(`The listener's query failed and the listener was closed: ${queryErrorOf(error).message}`)
        }
      }
    })
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
    const unsupported = unsupportedFunction(tree)
    if (unsupported) throw new LakeError(400, 'unsupportedFunction', `Listeners cannot use ${unsupported} in the local Content Lake: listen with a filter such as *[_type == "article"]`)
    const listener: Listener = {...options, tree, compiled: compileGroq(tree), send, disconnect}
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private matches(listener: Listener, doc: Doc | null, budgetEnds: number): boolean {
    if (!doc) return false
    const ms = Math.ceil(Math.min(MATCH_TIME_LIMIT_MS, Math.max(CHECK_FLOOR_MS, budgetEnds - performance.now())))
    // Each listener checks each changed document twice on every write: compiled, it runs under a deadline
    // its loops check, without the watchdog thread V8's interrupt (withTimeLimit) starts for groq-js.
    const {compiled} = listener
    const result = compiled
      ? withDeadline(ms, () => compiled({dataset: [doc], params: listener.params}), "The listener's query")
      : withTimeLimit(ms, () => toJS(evaluateSync(listener.tree, {dataset: [doc], params: listener.params})), "The listener's query")
    return Array.isArray(result) ? result.length > 0 : result !== null && result !== undefined
  }

  private notify(listener: Listener, record: TransactionRecord, before: Map<string, Doc | null>, budgetEnds: number) {
    const events = []
    for (const change of record.changes) {
      if (listener.publicOnly && !isRootPathId(change.id)) continue
      const previous = before.get(change.id) ?? null
      const [was, is] = [this.matches(listener, previous, budgetEnds), this.matches(listener, change.after, budgetEnds)]
      if (!was && !is) continue
      events.push({change, previous, transition: !was ? 'appear' : is ? 'update' : 'disappear'})
    }
    events.forEach(({change, previous, transition}, index) => {
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
  }
}
