import {getConfigContextFromSource, type Workspace} from 'sanity'
import {createStructureBuilder, type StructureResolver, type DefaultDocumentNodeResolver} from 'sanity/structure'

/** A serialized structure node, loosely typed: tests read ids, titles, filters and children. */
export interface Node {
  id: string
  type: string
  title?: string
  items?: Node[]
  child?: unknown
  options?: {filter?: string; params?: Record<string, unknown>; type?: string; id?: string; defaultOrdering?: unknown}
  initialValueTemplates?: {templateId: string; parameters?: Record<string, unknown>}[]
  views?: {id: string; type: string; title?: string}[]
  [key: string]: unknown
}

type Serializable = {serialize: (options?: unknown) => Node}
const isSerializable = (value: unknown): value is Serializable =>
  typeof (value as Serializable | undefined)?.serialize === 'function'

/** The structure the workspace's structure tool shows: its resolver, run with Sanity's own builder. */
export function structureOf(workspace: Workspace) {
  const tool = workspace.tools.find((candidate) => candidate.name === 'content')
  if (!tool) throw new Error('The workspace has no structure tool named "content"')
  const {structure, defaultDocumentNode} = tool.options as {structure: StructureResolver; defaultDocumentNode: DefaultDocumentNodeResolver}
  const source = workspace.unstable_sources[0]!
  const S = createStructureBuilder({source, perspectiveStack: [], defaultDocumentNode})
  const root = structure(S, {...getConfigContextFromSource(source), perspectiveStack: []} as never)
  return {S, root: (root as Serializable).serialize()}
}

/** The node a list item opens, the way the structure tool resolves it (builders, functions, promises). */
export async function open(list: Node, itemId: string): Promise<Node> {
  const item = list.items?.find((candidate) => candidate.id === itemId)
  if (!item) throw new Error(`No item "${itemId}" in "${list.id}": ${list.items?.map((i) => i.id).join(', ')}`)
  let child = item.child
  if (typeof child === 'function') child = await child(itemId, {parent: list, index: 0, splitIndex: 0, path: []})
  return isSerializable(child) ? child.serialize() : (child as Node)
}

export const itemIds = (list: Node) => (list.items ?? []).filter((item) => item.type !== 'divider').map((item) => item.id)
