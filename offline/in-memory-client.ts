import type {SanityClient} from '@sanity/client'

import {perspectiveDocuments, type PerspectiveInput} from '../content-lake/query/perspectives.ts'
import {evaluateGroq} from './evaluate-groq.ts'

export interface InMemoryClientConfig {
  projectId?: string
  dataset?: string
  apiVersion?: string
  /** raw, published, drafts (previewDrafts), a release id, or a stack like ["r1", "drafts"]. */
  perspective?: PerspectiveInput
}

type Doc = {_id: string; _type: string; [key: string]: unknown}

/**
 * The documents a perspective sees, as the Content Lake shows them, in dataset order (`_id` ascending):
 * `raw` is everything, `published` drops drafts and release versions, `drafts` shows each draft in place
 * of its published version, a release stack shows the release's versions over drafts over published
 * documents (groq-js evaluates over a plain array and has no perspectives). Shown drafts and versions
 * carry the published `_id` and, as every document in such a perspective, `_originalId`.
 */
export function applyPerspective(documents: readonly Doc[], perspective: PerspectiveInput = 'raw'): Doc[] {
  return perspectiveDocuments(documents, perspective)
}

/**
 * A client with the part of SanityClient that Studio-side code uses offline (`fetch`, `config`,
 * `withConfig`), answering every query with Sanity's own GROQ engine over an array of documents.
 * For tests and offline tools; production talks to the Content Lake.
 */
export function createInMemoryClient(documents: readonly Doc[], config: InMemoryClientConfig = {}): SanityClient {
  const resolved = {projectId: 'local', dataset: 'production', apiVersion: '2025-02-19', perspective: 'raw' as PerspectiveInput, ...config}
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
