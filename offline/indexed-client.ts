import type {SanityClient} from '@sanity/client'
import {parse} from 'groq-js'

import {narrowTree} from '../content-lake/query/narrow-query.ts'
import {Indexes} from '../content-lake/store/indexes.ts'
import {evaluateTree} from './evaluate-groq.ts'
import {createInMemoryClient, type InMemoryClientConfig} from './in-memory-client.ts'

type Doc = {_id: string; _type: string; [key: string]: unknown}

/**
 * A client over a fixed array of documents (a file being validated) that answers like
 * createInMemoryClient, but builds the local Content Lake's indexes once, so every `*[...]` whose
 * filter names an `_id`, a `_type`, a slug or `references()` reads only the documents those allow.
 * Validation rules query once or more per document: without indexes each query scans the whole file
 * and the time per document grows with the file. Raw perspective; others fall back to the plain client.
 */
export function createIndexedClient(documents: readonly Doc[], config: InMemoryClientConfig = {}): SanityClient {
  const resolved = {projectId: 'local', dataset: 'production', apiVersion: '2025-02-19', perspective: 'raw' as const, ...config}
  if (resolved.perspective !== 'raw') return createInMemoryClient(documents, resolved)
  const indexes = new Indexes()
  const byId = new Map<string, Doc>()
  for (const doc of documents) {
    // The first document with an id is the one queries see, as `sanity dataset import` would refuse the rest.
    if (byId.has(doc._id)) continue
    byId.set(doc._id, doc)
    indexes.add(doc)
  }
  const documentsFor = (ids: ReadonlySet<string>) => [...ids].map((id) => byId.get(id)).filter((doc) => doc !== undefined)
  const client = {
    config: () => ({...resolved, useCdn: false, url: `https://${resolved.projectId}.localhost/v${resolved.apiVersion}`}),
    // Another API version changes nothing offline: the same client, indexes and all.
    withConfig: (next: InMemoryClientConfig): SanityClient =>
      !next.perspective || next.perspective === 'raw' ? (client as unknown as SanityClient) : createInMemoryClient(documents, {...resolved, ...next}),
    fetch: async (query: string, params: Record<string, unknown> = {}) =>
      evaluateTree(narrowTree(parse(query, {params}), indexes, documentsFor), params, documents),
  }
  return client as unknown as SanityClient
}
