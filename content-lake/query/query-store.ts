import {parse} from 'groq-js'

import {evaluateTree} from '../../offline/evaluate-groq.ts'
import {applyPerspective} from '../../offline/in-memory-client.ts'
import {LakeError} from '../errors.ts'
import {publishedIdOf} from '../store/document-ids.ts'
import type {Doc, DocumentStore} from '../store/document-store.ts'
import {narrowTree} from './narrow-query.ts'
import {adaptTextQuery} from './text-search.ts'

export type Perspective = 'raw' | 'published' | 'drafts'

interface View {
  documents: Doc[]
  /** A view document by the raw id of any version of it that the indexes return. */
  byRawId: (id: string) => Doc | undefined
}

const isVersion = (id: string) => id.startsWith('drafts.') || id.startsWith('versions.')

/**
 * Answers GROQ for the store the way the Content Lake does for a perspective, with groq-js doing the
 * evaluation and the store's indexes choosing which documents each `*[...]` needs to look at.
 */
export class StoreQueries {
  private readonly store: DocumentStore
  private views = new Map<Perspective, View>()
  private viewsOf: readonly Doc[] | undefined

  constructor(store: DocumentStore) {
    this.store = store
  }

  private view(perspective: Perspective): View {
    const all = this.store.all()
    if (this.viewsOf !== all) {
      this.views = new Map()
      this.viewsOf = all
    }
    let view = this.views.get(perspective)
    if (!view) {
      const documents = applyPerspective(all, perspective)
      const byId = new Map(documents.map((doc) => [doc._id, doc]))
      view = {
        documents,
        byRawId:
          perspective === 'raw'
            ? (id) => byId.get(id)
            : perspective === 'published'
              ? (id) => (isVersion(id) ? undefined : byId.get(id))
              : (id) => byId.get(publishedIdOf(id)),
      }
      this.views.set(perspective, view)
    }
    return view
  }

  async query(query: string, params: Record<string, unknown> = {}, perspective: Perspective = 'raw'): Promise<unknown> {
    let tree
    try {
      tree = parse(query, {params})
    } catch (error) {
      throw new LakeError(400, 'queryParseError', (error as Error).message)
    }
    const view = this.view(perspective)
    const narrowed = narrowTree(adaptTextQuery(tree), this.store.indexes, (ids) => {
      const seen = new Set<Doc>()
      for (const id of ids) {
        const doc = view.byRawId(id)
        if (doc) seen.add(doc)
      }
      return [...seen]
    })
    return evaluateTree(narrowed, params, view.documents)
  }
}
