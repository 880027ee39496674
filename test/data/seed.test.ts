import {mkdir, readFile, writeFile} from 'node:fs/promises'

import {describe, expect, it} from 'vitest'

import {seedDocuments} from '../../data/seed/index.ts'
import {readNdjson, toNdjson} from '../../offline/ndjson.ts'
import {danglingReferences, validateDocuments} from '../../offline/validate-documents.ts'
import {projectRoot} from '../support/cli.ts'

const seedFile = `${projectRoot}data/seed.ndjson`

describe('seed dataset', () => {
  it('is the committed data/seed.ndjson (run `npm run data:seed` after changing data/seed/)', async () => {
    expect(await readFile(seedFile, 'utf8')).toBe(toNdjson(seedDocuments))
  })

  it('has deterministic, unique, root-path ids, so importing twice duplicates nothing and a site reads them without a token', async () => {
    const documents = await readNdjson(seedFile)
    const ids = documents.map((doc) => doc._id)
    expect(new Set(ids).size).toBe(ids.length)
    // Root paths (no "."): a site reads them without a token, as on a hosted public dataset.
    for (const id of ids) expect(id).toMatch(/^(cookiePolicy|(office|person|forum|event|article|translation)-[a-z0-9-]+)$/)
  })

  it('holds the IP5 offices, the other offices, CNIPA departments, forums, people, the event, the article in English and Chinese linked as translations, and the cookie policy', async () => {
    const documents = await readNdjson(seedFile)
    const codes = documents.filter((doc) => doc._type === 'office').map((doc) => doc.st3Code).filter(Boolean)
    expect(codes).toEqual(expect.arrayContaining(['US', 'CN', 'JP', 'KR', 'EP', 'WO', 'GB', 'DE', 'FR', 'IN', 'BR', 'EA', 'AP', 'OA', 'EM']))
    const departments = documents.filter((doc) => doc._type === 'office' && doc.kind === 'department')
    expect(departments).toHaveLength(7)
    expect(documents.filter((doc) => doc._type === 'forum').map((doc) => doc.name)).toEqual(['IP5', 'TM5', 'ID5'])
    expect(documents.filter((doc) => doc._type === 'person')).toHaveLength(5)
    expect(documents.filter((doc) => doc._type === 'event')).toHaveLength(1)
    expect(documents.filter((doc) => doc._type === 'article').map((doc) => doc.language)).toEqual(['en', 'zh-Hans'])
    expect(documents.filter((doc) => doc._type === 'translation.metadata').map((doc) => doc._id)).toEqual(['translation-ip5-deputy-heads-2023'])
    expect(documents.filter((doc) => doc._type === 'cookiePolicy').map((doc) => doc._id)).toEqual(['cookiePolicy'])
  })

  it('passes Sanity validation with no error or warning, and every reference resolves inside the file', async () => {
    expect(await validateDocuments(await readNdjson(seedFile))).toEqual([])
  })
})

describe('offline data validation', () => {
  it('reports a reference to a document the file does not hold', () => {
    const article = {_id: 'article.x', _type: 'article', offices: [{_key: 'a', _type: 'reference', _ref: 'office.zz'}]}
    expect(danglingReferences([article])).toEqual([
      {documentId: 'article.x', level: 'error', path: 'offices[_key=="a"]', message: 'References "office.zz", which is not in the dataset'},
    ])
  })

  it('names the line of a malformed NDJSON file', async () => {
    await mkdir(`${projectRoot}test/.tmp`, {recursive: true})
    const file = `${projectRoot}test/.tmp/broken.ndjson`
    await writeFile(file, '{"_id":"a","_type":"office","name":"A"}\n{"_id": "b",\n')
    await expect(readNdjson(file)).rejects.toThrow(/broken.ndjson:2: not valid JSON/)
    await writeFile(file, '{"_type":"office"}\n')
    await expect(readNdjson(file)).rejects.toThrow(/broken.ndjson:1: every line must be a document with a string _id and _type/)
  })
})
