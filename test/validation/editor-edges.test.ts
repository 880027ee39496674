import {describe, expect, it} from 'vitest'

import {article, referenceData, variant, deputyHeads2023} from '../fixtures/documents.ts'
import {actionNames} from '../support/actions.ts'
import {expectOnlyError, expectValid} from '../support/expect-validation.ts'
import {administrator, editor} from '../support/users.ts'
import {workspaceFor} from '../support/workspace.ts'

const dataset = [...referenceData, deputyHeads2023]

describe('an article\'s publication time', () => {
  it('may wait in a draft: Publish fills it in', async () => {
    await expectValid(variant(article, {_id: 'drafts.article.new', slug: {_type: 'slug', current: 'new'}, publishedAt: undefined}), dataset)
  })

  it('is required of a published article and of a version in a release', async () => {
    await expectOnlyError(variant(article, {publishedAt: undefined}), dataset, 'publishedAt', 'Set the publication date and time')
    await expectOnlyError(
      variant(article, {_id: 'versions.r1.article.new', slug: {_type: 'slug', current: 'new'}, publishedAt: undefined}),
      dataset,
      'publishedAt',
      'Set the publication date and time: a release publishes the article without filling it in',
    )
  })

  it('is not filled in when the draft is created, and the field says when it is', async () => {
    const workspace = await workspaceFor(administrator)
    const field = (workspace.schema.get('article') as {fields: {name: string; type: {initialValue?: unknown; description?: string}}[]}).fields.find(
      (candidate) => candidate.name === 'publishedAt',
    )!
    expect(field.type.initialValue).toBeUndefined()
    expect(field.type.description).toMatch(/first published/)
  })

  it('is set by the article\'s Publish action, for editors and administrators; other types keep Sanity\'s own', async () => {
    for (const user of [administrator, editor]) {
      const workspace = await workspaceFor(user)
      const actions = workspace.document.actions({schemaType: 'article', documentId: 'article.x', versionType: 'draft', releaseId: undefined})
      const publish = actions.find((action) => action.action === 'publish')
      expect(publish?.displayName).toBe('PublishWithDate')
      expect(actionNames(actions)).toContain('publish')
      const eventPublish = workspace.document
        .actions({schemaType: 'event', documentId: 'event.x', versionType: 'draft', releaseId: undefined})
        .find((action) => action.action === 'publish')
      expect(eventPublish?.displayName).not.toBe('PublishWithDate')
    }
  })
})
