import type {Doc} from '../store/document-store.ts'

const positionsByView = new WeakMap<{readonly documents: readonly Doc[]}, Map<string, number>>()

/** A document's position in a perspective view's documents, by its `_id` (unique in a view); the map is made once per view. */
export function positionOf(view: {readonly documents: readonly Doc[]}, id: string): number | undefined {
  let positions = positionsByView.get(view)
  if (!positions) {
    positions = new Map()
    for (const [position, doc] of view.documents.entries()) positions.set(doc._id, position)
    positionsByView.set(view, positions)
  }
  return positions.get(id)
}
