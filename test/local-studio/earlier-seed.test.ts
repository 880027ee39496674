import {expect, it} from 'vitest'

import {earlierSeedWarning} from '../../local-studio/earlier-seed.ts'
import {seed} from '../support/seed.ts'

it('says nothing on the current seed, and on a dataset of an earlier seed says what a site cannot read and how to reseed', () => {
  expect(earlierSeedWarning(seed.map((doc) => doc._id))).toBeUndefined()
  expect(earlierSeedWarning(['sanity-preview-url-secret.share-access', 'drafts.abc', '_.releases.r1', 'cookiePolicy'])).toBeUndefined()
  const warning = earlierSeedWarning(['cookiePolicy', 'office.cn', 'drafts.office.jp', 'person.liao-tao', 'versions.r1.article.x', 'office-kr'])!
  expect(warning).toContain('4 documents on dotted ids (office.cn, drafts.office.jp, person.liao-tao, ...)')
  expect(warning).toContain('npm run dev -- --reset')
  expect(warning).toContain('npx sanity migration run seed-ids-to-root-paths')
  expect(earlierSeedWarning(['office.cn'])).toContain('1 document on dotted ids (office.cn)')
})
