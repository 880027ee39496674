import {describe, expect, it} from 'vitest'

import {COOKIE_POLICY_ID} from '../../schemas/constants/ids.ts'
import {draftActions} from '../support/actions.ts'
import {administrator, editor} from '../support/users.ts'
import {workspaceFor} from '../support/workspace.ts'


describe('cookie-policy singleton', () => {
  for (const user of [administrator, editor]) {
    describe(`for ${user.name}`, () => {
      it('has no template, so no new-document menu offers it', async () => {
        const workspace = await workspaceFor(user)
        expect(workspace.templates.map((template) => template.schemaType)).not.toContain('cookiePolicy')
        for (const context of [
          {type: 'global' as const},
          {type: 'structure' as const, schemaType: 'cookiePolicy'},
          {type: 'document' as const, documentId: COOKIE_POLICY_ID, schemaType: 'cookiePolicy'},
        ]) {
          const options = workspace.document.resolveNewDocumentOptions(context)
          expect(options.map((option) => option.templateId)).not.toContain('cookiePolicy')
        }
      })

      it('can be published, restored and discarded, never deleted, unpublished or duplicated', async () => {
        const workspace = await workspaceFor(user)
        const actions = draftActions(workspace, 'cookiePolicy', COOKIE_POLICY_ID)
        // TaskCreateAction comes from Sanity's tasks plugin and does not change the document.
        expect(actions).toEqual(['publish', 'restore', 'discardChanges', 'TaskCreateAction'])
      })
    })
  }

  it('leaves other types their usual actions', async () => {
    const workspace = await workspaceFor(administrator)
    const actions = draftActions(workspace, 'article', 'article.x')
    expect(actions).toEqual(expect.arrayContaining(['publish', 'unpublish', 'duplicate', 'delete']))
  })
})
