import {createWorkspaceFromConfig, defineConfig, type ObjectSchemaType} from 'sanity'
import {describe, expect, it} from 'vitest'

import {ipNews} from '../../plugins/ip-news/index.ts'
import {createInMemoryClient} from '../../offline/in-memory-client.ts'
import {allFixtures, article, cnipa, deputyHeads2023, ip5, liaoTao, referenceData, variant} from '../fixtures/documents.ts'
import {draftActions} from '../support/actions.ts'
import {expectOnlyError, expectValid} from '../support/expect-validation.ts'
import {administrator, editor} from '../support/users.ts'
import {errorsOf} from '../support/workspace.ts'
import {workspaceFor} from '../support/workspace.ts'

type Field = {name: string; type: ObjectSchemaType & {of?: {name: string}[]; options?: Record<string, unknown>}}

const zh = (name: string, key = 'zh-Hans', language = 'zh-Hans') => ({_key: key, _type: 'localizedName', language, name})
const others = (doc: {_id: string}) => allFixtures.filter((other) => other._id !== doc._id && other._type !== 'article')
const chineseArticle = allFixtures.find((doc) => doc._id === 'article-ip5-deputy-heads-2023-zh-hans')!

describe('one shape for a name in several languages', async () => {
  const workspace = await workspaceFor(administrator)
  const fieldOf = (typeName: string, fieldName: string) => {
    const type = workspace.schema.get(typeName) as ObjectSchemaType
    return type.fields.find((field) => field.name === fieldName) as Field | undefined
  }

  it.each([
    ['office', 'officialNames', 'name'],
    ['forum', 'localizedNames', 'name'],
    ['event', 'localizedTitles', 'title'],
    ['person', 'localizedNames', 'givenName'],
    ['position', 'localizedTitles', 'title'],
  ])('%s.%s: a list of localizedName ({language, name}) beside the English %s', (typeName, list, english) => {
    const field = fieldOf(typeName, list)
    expect(field?.type.jsonType).toBe('array')
    expect(field?.type.of?.map((member) => member.name)).toEqual(['localizedName'])
    expect(fieldOf(typeName, english)?.type.jsonType).toBe('string')
  })

  it('localizedName holds a language tag and the name, both required', () => {
    const type = workspace.schema.get('localizedName') as ObjectSchemaType
    expect(type.fields.map((field) => [field.name, field.type.jsonType])).toEqual([
      ['language', 'string'],
      ['name', 'string'],
    ])
  })

  it('accepts the seed\'s Chinese names on offices, forums, events, people and positions', async () => {
    for (const doc of [cnipa, ip5, deputyHeads2023, liaoTao]) await expectValid(doc, others(doc))
  })

  it('keeps the English value required: a Chinese name does not stand in for it', async () => {
    await expectOnlyError(variant(ip5, {name: undefined}), others(ip5), 'name', "Enter the forum's name")
    await expectOnlyError(variant(deputyHeads2023, {title: undefined}), others(deputyHeads2023), 'title', 'Give the event a title')
  })

  it('takes one value per language, and none in English (the plain field holds it)', async () => {
    await expectOnlyError(
      variant(ip5, {localizedNames: [zh('知识产权五局', 'a'), zh('五局', 'b')]}),
      others(ip5),
      'localizedNames[_key=="b"]',
      'There is already a name in zh-Hans: keep one per language',
    )
    await expectOnlyError(
      variant(deputyHeads2023, {localizedTitles: [zh('2023 IP5 meeting', 'en', 'en')]}),
      others(deputyHeads2023),
      'localizedTitles[_key=="en"]',
      'The English title goes in the title field above: remove this item',
    )
  })

  it('checks each item\'s language tag and name, inside a person\'s position too', async () => {
    await expectOnlyError(
      variant(liaoTao, {localizedNames: [zh('廖涛', 'zh', 'chinese')]}),
      others(liaoTao),
      'localizedNames[_key=="zh"].language',
      '"chinese" is not a BCP 47 language tag: use a code such as en, zh-Hans, ko or de-AT',
    )
    const position = {...(liaoTao.positions as object[])[0]!, localizedTitles: [{_key: 'zh', _type: 'localizedName', language: 'zh-Hans'}]}
    await expectOnlyError(
      variant(liaoTao, {positions: [position]}),
      others(liaoTao),
      'positions[_key=="cnipa"].localizedTitles[_key=="zh"].name',
      'Enter the name as written in that language',
    )
  })
})

describe('articles translated document by document', async () => {
  const workspace = await workspaceFor(editor)
  const articleType = workspace.schema.get('article') as ObjectSchemaType

  it('adds the translation plugin\'s metadata document type, with the language versions as references to articles', () => {
    const metadata = workspace.schema.get('translation.metadata') as ObjectSchemaType
    expect(metadata?.jsonType).toBe('object')
    expect(metadata.fields.map((field) => field.name)).toEqual(['translations', 'schemaTypes'])
  })

  it('copies the language-neutral fields to a new translation and leaves the text behind', () => {
    const excluded = (articleType.fields as Field[])
      .filter((field) => (field.type.options as {documentInternationalization?: {exclude?: boolean}} | undefined)?.documentInternationalization?.exclude)
      .map((field) => field.name)
    expect(excluded).toEqual(['title', 'summary', 'mainImage', 'body', 'publishedAt', 'updatedAt', 'translation', 'seo'])
    const copied = articleType.fields.map((field) => field.name).filter((name) => !excluded.includes(name))
    expect(copied).toEqual(expect.arrayContaining(['section', 'slug', 'language', 'offices', 'people', 'events', 'ipRights', 'topics']))
    // The main image keeps its own options beside the exclusion.
    expect((articleType.fields as Field[]).find((field) => field.name === 'mainImage')?.type.options).toMatchObject({hotspot: true})
  })

  it('offers "Delete translation" on articles, which unlinks a version before deleting it', () => {
    expect(draftActions(workspace, 'article', 'article.x')).toEqual(expect.arrayContaining(['delete', 'deleteTranslation']))
    expect(draftActions(workspace, 'event', 'event.x')).not.toContain('deleteTranslation')
  })

  it('keeps the language read-only in the form: the Translations menu sets it', () => {
    expect((articleType.fields as Field[]).find((field) => field.name === 'language')?.type.readOnly).toBe(true)
  })

  it('has a template per language and offers "Article" once in the new-document menu', () => {
    const ids = workspace.templates.map((template) => template.id)
    expect(ids).toEqual(expect.arrayContaining(['article', 'article-en', 'article-zh-Hans', 'article-parameterized']))
    const global = workspace.document.resolveNewDocumentOptions({type: 'global'}).map((option) => option.templateId)
    expect(global).toEqual(['article', 'event'])
  })

  it('validates the seed\'s Chinese article and the metadata document linking it to the English one', async () => {
    await expectValid(chineseArticle, [...referenceData, deputyHeads2023, article])
    const metadata = allFixtures.find((doc) => doc._type === 'translation.metadata')!
    await expectValid(metadata, allFixtures)
    // The plugin's own rule: each reference points at a document in the language it is filed under.
    const swapped = {
      ...metadata,
      translations: (metadata.translations as {_key: string; language: string}[]).map((version) => ({...version, language: version.language === 'en' ? 'zh-Hans' : 'en'})),
    }
    expect((await errorsOf(swapped, allFixtures)).map((marker) => marker.message)).toEqual([
      'Referenced document does not have the correct language value',
      'Referenced document does not have the correct language value',
    ])
  })

  it('lets a translation share its original\'s slug, but not two articles in one language', async () => {
    const dataset = [...referenceData, deputyHeads2023]
    await expectValid(chineseArticle, [...dataset, article])
    const twin = variant(chineseArticle, {_id: 'article.twin'})
    await expectOnlyError(twin, [...dataset, article, chineseArticle], 'slug', 'Slug is already in use')
  })
})

describe('ipNews({languages})', () => {
  const workspaceWith = (languages?: {id: string; title: string}[]) =>
    createWorkspaceFromConfig({
      ...defineConfig({name: 'default', projectId: 'local', dataset: 'production', plugins: [ipNews({languages})]}),
      currentUser: administrator,
      getClient: () => createInMemoryClient([]) as never,
    })

  it('sets the languages of the translation menu and its templates', async () => {
    const workspace = await workspaceWith([
      {id: 'en', title: 'English'},
      {id: 'ja', title: 'Japanese'},
    ])
    const ids = workspace.templates.map((template) => template.id)
    expect(ids).toEqual(expect.arrayContaining(['article-en', 'article-ja']))
    expect(ids).not.toContain('article-zh-Hans')
  })

  it('requires English among them', () => {
    expect(() => ipNews({languages: [{id: 'zh-Hans', title: 'Chinese'}]})).toThrow(/must include English/)
  })
})
