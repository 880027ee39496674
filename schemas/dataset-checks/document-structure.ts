import type {ValidationContext} from 'sanity'

import {STUDIO_API_VERSION} from '../constants/ids.ts'
import {assetTypeOf, referencedIds, structureProblems} from '../rules/schema-walk.ts'
import {publishedIdOf} from '../rules/singleton.ts'

// `_id in [...]` is served from the Content Lake's id index: one query per document, whatever its size.
export const TYPES_OF = `*[_id in $ids]{_id, _type}`

// The Studio's Releases tool validates each version as its own query returns it, with these two fields
// added beside the stored ones: they are the Studio's, not the document's, so they are no unknown fields.
const ADDED_BY_RELEASES_TOOL = ['publishedDocumentExists', 'draftDocumentExists']

function storedFields(document: Record<string, unknown>): Record<string, unknown> {
  if (!ADDED_BY_RELEASES_TOOL.some((field) => field in document)) return document
  return Object.fromEntries(Object.entries(document).filter(([field]) => !ADDED_BY_RELEASES_TOOL.includes(field)))
}

/**
 * The document-level rule every document type carries: the structure the Studio's inputs guarantee
 * (keys, item types, known fields, defined marks, real dates) and references to documents of the
 * types in their `to`, with each problem shown at its field. Documents written by scripts or imports
 * get the same messages the Studio shows.
 */
export async function checkDocumentStructure(value: unknown, context: ValidationContext) {
  if (typeof value !== 'object' || value === null || !context.type) return true
  const document = storedFields(value as Record<string, unknown>)
  const ids = [...referencedIds(document)]
  const typeById = new Map<string, string>()
  if (ids.length > 0) {
    const versions = ids.flatMap((id) => [id, `drafts.${publishedIdOf(id)}`])
    const rows = await context.getClient({apiVersion: STUDIO_API_VERSION}).fetch<{_id: string; _type: string}[]>(TYPES_OF, {ids: versions})
    for (const row of rows) typeById.set(publishedIdOf(row._id), row._type)
  }
  const problems = structureProblems(
    document as Record<string, unknown>,
    context.type,
    (id) => typeById.get(publishedIdOf(id)) ?? assetTypeOf(id),
    (name) => (context.schema.get(name)?.title ?? name).toLowerCase(),
  )
  return problems.length === 0 ? true : problems.map(({path, message}) => ({path, message}))
}
