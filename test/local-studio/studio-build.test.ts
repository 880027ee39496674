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

it('names a Studio build after its sources: same sources, same build; any change to them, a new one', () => {
  const files = {'schemas/article.ts': 'a', 'sanity.config.ts': 'c', 'package-lock.json': '{}'}
  const hash = studioSourceHash(project(files))
  expect(studioSourceHash(project(files))).toBe(hash)
  expect(studioSourceHash(project({...files, 'schemas/article.ts': 'b'}))).not.toBe(hash)
  expect(studioSourceHash(project({...files, 'plugins/new.ts': 'p'}))).not.toBe(hash)
  // A file renamed with the same content is a different source tree.
  expect(studioSourceHash(project({'schemas/office.ts': 'a', 'sanity.config.ts': 'c', 'package-lock.json': '{}'}))).not.toBe(hash)
  // Tests, benchmarks and data are not part of the Studio bundle.
  expect(studioSourceHash(project({...files, 'test/x.test.ts': 't', 'data/seed.ndjson': '{}'}))).toBe(hash)
})
