import {createWorkspaceFromConfig, pathToString, validateDocument, type SanityDocument, type Workspace} from 'sanity'

import config from '../sanity.config.ts'
import {createInMemoryClient} from './in-memory-client.ts'
import type {Doc} from './ndjson.ts'

export interface Problem {
  documentId: string
  level: 'error' | 'warning' | 'info'
  path: string
  message: string
}

const localAdministrator = {
  id: 'local-validation',
  name: 'Offline validation',
  email: 'validation@localhost',
  role: 'administrator',
  roles: [{name: 'administrator', title: 'Administrator'}],
}

/** The Studio's workspace from sanity.config.ts, with `documents` standing in for the Content Lake. */
export function offlineWorkspace(documents: readonly Doc[]): Promise<Workspace> {
  const client = createInMemoryClient(documents)
  return createWorkspaceFromConfig({...config, currentUser: localAdministrator, getClient: () => client})
}

/** Every `_ref` inside a value, with the path it sits at. */
function* references(value: unknown, path: string[] = []): Generator<{ref: string; path: string}> {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const key = (item as {_key?: string} | null)?._key
      yield* references(item, [...path, key ? `[_key=="${key}"]` : `[${index}]`])
    }
  } else if (value && typeof value === 'object') {
    const ref = (value as {_ref?: unknown})._ref
    if (typeof ref === 'string') yield {ref, path: path.join('.').replaceAll('.[', '[')}
    for (const [key, child] of Object.entries(value)) if (key !== '_ref') yield* references(child, [...path, key])
  }
}

/** References that point at no document in the set (asset references excepted: files live elsewhere). */
export function danglingReferences(documents: readonly Doc[]): Problem[] {
  const ids = new Set(documents.map((doc) => doc._id))
  const problems: Problem[] = []
  for (const doc of documents) {
    for (const {ref, path} of references(doc)) {
      if (ids.has(ref) || /^(image|file)-/.test(ref)) continue
      problems.push({documentId: doc._id, level: 'error', path, message: `References "${ref}", which is not in the dataset`})
    }
  }
  return problems
}

/** Sanity's validation of one document, with `documents` as the dataset its rules query and resolve against. */
export async function validateOne(document: Doc, workspace: Workspace, documents: readonly Doc[]): Promise<Problem[]> {
  const client = createInMemoryClient(documents)
  const ids = new Set(documents.map((doc) => doc._id))
  const markers = await validateDocument({
    document: document as SanityDocument,
    workspace,
    environment: 'studio',
    getClient: () => client,
    getDocumentExists: ({id}) => Promise.resolve(ids.has(id)),
  })
  return markers.map((marker) => ({
    documentId: document._id,
    level: marker.level,
    path: pathToString(marker.path),
    message: marker.message,
  }))
}

export interface ValidateOptions {
  /** Called after each document, for progress on large files. */
  onProgress?: (done: number, total: number) => void
  concurrency?: number
}

/**
 * Validates documents with Sanity's own validation, the way `sanity documents validate` does, with the
 * Studio's levels (environment "studio"), and checks that every reference resolves inside the set.
 * Rules that query (unique slugs and codes, office loops) query these documents.
 */
export async function validateDocuments(documents: readonly Doc[], options: ValidateOptions = {}): Promise<Problem[]> {
  const workspace = await offlineWorkspace(documents)
  const dangling = danglingReferences(documents)
  const problems: Problem[] = [...dangling]
  // Sanity's reference rule reports the same missing document as "must be published": keep one, clearer, message.
  const danglingAt = new Set(dangling.map((problem) => `${problem.documentId} ${problem.path}`))
  let done = 0
  let next = 0
  const worker = async () => {
    while (next < documents.length) {
      const doc = documents[next++]!
      for (const problem of await validateOne(doc, workspace, documents)) {
        if (!danglingAt.has(`${problem.documentId} ${problem.path}`)) problems.push(problem)
      }
      options.onProgress?.(++done, documents.length)
    }
  }
  await Promise.all(Array.from({length: options.concurrency ?? 8}, worker))
  const order = new Map(documents.map((doc, index) => [doc._id, index]))
  return problems.toSorted((a, b) => order.get(a.documentId)! - order.get(b.documentId)!)
}
