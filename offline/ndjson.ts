import {readFile} from 'node:fs/promises'

export type Doc = {_id: string; _type: string; [key: string]: unknown}

// The line each document was read from, for messages about the file ("the document on line 3").
const lineNumbers = new WeakMap<object, number>()

/** The line of its file a document was read from by readNdjson, or undefined for documents made otherwise. */
export function lineOf(document: object): number | undefined {
  return lineNumbers.get(document)
}

/** Documents of an NDJSON file, one per line; a bad line is reported with its number, nothing is guessed. */
export async function readNdjson(file: string): Promise<Doc[]> {
  // A byte-order mark some editors write is not part of the first document.
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '')
  const documents: Doc[] = []
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      throw new Error(`${file}:${index + 1}: not valid JSON (${(error as Error).message})`, {cause: error})
    }
    const doc = value as Partial<Doc>
    if (typeof doc !== 'object' || doc === null || typeof doc._id !== 'string' || typeof doc._type !== 'string') {
      throw new Error(`${file}:${index + 1}: every line must be a document with a string _id and _type`)
    }
    lineNumbers.set(doc, index + 1)
    documents.push(doc as Doc)
  })
  return documents
}

export function toNdjson(documents: readonly object[]): string {
  return documents.map((doc) => JSON.stringify(doc)).join('\n') + '\n'
}

/** What went wrong reading a file, for a person: "data/x.ndjson: no such file" rather than an errno dump. */
export function readFailure(error: unknown, shownName: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ENOENT') return `${shownName}: no such file`
  if (code === 'EISDIR') return `${shownName}: a folder, not an NDJSON file`
  if (code === 'EACCES' || code === 'EPERM') return `${shownName}: cannot be read (permission denied)`
  return (error as Error).message
}
