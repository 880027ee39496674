import type {SanityClient} from '@sanity/client'

import {StoreQueries, type QueryableStore} from '../content-lake/query/query-store.ts'
import {DocumentSet} from '../content-lake/store/document-set.ts'
import {createInMemoryClient, type InMemoryClientConfig} from './in-memory-client.ts'

type Doc = {_id: string; _type: string; [key: string]: unknown}

/**
 * A client over a fixed array of documents (a file being validated) that answers like
 * createInMemoryClient, but answers through the local Content Lake's query path over its indexes, built
 * once, so every `*[...]` whose filter names an `_id`, a `_type`, a slug or `references()` reads only
 * the documents those allow (with the same answers, in the same order, as groq-js over the file).
 * Validation rules query once or more per document: without indexes each query scans the whole file
 * and the time per document grows with the file. Raw perspective; others fall back to the plain client.
 */
export function createIndexedClient(documents: readonly Doc[], config: InMemoryClientConfig = {}): SanityClient {
  const resolved = {projectId: 'local', dataset: 'production', apiVersion: '2025-02-19', perspective: 'raw' as const, ...config}
  if (resolved.perspective !== 'raw') return createInMemoryClient(documents, resolved)
  const set = new DocumentSet()
  for (const doc of documents) {
    // The first document with an id is the one queries see, as `sanity dataset import` would refuse the rest.
    if (!set.get(doc._id)) set.put(doc._id, doc)
  }
  const queries = new StoreQueries(set as unknown as QueryableStore)
  const client = {
    config: () => ({...resolved, useCdn: false, url: `https://${resolved.projectId}.localhost/v${resolved.apiVersion}`}),
    // Another API version changes nothing offline: the same client, indexes and all.
    withConfig: (next: InMemoryClientConfig): SanityClient =>
      !next.perspective || next.perspective === 'raw' ? (client as unknown as SanityClient) : createInMemoryClient(documents, {...resolved, ...next}),
    fetch: async (query: string, params: Record<string, unknown> = {}) => queries.query(query, params, 'raw'),
  }
  return client as unknown as SanityClient
}
