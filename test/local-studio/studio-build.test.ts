import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {expect, it} from 'vitest'

import {studioSourceHash} from '../../local-studio/studio-build.ts'

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
