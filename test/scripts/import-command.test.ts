import {mkdir, writeFile} from 'node:fs/promises'

import {describe, expect, it} from 'vitest'

import {importSteps, importTarget} from '../../offline/import-plan.ts'
import {toNdjson} from '../../offline/ndjson.ts'
import {dataCommand, sanityCli, projectRoot} from '../support/cli.ts'
import {seed} from '../support/seed.ts'

describe('import target', () => {
  it('refuses without a hosted project and a token, and says why', () => {
    const target = importTarget({})
    expect(target).toEqual({refusal: expect.stringContaining('Set SANITY_STUDIO_PROJECT_ID')})
    expect((target as {refusal: string}).refusal).toContain('Set SANITY_IMPORT_TOKEN (or SANITY_AUTH_TOKEN)')
    expect(importTarget({SANITY_STUDIO_PROJECT_ID: 'local', SANITY_IMPORT_TOKEN: 't'})).toEqual({refusal: expect.stringContaining('embedded local default')})
  })

  it('refuses a token in a SANITY_STUDIO_* variable', () => {
    const target = importTarget({SANITY_STUDIO_PROJECT_ID: 'abc123', SANITY_IMPORT_TOKEN: 't', SANITY_STUDIO_AUTH_TOKEN: 't'})
    expect(target).toEqual({refusal: expect.stringContaining('Never put a token in a SANITY_STUDIO_* variable')})
  })

  it('takes the dataset from the flag, the environment or the default', () => {
    const env = {SANITY_STUDIO_PROJECT_ID: 'abc123', SANITY_AUTH_TOKEN: 'secret'}
    expect(importTarget(env)).toEqual({projectId: 'abc123', dataset: 'production', token: 'secret'})
    expect(importTarget({...env, SANITY_STUDIO_DATASET: 'staging'})).toMatchObject({dataset: 'staging'})
    expect(importTarget({...env, SANITY_STUDIO_DATASET: 'staging'}, 'test')).toMatchObject({dataset: 'test'})
  })
})

describe('import steps', () => {
  it('imports reference data first and never over existing documents', () => {
    const steps = importSteps(seed, false)
    expect(steps.map((step) => [step.mode, step.documents.length])).toEqual([
      ['--missing', 30],
      ['--missing', 5],
    ])
    expect(new Set(steps[0]!.documents.map((doc) => doc._type))).toEqual(new Set(['office', 'forum', 'person']))
  })

  it('replaces content only when asked, reference data never', () => {
    expect(importSteps(seed, true).map((step) => step.mode)).toEqual(['--missing', '--replace'])
  })
})

describe('npm run data:import', () => {
  it('refuses to run without a project and token', async () => {
    const result = await sanityCli(['exec', 'scripts/import-data.ts', '--'], {SANITY_STUDIO_PROJECT_ID: '', SANITY_IMPORT_TOKEN: '', SANITY_AUTH_TOKEN: ''})
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('Not importing:')
    expect(result.stderr).toContain('Set SANITY_STUDIO_PROJECT_ID')
  }, 60_000)

  it('validates first and refuses a file with errors; plans the seed in a dry run', async () => {
    const env = {SANITY_STUDIO_PROJECT_ID: 'abc123', SANITY_IMPORT_TOKEN: 'not-a-real-token'}
    await mkdir(`${projectRoot}test/.tmp`, {recursive: true})
    await writeFile(`${projectRoot}test/.tmp/import-broken.ndjson`, toNdjson(seed.map((doc) => (doc._id === 'office-jp' ? {...doc, website: 'http://www.jpo.go.jp'} : doc))))
    const refused = await sanityCli(['exec', 'scripts/import-data.ts', '--', 'test/.tmp/import-broken.ndjson', '--dry-run'], env)
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain("error   office-jp website: Enter the website's https:// address")
    expect(refused.stderr).toContain('Not importing: 1 validation errors')

    const planned = await sanityCli(['exec', 'scripts/import-data.ts', '--', '--dry-run', '--dataset', 'staging'], env)
    expect(planned.code).toBe(0)
    expect(planned.stdout).toContain('1/2 reference data (offices, people, forums): 30 documents, --missing → abc123/staging')
    expect(planned.stdout).toContain('2/2 content (events, articles and the links between their translations, cookie policy): 5 documents, --missing → abc123/staging')
    expect(planned.stdout).toContain('Dry run: nothing was imported.')
    expect(planned.stdout + planned.stderr).not.toContain('not-a-real-token')
  }, 60_000)

  it('refuses what data:validate refuses (one _id twice, an unknown _type, an empty file), and still says what it would create, replace or leave', async () => {
    const env = {SANITY_STUDIO_PROJECT_ID: 'abc123', SANITY_IMPORT_TOKEN: 'not-a-real-token'}
    await mkdir(`${projectRoot}test/.tmp`, {recursive: true})
    const twin = {...seed.find((doc) => doc._id === 'office-cn')!, name: 'Another office'}
    await writeFile(`${projectRoot}test/.tmp/import-twins.ndjson`, toNdjson([...seed, twin, {_id: 'note.1', _type: 'legacyNote'}]))
    const refused = await dataCommand('import-data', ['test/.tmp/import-twins.ndjson', '--dry-run'], env)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('error   office-cn (document): Another document (line 2) already has the id "office-cn"')
    expect(refused.stderr).toContain('error   note.1 (document): "legacyNote" is not a document type of this Studio')
    expect(refused.stderr).toContain('Not importing: 2 validation errors')

    await writeFile(`${projectRoot}test/.tmp/import-empty.ndjson`, '')
    const empty = await dataCommand('import-data', ['test/.tmp/import-empty.ndjson', '--dry-run'], env)
    expect(empty.code).toBe(1)
    expect(empty.stderr).toContain('error   (file) (document): The file holds no documents')

    await writeFile(`${projectRoot}test/.tmp/import-note.ndjson`, toNdjson([...seed, {_id: 'note.1', _type: 'legacyNote'}]))
    const planned = await dataCommand('import-data', ['test/.tmp/import-note.ndjson', '--dry-run', '--allow-unknown-types', '--replace-content'], env)
    expect(planned.code).toBe(0)
    expect(planned.stdout).toContain('warning note.1 (document): "legacyNote" is not a document type of this Studio')
    expect(planned.stdout).toContain('1/2 reference data (offices, people, forums): 30 documents, --missing → abc123/production')
    expect(planned.stdout).toContain('  creates those the dataset does not have and leaves those it has unchanged')
    expect(planned.stdout).toContain('2/2 content (events, articles and the links between their translations, cookie policy): 6 documents, --replace → abc123/production')
    expect(planned.stdout).toContain('  creates those the dataset does not have and replaces those it has')
  }, 120_000)
})
