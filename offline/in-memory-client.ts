import type {SanityClient} from '@sanity/client'

import {evaluateGroq} from './evaluate-groq.ts'

export interface InMemoryClientConfig {
  projectId?: string
  dataset?: string
  apiVersion?: string
  perspective?: 'raw' | 'drafts' | 'published'
}

type Doc = {_id: string; _type: string; [key: string]: unknown}

/**
 * The documents a perspective sees: `raw` is everything, `published` drops drafts, `drafts` shows each
 * draft in place of its published version (groq-js evaluates over a plain array and has no perspectives).
 */
export function applyPerspective(documents: readonly Doc[], perspective: InMemoryClientConfig['perspective'] = 'raw'): Doc[] {
  if (perspective === 'raw') return [...documents]
  const isDraft = (doc: Doc) => doc._id.startsWith('drafts.')
  if (perspective === 'published') return documents.filter((doc) => !isDraft(doc))
  const drafts = new Map(documents.filter(isDraft).map((doc) => [doc._id.slice('drafts.'.length), doc]))
  const overlaid = documents.filter((doc) => !isDraft(doc)).map((doc) => {
    const draft = drafts.get(doc._id)
    return draft ? {...draft, _id: doc._id, _originalId: draft._id} : doc
  })
  const published = new Set(overlaid.map((doc) => doc._id))
  const draftOnly = [...drafts.entries()]
    .filter(([id]) => !published.has(id))
    .map(([id, draft]) => ({...draft, _id: id, _originalId: draft._id}))
  return [...overlaid, ...draftOnly]
}

/**
 * A client with the part of SanityClient that Studio-side code uses offline (`fetch`, `config`,
 * `withConfig`), answering every query with Sanity's own GROQ engine over an array of documents.
 * For tests and offline tools; production talks to the Content Lake.
 */
export function createInMemoryClient(documents: readonly Doc[], config: InMemoryClientConfig = {}): SanityClient {
  const resolved = {projectId: 'local', dataset: 'production', apiVersion: '2025-02-19', perspective: 'raw' as const, ...config}
  // The perspective's view of the documents, computed once per client.
  let perspectiveView: Doc[] | undefined
  const view = () => (perspectiveView ??= applyPerspective(documents, resolved.perspective))
  const client = {
    config: () => ({
      ...resolved,
      useCdn: false,
      url: `https://${resolved.projectId}.localhost/v${resolved.apiVersion}`,
    }),
    withConfig: (next: InMemoryClientConfig) => createInMemoryClient(documents, {...resolved, ...next}),
    fetch: async (query: string, params: Record<string, unknown> = {}) => evaluateGroq(query, params, view()),
  }
  return client as unknown as SanityClient
}
