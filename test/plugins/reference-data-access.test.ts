import {describe, expect, it} from 'vitest'

import {readOnlyNotice} from '../../plugins/reference-data-access/notice.tsx'
import {REFERENCE_DATA_TYPES} from '../../schemas/constants/ids.ts'
import {cnipa} from '../fixtures/documents.ts'
import {draftActions} from '../support/actions.ts'
import {administrator, editor} from '../support/users.ts'
import {workspaceFor} from '../support/workspace.ts'


async function readOnlyFor(user: typeof administrator, type: string) {
  const workspace = await workspaceFor(user)
  const readOnly = workspace.schema.get(type)?.readOnly
  return typeof readOnly === 'function'
    ? readOnly({currentUser: user, document: cnipa as never, parent: undefined, value: cnipa, path: []})
    : Boolean(readOnly)
}

describe('reference-data access', () => {
  it('lets administrators edit offices, people and forums', async () => {
    for (const type of REFERENCE_DATA_TYPES) expect(await readOnlyFor(administrator, type)).toBe(false)
    const workspace = await workspaceFor(administrator)
    expect(draftActions(workspace, 'office', 'office-cn')).toEqual(
      expect.arrayContaining(['publish', 'delete', 'duplicate']),
    )
  })

  it('shows offices, people and forums read-only to editors', async () => {
    for (const type of REFERENCE_DATA_TYPES) expect(await readOnlyFor(editor, type)).toBe(true)
    expect(await readOnlyFor(editor, 'article')).toBe(false)
  })

  it('leaves editors no action that changes reference data', async () => {
    const workspace = await workspaceFor(editor)
    for (const type of REFERENCE_DATA_TYPES) {
      expect(draftActions(workspace, type, `${type}.x`)).toEqual(['TaskCreateAction'])
    }
    expect(draftActions(workspace, 'article', 'article.x')).toEqual(
      expect.arrayContaining(['publish', 'delete']),
    )
  })

  it('keeps reference data out of editors\' new-document menus, also from reference fields', async () => {
    const asEditor = await workspaceFor(editor)
    expect(asEditor.document.resolveNewDocumentOptions({type: 'global'}).map((option) => option.templateId)).toEqual(['article', 'event'])
    const fromReferenceField = asEditor.document.resolveNewDocumentOptions({type: 'document', documentId: 'article.x', schemaType: 'article'})
    expect(fromReferenceField.map((option) => option.templateId)).not.toContain('office')

    const asAdministrator = await workspaceFor(administrator)
    expect(asAdministrator.document.resolveNewDocumentOptions({type: 'global'}).map((option) => option.templateId)).toEqual([
      'article',
      'office',
      'person',
      'event',
      'forum',
    ])
  })

  it('lets editors pick reference data: the reference fields of an article stay editable', async () => {
    const workspace = await workspaceFor(editor)
    const articleType = workspace.schema.get('article') as {fields: {name: string; type: {readOnly?: unknown}}[]}
    for (const name of ['offices', 'people', 'events']) {
      const field = articleType.fields.find((candidate) => candidate.name === name)
      expect(field?.type.readOnly).toBeUndefined()
    }
  })

  it('shows Vision to administrators only', async () => {
    expect((await workspaceFor(administrator)).tools.map((tool) => tool.name)).toContain('vision')
    expect((await workspaceFor(editor)).tools.map((tool) => tool.name)).not.toContain('vision')
    expect((await workspaceFor(editor)).tools[0]?.name).toBe('content')
  })

  it('explains to editors why offices, people and forums are read-only, and what to do', async () => {
    const workspace = await workspaceFor(editor)
    for (const type of REFERENCE_DATA_TYPES) {
      const input = (workspace.schema.get(type)?.components as {input?: {displayName?: string}} | undefined)?.input
      expect(input?.displayName, type).toBe('ReferenceDataNotice')
    }
    expect((workspace.schema.get('article')?.components as {input?: unknown} | undefined)?.input).toBeUndefined()
    expect(readOnlyNotice('Office')).toMatch(/^Office records are reference data, kept by administrators: .* ask an administrator\.$/)
  })
})
