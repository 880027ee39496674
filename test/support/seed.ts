import {createInMemoryClient} from '../../offline/in-memory-client.ts'
import {readNdjson, type Doc} from '../../offline/ndjson.ts'
import {projectRoot} from './cli.ts'

/** The committed seed dataset, as `sanity dataset import` would load it. */
export const seed: Doc[] = await readNdjson(`${projectRoot}data/seed.ndjson`)

/** Runs a query with groq-js over documents, as a site with the published perspective would. */
export function runQuery<R = unknown>(query: string, params: Record<string, unknown> = {}, documents: readonly Doc[] = seed): Promise<R> {
  return createInMemoryClient(documents, {perspective: 'published'}).fetch<R>(query, params)
}
