import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {expect, it} from 'vitest'

import {ensureStudioBuild, studioSourceHash} from '../../local-studio/studio-build.ts'

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'studio-sources-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), {recursive: true})
    writeFileSync(join(root, path), content)
  }
  return root
}

it('names a Studio build after its sources and SANITY_STUDIO_* settings: same ones, same build; any change, a new one', () => {
  const files = {'schemas/article.ts': 'a', 'sanity.config.ts': 'c', 'package-lock.json': '{}'}
  const hash = studioSourceHash(project(files), {})
  expect(studioSourceHash(project(files), {})).toBe(hash)
  // The build inlines SANITY_STUDIO_* values: another dataset needs its own build.
  expect(studioSourceHash(project(files), {SANITY_STUDIO_DATASET: 'staging'})).not.toBe(hash)
  expect(studioSourceHash(project(files), {OTHER: 'x'})).toBe(hash)
  expect(studioSourceHash(project({...files, 'schemas/article.ts': 'b'}), {})).not.toBe(hash)
  expect(studioSourceHash(project({...files, 'plugins/new.ts': 'p'}), {})).not.toBe(hash)
  // A file renamed with the same content is a different source tree.
  expect(studioSourceHash(project({'schemas/office.ts': 'a', 'sanity.config.ts': 'c', 'package-lock.json': '{}'}), {})).not.toBe(hash)
  // Tests, benchmarks and data are not part of the Studio bundle.
  expect(studioSourceHash(project({...files, 'test/x.test.ts': 't', 'data/seed.ndjson': '{}'}), {})).toBe(hash)
})

// A stand-in for `sanity build <outDir>`: it takes a moment, writes index.html and counts its runs.
const FAKE_SANITY = `const {appendFileSync, mkdirSync, writeFileSync} = require('node:fs')
const out = process.argv[3]
setTimeout(() => {
  mkdirSync(out, {recursive: true})
  writeFileSync(out + '/index.html', 'built')
  appendFileSync(process.cwd() + '/builds.log', 'build\\n')
}, 400)`

it('builds a Studio once when two processes want the same build at once, and takes over a dead builder\'s lock', async () => {
  const root = project({'schemas/office.ts': 'a', 'sanity.config.ts': 'c', 'node_modules/.bin/sanity': FAKE_SANITY})
  const cache = join(root, 'cache')
  const [first, second] = await Promise.all([ensureStudioBuild(root, cache), ensureStudioBuild(root, cache)])
  expect(first!.directory).toBe(second!.directory)
  expect([first!.built, second!.built].toSorted()).toEqual([false, true])
  expect(readFileSync(join(root, 'builds.log'), 'utf8')).toBe('build\n')
  expect(readdirSync(cache)).toEqual([first!.directory.split('/').pop()])

  // A lock left by a process that is gone does not hold the next build up.
  writeFileSync(join(root, 'schemas/office.ts'), 'b')
  const next = join(cache, studioSourceHash(root))
  writeFileSync(`${next}.lock`, '999999999')
  const rebuilt = await ensureStudioBuild(root, cache)
  expect(rebuilt).toMatchObject({directory: next, built: true})
  expect(existsSync(`${next}.lock`)).toBe(false)
  expect(readdirSync(cache)).toEqual([next.split('/').pop()])
}, 30_000)
