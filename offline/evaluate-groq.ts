import {evaluateSync, parse, type ExprNode} from 'groq-js'

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

/**
 * Evaluates GROQ with groq-js over an array of documents, in groq-js's synchronous mode (the data is
 * in memory; the asynchronous mode awaits every node). References are followed through an id map
 * (groq-js's `dereference` option) instead of groq-js's default scan of the whole dataset per `->`.
 * Pass the same array again to reuse its map; a changed dataset must be a new array.
 */
export async function evaluateGroq(query: string, params: Record<string, unknown>, documents: readonly Doc[]): Promise<unknown> {
  return evaluateTree(parse(query, {params}), params, documents)
}

/** Evaluates a parsed query (see evaluateGroq); for callers that rewrite the tree first. */
export async function evaluateTree(tree: ExprNode, params: Record<string, unknown>, documents: readonly Doc[]): Promise<unknown> {
  const byId = idMap(documents)
  const result = evaluateSync(tree, {
    dataset: documents,
    params,
    dereference: ({_ref}: {_ref: string}) => byId.get(_ref) ?? null,
  })
  return result.get()
}
