import type {ExprNode} from 'groq-js'

import {constantStrings, isAttribute} from '../query/narrow-query.ts'
import {publishedIdOf} from '../store/document-ids.ts'
import type {Doc} from '../store/document-store.ts'

type Node = {type: string; [key: string]: unknown}

/**
 * Sync tags: what a query result depends on, as the Live Content API names it. A query's response
 * carries its tags; each write's live event carries the tags of what it changed; a site refetches the
 * queries whose tags an event names. The hosted lake's tags are opaque and fine-grained; these are
 * coarse but never miss a change: a query reads the documents of the types or ids its filters name,
 * or, when it reads anything else (another filter, a reference followed with `->`), any document.
 */
export const ANY_DOCUMENT_TAG = 's1:any'
export const typeTag = (type: string) => `s1:type:${type}`
/** A document by its published id: its drafts and versions are shown under that id in their perspectives. */
export const idTag = (id: string) => `s1:id:${publishedIdOf(id)}`

/**
 * `_type == "x"`, `_type in [...]`, `_id == "x"` or `_id in [...]` among a filter's conjuncts: the tags
 * of the documents it can match, or undefined.
 */
function filterTags(expr: Node): string[] | undefined {
  if (expr.type === 'And') return filterTags(expr.left as Node) ?? filterTags(expr.right as Node)
  if (expr.type === 'Group') return filterTags(expr.base as Node)
  if (expr.type !== 'OpCall' || (expr.op !== '==' && expr.op !== 'in')) return undefined
  return fieldTags(expr, '_type', typeTag) ?? fieldTags(expr, '_id', idTag)
}

function fieldTags(expr: Node, field: string, tag: (value: string) => string): string[] | undefined {
  // More values than can match (an array compared with ==) only widens the tags.
  if (isAttribute(expr.left, field)) return constantStrings(expr.right)?.map(tag)
  if (expr.op === '==' && isAttribute(expr.right, field)) return constantStrings(expr.left)?.map(tag)
  return undefined
}

/**
 * Walks what a query reads of the dataset: true as soon as it reads any document (it follows a reference,
 * `->`, reads `*` other than as the base of a filter, or `filterReadsAny` says so of a filter over `*`'s
 * expression, which is walked too).
 */
function readsAny(tree: ExprNode, filterReadsAny: (filter: Node) => boolean): boolean {
  const stack: unknown[] = [tree]
  while (stack.length > 0) {
    const value = stack.pop()
    if (!value || typeof value !== 'object') continue
    const node = value as Node
    if (node.type === 'Value') continue
    if (node.type === 'Everything' || node.type === 'Deref') return true
    if (node.type === 'Filter' && (node.base as Node).type === 'Everything') {
      if (filterReadsAny(node.expr as Node)) return true
      stack.push(node.expr)
    } else for (const child of Array.isArray(value) ? value : Object.values(node)) stack.push(child)
  }
  return false
}

/**
 * Whether a query reads any document whatever its parameters' values: its sync tags are then
 * [ANY_DOCUMENT_TAG] for every request.
 */
export const readsAnyDocument = (tree: ExprNode): boolean => readsAny(tree, () => false)

/** The sync tags of a parsed query (its parameters already in place). */
export function syncTagsOf(tree: ExprNode): string[] {
  const tags = new Set<string>()
  const anyDocument = readsAny(tree, (filter) => {
    const found = filterTags(filter)
    for (const tag of found ?? []) tags.add(tag)
    return !found
  })
  return anyDocument ? [ANY_DOCUMENT_TAG] : [...tags].toSorted()
}

/** The tags a change to one document touches: its id, its type before and after, and the tag of queries that read any document. */
export function syncTagsOfChange(id: string, before: Doc | null, after: Doc | null): string[] {
  const types = new Set([before?._type, after?._type].filter((type): type is string => typeof type === 'string'))
  return [ANY_DOCUMENT_TAG, idTag(id), ...[...types].toSorted().map(typeTag)]
}
