import type {Workspace} from 'sanity'

type Doc = {_id: string; _type: string; [key: string]: unknown}

/**
 * Resolves a preview `select` path the way the Studio's preview store does: dotted segments,
 * numeric array indexes, and references followed to the referenced document.
 */
function resolvePath(value: unknown, path: string, byId: Map<string, Doc>): unknown {
  let current = value
  for (const segment of path.split('.')) {
    const ref = (current as {_ref?: string} | undefined)?._ref
    if (ref) current = byId.get(ref)
    if (current === undefined || current === null) return undefined
    current = Array.isArray(current) && /^\d+$/.test(segment) ? current[Number(segment)] : (current as Record<string, unknown>)[segment]
  }
  const ref = (current as {_ref?: string} | undefined)?._ref
  return ref && !path.endsWith('_ref') ? (byId.get(ref) ?? current) : current
}

/** The title and subtitle the Studio shows for a document, from its type's own select and prepare. */
export function previewOf(workspace: Workspace, document: Doc, dataset: readonly Doc[] = []) {
  const type = workspace.schema.get(document._type)
  const preview = type?.preview as {select?: Record<string, string>; prepare?: (value: Record<string, unknown>) => Record<string, unknown>}
  if (!preview?.select) throw new Error(`${document._type} has no preview`)
  const byId = new Map([...dataset, document].map((doc) => [doc._id, doc]))
  const selection = Object.fromEntries(
    Object.entries(preview.select).map(([key, path]) => [key, resolvePath(document, path, byId)]),
  )
  const prepared = preview.prepare ? preview.prepare(selection) : selection
  return {title: prepared.title, subtitle: prepared.subtitle}
}
