/**
 * The walk the lake's query rewrites share (text search, narrowing, top-k, source maps): `visit` each
 * child of a parsed GROQ node or array, and copy the node only when a child changed. Most of a query
 * tree comes back as it was, so a rewrite that finds nothing to do costs a walk and no allocation.
 */
export function rewriteChildren<T>(value: T, visit: (child: unknown) => unknown): T {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined
    for (let index = 0; index < value.length; index++) {
      const child = value[index] as unknown
      const visited = child && typeof child === 'object' ? visit(child) : child
      if (visited !== child) (copy ??= [...value])[index] = visited
    }
    return (copy ?? value) as T
  }
  if (!value || typeof value !== 'object') return value
  let copy: Record<string, unknown> | undefined
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key]
    if (!child || typeof child !== 'object') continue
    const visited = visit(child)
    if (visited !== child) (copy ??= {...(value as Record<string, unknown>)})[key] = visited
  }
  return (copy ?? value) as T
}

/** The tree with every node frozen (not the values in Value nodes, which are the caller's). */
export function freezeTree<T>(tree: T): T {
  const stack: unknown[] = [tree]
  while (stack.length > 0) {
    const value = stack.pop()
    if (!value || typeof value !== 'object' || Object.isFrozen(value)) continue
    Object.freeze(value)
    if ((value as {type?: unknown}).type === 'Value') continue
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push(child)
  }
  return tree
}
