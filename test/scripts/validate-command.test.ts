import {mkdir, writeFile} from 'node:fs/promises'

import {describe, expect, it} from 'vitest'

import {syntheticDataset} from '../../bench/synthetic-dataset.ts'
import {toNdjson} from '../../offline/ndjson.ts'
import {dataCommand, projectRoot} from '../support/cli.ts'
import {seed} from '../support/seed.ts'

const tmp = `${projectRoot}test/.tmp`
async function file(name: string, text: string) {
  await mkdir(tmp, {recursive: true})
  await writeFile(`${tmp}/${name}`, text)
  return `test/.tmp/${name}`
}

describe('npm run data:validate', () => {
  it('exits 0 on the seed', async () => {
    const result = await dataCommand('validate-data', ['data/seed.ndjson'])
    expect(result.stdout).toMatch(/data\/seed\.ndjson: 35 documents, 0 errors, 0 warnings/)
    expect(result.code).toBe(0)
  }, 60_000)

  it('exits 1 on problems, naming document, path and message; --json gives one entry per problem', async () => {
    const broken = seed.map((doc) =>
      doc._id === 'office-cn'
        ? {...doc, st3Code: 'cn'}
        : doc._id === 'person-liao-tao'
          ? {...doc, positions: [{_key: 'x', _type: 'position', title: 'Director', office: {_type: 'reference', _ref: 'office.nowhere'}}]}
          : doc,
    )
    const path = await file('broken-seed.ndjson', toNdjson([...broken, {_id: 'office/uk ipo', _type: 'note'}]))
    const text = await dataCommand('validate-data', [path])
    expect(text.code).toBe(1)
    expect(text.stdout).toContain('error   office-cn st3Code: "cn" is not a WIPO ST.3 code: enter two capital letters, for example CN, EP or WO')
    expect(text.stdout).toContain('error   person-liao-tao positions[_key=="x"].office: References "office.nowhere", which is not in the dataset')
    expect(text.stdout).toMatch(/36 documents, 4 errors, 0 warnings/)
    // No progress bar when stderr is not a terminal.
    expect(text.stderr).toBe('')

    const json = await dataCommand('validate-data', [path, '--json'])
    expect(json.code).toBe(1)
    const entries = JSON.parse(json.stdout) as object[]
    expect(entries).toHaveLength(4)
    expect(entries).toContainEqual({documentId: 'office-cn', path: 'st3Code', level: 'error', message: '"cn" is not a WIPO ST.3 code: enter two capital letters, for example CN, EP or WO'})
    expect(entries).toContainEqual(expect.objectContaining({documentId: 'office/uk ipo', path: '', level: 'error', message: expect.stringMatching(/^"office\/uk ipo" is not a valid document id/)}))
    expect(entries).toContainEqual(expect.objectContaining({documentId: 'office/uk ipo', message: expect.stringMatching(/^"note" is not a document type of this Studio/)}))

    // With --allow-unknown-types the unknown type is a warning; the other problems remain.
    const allowed = await dataCommand('validate-data', [path, '--json', '--allow-unknown-types'])
    expect((JSON.parse(allowed.stdout) as {level: string}[]).map((entry) => entry.level).toSorted()).toEqual(['error', 'error', 'error', 'warning'])
  }, 120_000)

  it('exits 1 on a file with no documents, and 0 with warnings only', async () => {
    const empty = await dataCommand('validate-data', [await file('empty.ndjson', '\n')])
    expect(empty.stdout).toContain('error   (file) (document): The file holds no documents')
    expect(empty.code).toBe(1)

    const withNote = [...seed, {_id: 'note.1', _type: 'legacyNote', text: 'Kept from the old site'}]
    const onlyWarnings = await dataCommand('validate-data', [await file('unknown-type.ndjson', toNdjson(withNote)), '--allow-unknown-types'])
    expect(onlyWarnings.stdout).toMatch(/36 documents, 0 errors, 1 warnings/)
    expect(onlyWarnings.code).toBe(0)
  }, 120_000)

  it('exits 2 on a usage error or a file it cannot read', async () => {
    const usage = await dataCommand('validate-data', ['--frobnicate'])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('Usage: npm run data:validate')

    const missing = await dataCommand('validate-data', ['test/.tmp/no-such-file.ndjson'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('test/.tmp/no-such-file.ndjson: no such file')

    const folder = await dataCommand('validate-data', ['test'])
    expect(folder.code).toBe(2)
    expect(folder.stderr).toContain('test: a folder, not an NDJSON file')

    const notDocuments = await dataCommand('validate-data', [await file('array.ndjson', '[{"_id":"a","_type":"office"}]\n')])
    expect(notDocuments.code).toBe(2)
    expect(notDocuments.stderr).toContain('array.ndjson:1: every line must be a document with a string _id and _type')

    const malformed = await dataCommand('validate-data', [await file('malformed.ndjson', '{"_id":"a","_type":"office"}\n{"_id": "b",\n'), '--json'])
    expect(malformed.code).toBe(2)
    expect(JSON.parse(malformed.stdout)).toEqual([{documentId: null, path: '', level: 'error', message: expect.stringMatching(/malformed\.ndjson:2: not valid JSON/)}])
  }, 120_000)

  it('validates thousands of documents without progress output when stderr is not a terminal', async () => {
    const path = await file('large.ndjson', toNdjson(syntheticDataset(2000)))
    const result = await dataCommand('validate-data', [path])
    expect(result.stdout).toMatch(/test\/\.tmp\/large\.ndjson: 2000 documents, \d+ errors, \d+ warnings/)
    expect(result.stderr).toBe('')
  }, 180_000)
})
