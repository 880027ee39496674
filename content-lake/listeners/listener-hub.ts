import {parse, type ExprNode} from 'groq-js'

import {evaluateTree} from '../../offline/evaluate-groq.ts'
import {LakeError} from '../errors.ts'
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
}

type Send = (event: string, data: unknown) => void

interface Listener extends ListenOptions {
  tree: ExprNode
  send: Send
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
      for (const listener of this.listeners) void this.notify(listener, record, before)
    })
  }

  get size() {
    return this.listeners.size
  }

  /** Checks the query and registers; returns the function that unregisters. Throws 400 on bad GROQ. */
  add(options: ListenOptions, send: Send): () => void {
    let tree: ExprNode
    try {
      tree = parse(options.query, {params: options.params})
    } catch (error) {
      throw new LakeError(400, 'queryParseError', (error as Error).message)
    }
    const listener: Listener = {...options, tree, send}
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private async matches(listener: Listener, doc: Doc | null): Promise<boolean> {
    if (!doc) return false
    const result = await evaluateTree(listener.tree, listener.params, [doc])
    return Array.isArray(result) ? result.length > 0 : result !== null && result !== undefined
  }

  private async notify(listener: Listener, record: TransactionRecord, before: Map<string, Doc | null>) {
    const events = []
    for (const change of record.changes) {
      const previous = before.get(change.id) ?? null
      const [was, is] = [await this.matches(listener, previous), await this.matches(listener, change.after)]
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
