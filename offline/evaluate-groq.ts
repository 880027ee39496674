import {evaluate, evaluateSync, parse, type ExprNode} from 'groq-js'

import {ASYNC_ONLY, holds} from '../content-lake/query/tree-features.ts'

type Doc = {_id: string; [key: string]: unknown}

// One id map per dataset array, built on first use: `->` then finds its document without a scan.
const idMaps = new WeakMap<readonly Doc[], Map<string, Doc>>()

function idMap(documents: readonly Doc[]): Map<string, Doc> {
  let map = idMaps.get(documents)
  if (!map) {
    map = new Map(documents.map((doc) => [doc._id, doc]))
    idMaps.set(documents, map)
  }
  return map
}

// What groq-js's synchronous evaluator throws for what only its asynchronous one can do.
const SYNC_UNSUPPORTED = /executeSync not supported|not possible in evaluteSync|in synchronous mode|in evaluateSync|Found synchronous value/

/** Whether a parsed query calls a function that groq-js evaluates only asynchronously (`diff::changedAny`...). */
export const needsAsyncEvaluation = (tree: ExprNode): boolean => holds(tree, ASYNC_ONLY)

export interface EvaluateTreeOptions {
  /**
   * Finds the document `->` follows a reference to in the synchronous evaluation, which nothing can
   * interrupt (default, and always in the asynchronous one: the document with that `_id` in `documents`).
   * It may answer a list of documents for a reference the caller made itself (the lake's reverse lookups).
   */
  dereference?: (id: string) => Doc | readonly Doc[] | null | undefined
}

/**
 * Evaluates GROQ with groq-js over an array of documents, in groq-js's synchronous mode (the data is
 * in memory; the asynchronous mode awaits every node), or in its asynchronous mode for the functions
 * that only that mode has. References are followed through an id map (groq-js's `dereference` option)
 * instead of groq-js's default scan of the whole dataset per `->`. Pass the same array again to reuse
 * its map; a changed dataset must be a new array.
 */
export async function evaluateGroq(query: string, params: Record<string, unknown>, documents: readonly Doc[]): Promise<unknown> {
  return evaluateTree(parse(query, {params}), params, documents)
}

/** Evaluates a parsed query (see evaluateGroq); for callers that rewrite the tree first. */
export async function evaluateTree(tree: ExprNode, params: Record<string, unknown>, documents: readonly Doc[], options: EvaluateTreeOptions = {}): Promise<unknown> {
  const byId = (id: string) => idMap(documents).get(id)
  const optionsWith = (find: (id: string) => Doc | readonly Doc[] | null | undefined) => ({dataset: documents, params, dereference: ({_ref}: {_ref: string}) => (find(_ref) ?? null) as Doc | null})
  if (!needsAsyncEvaluation(tree)) {
    try {
      return await evaluateSync(tree, optionsWith(options.dereference ?? byId)).get()
    } catch (error) {
      // Anything else only the asynchronous evaluator can do: evaluate again, there.
      if (!(error instanceof Error) || !SYNC_UNSUPPORTED.test(error.message)) throw error
    }
  }
  return (await evaluate(tree, optionsWith(byId))).get()
}
