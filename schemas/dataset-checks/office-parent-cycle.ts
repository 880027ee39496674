import {getPublishedId, type Reference, type ValidationContext} from 'sanity'

import {STUDIO_API_VERSION} from '../constants/ids.ts'
import {referencedId} from '../rules/duplicates.ts'
import {checkNoParentCycle} from '../rules/office-hierarchy.ts'

// Offices are a few hundred documents at most; one query gives the whole parent map.
const OFFICE_PARENTS = `*[_type == "office" && defined(parent)]{_id, "parent": parent._ref, name}`

/** A parent office never leads back to the office itself, however far up. */
export async function checkOfficeParent(parent: Reference | undefined, context: ValidationContext) {
  const parentId = referencedId(parent)
  if (!parentId || !context.document) return true
  const officeId = getPublishedId(context.document._id)
  const rows = await context
    .getClient({apiVersion: STUDIO_API_VERSION})
    .fetch<{_id: string; parent: string; name?: string}[]>(OFFICE_PARENTS)
  const parentOf = new Map<string, string | undefined>()
  const names = new Map<string, string>()
  // Drafts override their published version: the editor sees the draft's parent.
  for (const row of rows.toSorted((a, b) => Number(a._id.startsWith('drafts.')) - Number(b._id.startsWith('drafts.')))) {
    const id = getPublishedId(row._id)
    parentOf.set(id, getPublishedId(row.parent))
    if (row.name) names.set(id, row.name)
  }
  // The form's own value wins over what is stored for this office.
  parentOf.set(officeId, parentId)
  const name = (context.document as {name?: string}).name
  if (name) names.set(officeId, name)
  return checkNoParentCycle(officeId, parentId, parentOf, (id) => names.get(id) ?? id)
}
