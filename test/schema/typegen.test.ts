import {mkdir, readFile, rm} from 'node:fs/promises'

import {expect, it} from 'vitest'

import {projectRoot, sanityCli} from '../support/cli.ts'

const scratch = 'test/.tmp/typegen'
// The generated file names its source schema; that line differs by design.
const withoutSourceLine = (text: string) => text.replace(/^\/\/ Source: .*$/m, '')

it('keeps the committed schema.json and sanity.types.ts current (run `npm run typegen`)', async () => {
  await rm(`${projectRoot}/${scratch}`, {recursive: true, force: true})
  await mkdir(`${projectRoot}/${scratch}`, {recursive: true})
  const env = {TYPEGEN_OUT_DIR: scratch}
  const extract = await sanityCli(['schema', 'extract', '--enforce-required-fields', '--force'], env)
  expect(extract.code, extract.stderr).toBe(0)
  const generate = await sanityCli(['typegen', 'generate'], env)
  expect(generate.code, generate.stderr).toBe(0)

  const fresh = (file: string) => readFile(`${projectRoot}/${scratch}/${file}`, 'utf8')
  const committed = (file: string) => readFile(`${projectRoot}/${file}`, 'utf8')
  expect(await fresh('schema.json'), 'schema.json is stale: run npm run typegen').toBe(await committed('schema.json'))
  expect(withoutSourceLine(await fresh('sanity.types.ts')), 'sanity.types.ts is stale: run npm run typegen').toBe(
    withoutSourceLine(await committed('sanity.types.ts')),
  )
}, 180_000)
