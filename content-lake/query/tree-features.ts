/**
 * What a parsed query's subtree holds that the lake's rewrites look for, so that each rewrite can pass
 * over the subtrees where it has nothing to do instead of walking them. A site's page query is a few
 * filters over `*` and a large projection below them; narrowing and top-k rewrite only filters over
 * `*`, text search only `text::query()`. Kept per frozen node: the parsed templates (parsed-queries.ts)
 * are frozen and shared by every request, so each of their nodes is looked at once, not per request.
 * Value nodes are data (parameters' values, narrowed documents), never query structure.
 */
type Node = {type?: string; namespace?: string; name?: string}

/** `*` somewhere below: narrowing (narrow-query.ts) and top-k (top-k.ts) rewrite only filters over it. */
export const EVERYTHING = 1
/** `text::query()` somewhere below: what text-search.ts rewrites. */
export const TEXT_QUERY = 2
/** A function groq-js evaluates only in its asynchronous mode (`diff::changedAny`, ...). */
export const ASYNC_ONLY = 4
/**
 * What reads beyond the value `@` starts as: a parameter, `^`, `*`, `->` (other documents) or a
 * context function. A subtree without it answers the same for the same `@` (json-fragments.ts).
 */
export const BEYOND_ITEM = 8

/**
 * What reads the scope it is evaluated in: `@`, an attribute without a base (`title` is `@.title`), `^`
 * (at any depth), or a function that may read `@` (`references()`). Below a filter's, projection's or
 * map's expression, or a pipe function's arguments, `@` is the item there: only `^` still reads out. A
 * subtree without it answers the same wherever it is evaluated in one run of a query (compiled-groq.ts).
 */
export const READS_SCOPE = 16
/** `^` somewhere below (never hidden by an inner scope: it may read as far up as it likes). */
const PARENT = 32
/** `order()` or `score()` somewhere below: top-k (top-k.ts) rewrites only what sorts or ranks. */
export const SORTS = 64

// The keys whose subtree is evaluated in a scope of its own, per item.
const ITEM_SCOPED_KEYS: Record<string, string> = {Filter: 'expr', Projection: 'expr', Map: 'expr', FlatMap: 'expr', PipeFuncCall: 'args'}

// Nodes that read something other than `@` and what is below it.
const BEYOND_ITEM_NODES = new Set(['Parameter', 'Parent', 'Everything', 'Deref', 'Context'])

// The functions groq-js 2.0.1 evaluates only in its asynchronous evaluator (its `asyncOnlyExecutor`s);
// `delta::*` exist only in delta mode.
const ASYNC_ONLY_FUNCTIONS = new Set(['diff::changedAny', 'diff::changedOnly', 'delta::changedAny', 'delta::changedOnly'])

// Functions that read their arguments alone (in groq-js 2.0.1); any other may read the clock, the
// identity, the dataset or `@` wherever it is called from, and so counts as reading beyond the item.
const ITEM_FUNCTIONS = new Set([
  'global::coalesce', 'global::defined', 'global::count', 'global::length', 'global::string', 'global::lower', 'global::upper', 'global::path',
  'string::lower', 'string::upper', 'string::split', 'string::startsWith', 'array::join', 'array::compact',
])

const known = new WeakMap<object, number>()

function own(node: Node): number {
  if (node.type === 'Everything') return EVERYTHING | BEYOND_ITEM
  if (node.type === 'Parent') return BEYOND_ITEM | READS_SCOPE | PARENT
  if (node.type === 'Context') return BEYOND_ITEM | READS_SCOPE
  if (BEYOND_ITEM_NODES.has(node.type!)) return BEYOND_ITEM
  if (node.type === 'PipeFuncCall') return node.name === 'order' || node.name === 'score' ? SORTS : 0
  if (node.type === 'This' || (node.type === 'AccessAttribute' && !(node as {base?: unknown}).base)) return READS_SCOPE
  if (node.type !== 'FuncCall') return 0
  const name = `${node.namespace}::${node.name}`
  if (name === 'text::query') return TEXT_QUERY | BEYOND_ITEM | READS_SCOPE
  if (ASYNC_ONLY_FUNCTIONS.has(name)) return ASYNC_ONLY | BEYOND_ITEM | READS_SCOPE
  return ITEM_FUNCTIONS.has(name) ? 0 : BEYOND_ITEM | READS_SCOPE
}

/** The features (EVERYTHING | TEXT_QUERY | ASYNC_ONLY | BEYOND_ITEM | READS_SCOPE | SORTS) of a node or array of nodes and everything below it. */
export function featuresOf(value: unknown): number {
  if (!value || typeof value !== 'object') return 0
  const kept = known.get(value)
  if (kept !== undefined) return kept
  let features = 0
  if (Array.isArray(value)) {
    for (const child of value) features |= featuresOf(child)
  } else {
    const node = value as Node
    if (node.type === 'Value') return 0
    features = own(node)
    const itemScoped = ITEM_SCOPED_KEYS[node.type!]
    // `func` is groq-js's implementation of a FuncCall, not part of the tree.
    for (const key in node) {
      if (key === 'func') continue
      const below = featuresOf((node as Record<string, unknown>)[key])
      // In an item's own scope `@` is the item: what reads it there does not read this node's scope.
      features |= key === itemScoped && !(below & PARENT) ? below & ~READS_SCOPE : below
    }
  }
  // Only frozen nodes are kept: they cannot change, and are the ones shared from request to request.
  if (Object.isFrozen(value)) known.set(value, features)
  return features
}

/** Whether a node or anything below it has the feature. */
export const holds = (value: unknown, feature: number): boolean => (featuresOf(value) & feature) !== 0

/**
 * Whether a rewrite looking for the feature can leave this subtree as it is, unwalked: a frozen node
 * (known once) without it. A request's own nodes (the copies that hold its parameters' values) are
 * walked, as asking each of them would walk everything below it again.
 */
export const lacks = (value: unknown, feature: number): boolean =>
  !value || typeof value !== 'object' || (Object.isFrozen(value) && (featuresOf(value) & feature) === 0)
