import {expect, it} from 'vitest'

import {seed} from '../support/seed.ts'
import {validate} from '../support/workspace.ts'

// The Releases tool validates each version with two fields of its own beside the stored ones; they
// must not read as unknown fields, or "Run release" stays disabled for a valid article.
it('validates a release version as the Releases tool passes it, with its existence fields, without errors', async () => {
  const article = structuredClone(seed.find((doc) => doc._id === 'article-ip5-deputy-heads-2023')!)
  const version = {...article, _id: 'versions.rSpring.article-ip5-deputy-heads-2023', title: 'IP5 Deputy Heads meet online', publishedDocumentExists: true, draftDocumentExists: false}
  expect(await validate(version as never, seed as never)).toEqual([])
  // Any other unknown field is still one.
  const typo = {...version, autor: 'x'}
  expect((await validate(typo as never, seed as never)).map((marker) => marker.path)).toEqual(['autor'])
})
