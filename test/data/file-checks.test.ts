import {describe, expect, it} from 'vitest'

import {syntheticDataset} from '../../bench/synthetic-dataset.ts'
import {parse, type ExprNode} from 'groq-js'

import {filterCandidates} from '../../content-lake/query/narrow-query.ts'
import {Indexes} from '../../content-lake/store/indexes.ts'
import {createIndexedClient} from '../../offline/indexed-client.ts'
import {TYPES_OF} from '../../schemas/dataset-checks/document-structure.ts'
import {SLUG_TAKEN} from '../../schemas/dataset-checks/unique-slug.ts'
import {createInMemoryClient} from '../../offline/in-memory-client.ts'
import type {Doc} from '../../offline/ndjson.ts'
import {formatProgress, progressBar} from '../../offline/progress.ts'
import {suggestDocumentId, validateDocuments} from '../../offline/validate-documents.ts'
import {article, cnipa, variant} from '../fixtures/documents.ts'
import {seed} from '../support/seed.ts'

const problemsOf = async (documents: Doc[], options = {}) => (await validateDocuments(documents, options)).filter((problem) => !seed.includes(problem as never))

describe('file checks', () => {
  it('refuses a file with no documents', async () => {
    expect(await validateDocuments([])).toEqual([
      {documentId: null, level: 'error', path: '', message: 'The file holds no documents: give it one JSON document per line, as `sanity dataset export` writes them'},
    ])
  })

  it('refuses two documents with one _id, at the second', async () => {
    const twin = variant(cnipa, {name: 'Another office'})
    expect(await problemsOf([...seed, twin])).toEqual([
      {documentId: 'office-cn', level: 'error', path: '', message: 'Another document (line 2) already has the id "office-cn": give each document its own _id, or keep one of them'},
    ])
  })

  it('refuses ids the Content Lake refuses, suggesting one it takes', async () => {
    const office = variant(cnipa, {_id: 'office/uk ipo', st3Code: 'GX', country: 'GB'})
    expect(await problemsOf([...seed, office])).toEqual([
      {
        documentId: 'office/uk ipo',
        level: 'error',
        path: '',
        message: '"office/uk ipo" is not a valid document id: use letters, digits, ".", "_" and "-" only, at most 128 characters, not starting with "-" (for example "office-uk-ipo")',
      },
    ])
    expect(suggestDocumentId('-a..b')).toBe('a.b')
  })

  it('refuses a _type the Studio does not have, unless --allow-unknown-types', async () => {
    const note = {_id: 'note.1', _type: 'note', text: 'x'}
    const position = {_id: 'position.1', _type: 'position', title: 'Director'}
    expect(await problemsOf([...seed, note, position])).toEqual([
      {
        documentId: 'note.1',
        level: 'error',
        path: '',
        message: '"note" is not a document type of this Studio (article, cookiePolicy, event, forum, office, person, translation.metadata): correct the _type, or run with --allow-unknown-types to keep documents the Studio does not edit',
      },
      {
        documentId: 'position.1',
        level: 'error',
        path: '',
        message: '"position" is not a document type of this Studio (article, cookiePolicy, event, forum, office, person, translation.metadata): correct the _type, or run with --allow-unknown-types to keep documents the Studio does not edit',
      },
    ])
    expect(await problemsOf([...seed, note], {allowUnknownTypes: true})).toEqual([
      {documentId: 'note.1', level: 'warning', path: '', message: '"note" is not a document type of this Studio: the document was not validated (--allow-unknown-types)'},
    ])
  })

  it('refuses a reference to a document not in the file, weak or not (no reference field here is weak)', async () => {
    const pointing = (reference: object) => variant(article, {offices: [{_key: 'a', _type: 'reference', _ref: 'office.zz', ...reference}]})
    const others = seed.filter((doc) => doc._id !== article._id)
    expect(await validateDocuments([...others, pointing({})])).toEqual([
      {documentId: article._id, level: 'error', path: 'offices[_key=="a"]', message: 'References "office.zz", which is not in the dataset'},
    ])
    expect(await validateDocuments([...others, pointing({_weak: true})])).toEqual([
      {documentId: article._id, level: 'error', path: 'offices[_key=="a"]', message: 'References "office.zz", which is not in the dataset'},
    ])
  })

  it('warns about assets the file does not hold, naming them, and passes the document', async () => {
    const withImage = variant(article, {mainImage: {_type: 'accessibleImage', alt: 'Delegates on a video call', asset: {_type: 'reference', _ref: 'image-abc-10x10-png'}}})
    const problems = await validateDocuments([...seed.filter((doc) => doc._id !== article._id), withImage])
    expect(problems).toEqual([
      {
        documentId: article._id,
        level: 'warning',
        path: 'mainImage.asset',
        message: 'The image asset "image-abc-10x10-png" is not in this file: import it with the documents (or upload it again in the Studio), or the image will be missing',
      },
    ])
  })
})

describe('the client validation queries through', () => {
  it('answers the rules\' queries as a scan of the whole file does, from indexes', async () => {
    // The synthetic dataset ends with the seed's cookie policy, which the seed brings too.
    const documents = [...syntheticDataset(800).filter((doc) => doc._type !== 'cookiePolicy'), ...seed]
    const indexed = createIndexedClient(documents)
    const plain = createInMemoryClient(documents)
    const queries: [string, Record<string, unknown>][] = [
      ['*[_id in $ids]{_id, _type}', {ids: ['office.1', 'person.3', 'drafts.office.1', 'nothing', 'office-cn']}],
      ['defined(*[_type == $type && slug.current == $slug && !(_id in [$draft, $published])][0]._id)', {type: 'article', slug: 'article-7', draft: 'drafts.article.8', published: 'article.8'}],
      ['defined(*[_type == $type && slug.current == $slug && !(_id in [$draft, $published])][0]._id)', {type: 'article', slug: 'article-7', draft: 'drafts.article.7', published: 'article.7'}],
      ['*[_type == "office" && st3Code == $code && !(_id in [$draft, $published])][0]{name, abbreviation}', {code: 'CN', draft: 'drafts.x', published: 'x'}],
      ['*[_type == "office" && defined(parent)]{_id, "parent": parent._ref, name}', {}],
    ]
    for (const [query, params] of queries) expect(await indexed.fetch(query, params)).toEqual(await plain.fetch(query, params))
  })
})

describe('validation at scale', () => {
  /** How many documents the indexes hand groq-js for the first `*[...]` of a query. */
  function candidates(query: string, params: Record<string, unknown>, documents: Doc[]) {
    const indexes = new Indexes()
    for (const doc of documents) indexes.add(doc)
    const find = (node: unknown): ExprNode | undefined => {
      if (!node || typeof node !== 'object') return undefined
      const n = node as {type?: string; base?: {type?: string}; expr?: ExprNode}
      if (n.type === 'Filter' && n.base?.type === 'Everything') return n.expr
      for (const child of Object.values(node)) {
        const found = find(child)
        if (found) return found
      }
      return undefined
    }
    return filterCandidates(find(parse(query, {params}))!, indexes)?.size
  }

  it('answers the queries made for every document from indexes: the same few documents at any file size', () => {
    const queries: [string, Record<string, unknown>][] = [
      [TYPES_OF, {ids: ['office.1', 'drafts.office.1', 'person.2', 'drafts.person.2']}],
      [SLUG_TAKEN, {type: 'article', slug: 'article-7', draft: 'drafts.article.7', published: 'article.7', language: 'en'}],
    ]
    for (const [query, params] of queries) {
      const small = candidates(query, params, syntheticDataset(1000))
      const large = candidates(query, params, syntheticDataset(10_000))
      expect(small).toBeDefined()
      expect(large).toBe(small)
      expect(large).toBeLessThanOrEqual(4)
    }
  })
})

describe('progress', () => {
  it('draws a bar with the count, the share done and the time left', () => {
    expect(formatProgress(250, 1000, 5000, 20)).toBe('[#####---------------] 250/1000 25% · 5 s, about 15 s left')
    expect(formatProgress(1000, 1000, 20000, 20)).toBe('[####################] 1000/1000 100% · 20 s')
  })

  it('writes to a terminal only, at most ten times a second, and ends the line when done', () => {
    const written: string[] = []
    let now = 0
    const onTerminal = progressBar({isTTY: true, write: (text: string) => written.push(text)}, () => now)
    for (let done = 1; done <= 100; done++) {
      now += 5
      onTerminal(done, 100)
    }
    expect(written.length).toBeLessThanOrEqual(6)
    const last = written.at(-1)!
    expect(last.startsWith('\r\u001b[K[')).toBe(true)
    expect(last).toMatch(/\[#+\] 100\/100 100% .*\n$/)
    const piped: string[] = []
    const offTerminal = progressBar({isTTY: false, write: (text: string) => piped.push(text)})
    offTerminal(100, 100)
    expect(piped).toEqual([])
  })
})
