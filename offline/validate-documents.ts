import type {SanityClient} from '@sanity/client'
import {createWorkspaceFromConfig, pathToString, validateDocument, type SanityDocument, type Schema, type Workspace} from 'sanity'

import {isValidDocumentId} from '../content-lake/store/document-ids.ts'
import config from '../sanity.config.ts'
import {assetTypeOf, typeChain} from '../schemas/rules/schema-walk.ts'
import {createIndexedClient} from './indexed-client.ts'
import {lineOf, type Doc} from './ndjson.ts'

export interface Problem {
  /** The document's `_id`; null for a problem of the file as a whole (a file with no documents). */
  documentId: string | null
  level: 'error' | 'warning' | 'info'
  /** Where in the document, as Sanity writes paths (`positions[_key=="p1"].office`); empty for the document. */
  path: string
  message: string
}

export interface ValidateOptions {
  /** Called after each document, for progress on large files. */
  onProgress?: (done: number, total: number) => void
  /** Documents validated at once (validation waits on timers between steps, so several overlap well). */
  concurrency?: number
  /** Documents of types this Studio does not have are a warning instead of an error, and are not validated. */
  allowUnknownTypes?: boolean
}

const localAdministrator = {
  id: 'local-validation',
  name: 'Offline validation',
  email: 'validation@localhost',
  role: 'administrator',
  roles: [{name: 'administrator', title: 'Administrator'}],
}

/**
 * The Studio's workspace from sanity.config.ts. Validation passes each document the client of its
 * file (see validationDataset); this one only stands in as the workspace's default.
 */
export function offlineWorkspace(documents: readonly Doc[] = []): Promise<Workspace> {
  const client = createIndexedClient(documents)
  return createWorkspaceFromConfig({...config, currentUser: localAdministrator, getClient: () => client})
}

/** Image and file assets: documents of their own that a data file usually does not carry. */
export const isAssetId = (id: string) => assetTypeOf(id) !== undefined

/** What validating the documents of one file looks up, built once for the whole file. */
export interface ValidationDataset {
  documents: readonly Doc[]
  ids: ReadonlySet<string>
  /** Answers the rules' queries over the file's documents through indexes, so each query costs the same at any size. */
  client: SanityClient
}

export function validationDataset(documents: readonly Doc[]): ValidationDataset {
  return {documents, ids: new Set(documents.map((doc) => doc._id)), client: createIndexedClient(documents)}
}

/** Every `_ref` inside a value, with the path it sits at. */
function* references(value: unknown, path: string[] = []): Generator<{ref: string; path: string}> {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const key = (item as {_key?: unknown} | null)?._key
      yield* references(item, [...path, typeof key === 'string' ? `[_key=="${key}"]` : `[${index}]`])
    }
  } else if (value && typeof value === 'object') {
    const ref = (value as {_ref?: unknown})._ref
    if (typeof ref === 'string') yield {ref, path: path.join('.').replaceAll('.[', '[')}
    for (const [key, child] of Object.entries(value)) if (key !== '_ref') yield* references(child, [...path, key])
  }
}

/** References that point at no document in the set (asset references excepted: files live elsewhere). */
export function danglingReferences(documents: readonly Doc[], ids: ReadonlySet<string> = new Set(documents.map((doc) => doc._id))): Problem[] {
  const problems: Problem[] = []
  for (const doc of documents) {
    for (const {ref, path} of references(doc)) {
      if (ids.has(ref) || isAssetId(ref)) continue
      problems.push({documentId: doc._id, level: 'error', path, message: `References "${ref}", which is not in the dataset`})
    }
  }
  return problems
}

/** Assets the documents use that the file does not hold: a warning naming each, never an error. */
export function missingAssets(documents: readonly Doc[], ids: ReadonlySet<string> = new Set(documents.map((doc) => doc._id))): Problem[] {
  const problems: Problem[] = []
  for (const doc of documents) {
    for (const {ref, path} of references(doc)) {
      if (!isAssetId(ref) || ids.has(ref)) continue
      const kind = ref.startsWith('image-') ? 'image' : 'file'
      problems.push({
        documentId: doc._id,
        level: 'warning',
        path,
        message: `The ${kind} asset "${ref}" is not in this file: import it with the documents (or upload it again in the Studio), or the ${kind} will be missing`,
      })
    }
  }
  return problems
}

/** Document types of the schema: `_type`s a file may hold. */
export function documentTypeNames(schema: Schema): string[] {
  // The base type `document` itself is no document type a file can hold.
  return schema.getTypeNames().filter((name) => name !== 'document' && typeChain(schema.get(name)).includes('document'))
}

/** An id the Content Lake would take, made from one it would refuse: "office/uk ipo" → "office-uk-ipo". */
export function suggestDocumentId(id: string): string {
  const suggestion = id
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^-+/, '')
    .slice(0, 128)
  return suggestion || 'office.example'
}

const where = (doc: Doc) => (lineOf(doc) === undefined ? '' : ` (line ${lineOf(doc)})`)

/**
 * Checks of the file as a whole, before any document is validated: it holds documents, every id is one
 * the Content Lake takes and belongs to one document, every `_type` is a document type of the schema.
 */
export function fileProblems(documents: readonly Doc[], schema: Schema, options: Pick<ValidateOptions, 'allowUnknownTypes'> = {}): Problem[] {
  if (documents.length === 0) {
    return [{documentId: null, level: 'error', path: '', message: 'The file holds no documents: give it one JSON document per line, as `sanity dataset export` writes them'}]
  }
  const known = new Set(documentTypeNames(schema))
  const editable = [...known].filter((name) => !name.startsWith('sanity.') && !name.startsWith('system.')).toSorted()
  const first = new Map<string, Doc>()
  const problems: Problem[] = []
  for (const doc of documents) {
    if (!isValidDocumentId(doc._id)) {
      problems.push({
        documentId: doc._id,
        level: 'error',
        path: '',
        message: `"${doc._id}" is not a valid document id${where(doc)}: use letters, digits, ".", "_" and "-" only, at most 128 characters, not starting with "-" (for example "${suggestDocumentId(doc._id)}")`,
      })
    }
    const earlier = first.get(doc._id)
    if (earlier) {
      problems.push({
        documentId: doc._id,
        level: 'error',
        path: '',
        message: `Another document${where(earlier)} already has the id "${doc._id}"${where(doc).replace(' (', ' (this one: ')}: give each document its own _id, or keep one of them`,
      })
    } else {
      first.set(doc._id, doc)
    }
    if (!known.has(doc._type)) {
      problems.push(
        options.allowUnknownTypes
          ? {documentId: doc._id, level: 'warning', path: '', message: `"${doc._type}" is not a document type of this Studio: the document was not validated (--allow-unknown-types)`}
          : {
              documentId: doc._id,
              level: 'error',
              path: '',
              message: `"${doc._type}" is not a document type of this Studio (${editable.join(', ')}): correct the _type, or run with --allow-unknown-types to keep documents the Studio does not edit`,
            },
      )
    }
  }
  return problems
}

/** Sanity's validation of one document, with the file's documents as the dataset its rules query and resolve against. */
export async function validateOne(document: Doc, workspace: Workspace, dataset: ValidationDataset | readonly Doc[]): Promise<Problem[]> {
  const {client, ids} = Array.isArray(dataset) ? validationDataset(dataset as readonly Doc[]) : (dataset as ValidationDataset)
  const markers = await validateDocument({
    document: document as SanityDocument,
    workspace,
    environment: 'studio',
    getClient: () => client,
    // Assets are not in data files: their absence is a warning of the file's (missingAssets), not "must be published".
    getDocumentExists: ({id}) => Promise.resolve(ids.has(id) || isAssetId(id)),
  })
  return markers.map((marker) => ({
    documentId: document._id,
    level: marker.level,
    path: pathToString(marker.path),
    message: marker.message,
  }))
}

/**
 * Validates the documents of a file: the file's own checks (fileProblems), references that resolve
 * inside the file (assets only warned about), and Sanity's own validation of each document with the
 * Studio's schema and levels, which carries the structure rule every document type has (keys, item
 * types, known fields, marks, reference targets, dates). Indexes, client and lookups are built once,
 * so the time per document does not grow with the file.
 */
export async function validateDocuments(documents: readonly Doc[], options: ValidateOptions = {}): Promise<Problem[]> {
  const workspace = await offlineWorkspace()
  const dataset = validationDataset(documents)
  const fileLevel = fileProblems(documents, workspace.schema, options)
  const known = new Set(documentTypeNames(workspace.schema))
  const dangling = danglingReferences(documents, dataset.ids)
  const problems: Problem[] = [...fileLevel, ...dangling, ...missingAssets(documents, dataset.ids)]
  // Sanity's reference rule reports the same missing document as "must be published": keep one, clearer, message.
  const danglingAt = new Set(dangling.map((problem) => `${problem.documentId} ${problem.path}`))
  let done = 0
  let next = 0
  const worker = async () => {
    while (next < documents.length) {
      const doc = documents[next++]!
      if (known.has(doc._type)) {
        for (const problem of await validateOne(doc, workspace, dataset)) {
          if (!danglingAt.has(`${problem.documentId} ${problem.path}`)) problems.push(problem)
        }
      }
      options.onProgress?.(++done, documents.length)
    }
  }
  await Promise.all(Array.from({length: options.concurrency ?? 16}, worker))
  const order = new Map<string | null, number>([[null, -1]])
  documents.forEach((doc, index) => {
    if (!order.has(doc._id)) order.set(doc._id, index)
  })
  return problems.toSorted((a, b) => order.get(a.documentId)! - order.get(b.documentId)!)
}

/** Whether problems stop a file: any error does; warnings and info do not. */
export const hasErrors = (problems: readonly Problem[]) => problems.some((problem) => problem.level === 'error')
