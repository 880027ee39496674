import {describe, expect, it} from 'vitest'

import {createInMemoryClient} from '../../offline/in-memory-client.ts'
import {CountryCodeInput, LanguageCodeInput, St3CodeInput} from '../../schemas/components/code-select-input.tsx'
import {PartialDateInput} from '../../schemas/components/partial-date-input.tsx'
import {allFixtures, cnipa, cnipaCooperation} from '../fixtures/documents.ts'
import {administrator} from '../support/users.ts'
import {workspaceFor} from '../support/workspace.ts'

type SchemaNode = {name: string; title?: string; description?: string; options?: {filter?: string}; of?: SchemaNode[]; fields?: {name: string; group?: string | string[]; type: SchemaNode}[]; type?: SchemaNode}

describe('the editor\'s rough edges, in the compiled schema', async () => {
  const workspace = await workspaceFor(administrator)
  const typeOf = (name: string) => workspace.schema.get(name) as unknown as SchemaNode
  const field = (typeName: string, fieldName: string) => typeOf(typeName).fields!.find((candidate) => candidate.name === fieldName)!

  /** The office ids a reference field's search offers: its filter run with groq-js over the fixtures, as the Studio adds it to `_type == "office"`. */
  async function offered(reference: SchemaNode) {
    const filter = reference.options?.filter
    const query = `*[_type == "office"${filter ? ` && (${filter})` : ''}]._id`
    return createInMemoryClient(allFixtures).fetch<string[]>(query)
  }

  it('offers offices, not departments, where only an office makes sense', async () => {
    const referenceFields: [string, SchemaNode][] = [
      ['event.host', field('event', 'host').type],
      ['delegation.office', field('delegation', 'office').type],
      ['article.offices', field('article', 'offices').type.of![0]!],
      ['articleSource.office', field('articleSource', 'office').type],
      ['forum.members', field('forum', 'members').type.of![0]!],
      ['forum.observers', field('forum', 'observers').type.of![0]!],
    ]
    for (const [name, reference] of referenceFields) {
      const ids = await offered(reference)
      expect(ids, name).toContain(cnipa._id)
      expect(ids, name).not.toContain(cnipaCooperation._id)
    }
  })

  it('keeps departments where they belong: a delegation\'s members, a position\'s office', async () => {
    const members = field('delegation', 'members').type.of!.find((member) => member.name === 'reference')!
    expect(await offered(members)).toContain(cnipaCooperation._id)
    expect(await offered(field('position', 'office').type)).toContain(cnipaCooperation._id)
  })

  it('tells editors how to get a missing office added', () => {
    for (const description of [field('article', 'offices').type.description, field('event', 'host').type.description, field('delegation', 'office').type.description]) {
      expect(description).toMatch(/ask (an administrator|one) to add it/)
    }
  })

  it('labels the Source tab\'s fields once each, in sentence case', () => {
    const source = field('articleSource', 'url').type.title
    const original = field('translationInfo', 'originalUrl').type.title
    expect(source).not.toBe(original)
    expect(field('translationInfo', 'originalLanguage').type.title).toBe('Original language')
    expect(field('translationInfo', 'originalTitle').type.title).toBe('Original title')
  })

  it('asks for a month or a year, not a day, when only that is known', () => {
    for (const name of ['startDate', 'endDate']) {
      expect((field('event', name).type as {components?: {input?: unknown}}).components?.input, name).toBe(PartialDateInput)
    }
  })

  it('makes country, language and ST.3 code fields pick lists', () => {
    const inputOf = (typeName: string, fieldName: string) => (field(typeName, fieldName).type as {components?: {input?: unknown}}).components?.input
    expect(inputOf('office', 'country')).toBe(CountryCodeInput)
    expect(inputOf('eventLocation', 'country')).toBe(CountryCodeInput)
    expect(inputOf('office', 'st3Code')).toBe(St3CodeInput)
    for (const [typeName, fieldName] of [['article', 'language'], ['translationInfo', 'originalLanguage'], ['localizedName', 'language']] as const) {
      expect(inputOf(typeName, fieldName), `${typeName}.${fieldName}`).toBe(LanguageCodeInput)
    }
  })
})
