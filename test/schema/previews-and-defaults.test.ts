import {resolveInitialValue, resolveInitialValueForType} from 'sanity'
import {describe, expect, it, vi} from 'vitest'

import {createInMemoryClient} from '../../offline/in-memory-client.ts'
import {
  allFixtures,
  article,
  cnipa,
  cnipaCooperation,
  cookiePolicy,
  deputyHeads2023,
  ip5,
  liaoTao,
  variant,
  wallace,
  wipo,
} from '../fixtures/documents.ts'
import {previewOf} from '../support/preview.ts'
import {administrator} from '../support/users.ts'
import {workspaceFor} from '../support/workspace.ts'

describe('previews', async () => {
  const workspace = await workspaceFor(administrator, allFixtures)
  const preview = (doc: (typeof allFixtures)[number]) => previewOf(workspace, doc, allFixtures)

  it('shows an office\'s abbreviation and ST.3 code before its name, and its kind and country', () => {
    // Then the name in the site's other language, where there is one.
    expect(preview(cnipa)).toEqual({title: 'CNIPA (CN) – China National Intellectual Property Administration', subtitle: 'National office · China · 国家知识产权局'})
    expect(preview(wipo)).toEqual({title: 'WIPO (WO) – World Intellectual Property Organization', subtitle: 'Intergovernmental organisation · 世界知识产权组织'})
    expect(preview(cnipaCooperation)).toEqual({title: 'CNIPA – International Cooperation Department', subtitle: 'Department of CNIPA · 国际合作司'})
    expect(preview(variant(cnipa, {officialNames: undefined}))).toEqual({title: 'CNIPA (CN) – China National Intellectual Property Administration', subtitle: 'National office · China'})
    // A department of a department: its office's name (it has no abbreviation) after the office above it.
    const patentOffice = variant(cnipaCooperation, {_id: 'office-cn-patent-office', name: 'Patent Office', officialNames: undefined})
    const automation = variant(cnipaCooperation, {_id: 'office-cn-patent-office-automation', name: 'Automation Department', parent: {_type: 'reference', _ref: patentOffice._id}, officialNames: undefined})
    expect(previewOf(workspace, automation, [...allFixtures, patentOffice])).toEqual({
      title: 'CNIPA Patent Office – Automation Department',
      subtitle: 'Department of CNIPA Patent Office',
    })
  })

  it('tells look-alike offices apart at the start of the title, where a cut-off title still shows it', () => {
    const inpi = {name: 'National Institute of Industrial Property', abbreviation: 'INPI', kind: 'national'}
    const france = preview(variant(cnipa, {_id: 'office-fr', ...inpi, st3Code: 'FR', country: 'FR'}))
    const brazil = preview(variant(cnipa, {_id: 'office-br', ...inpi, st3Code: 'BR', country: 'BR'}))
    expect(france.title).toBe('INPI (FR) – National Institute of Industrial Property')
    expect(brazil.title).toBe('INPI (BR) – National Institute of Industrial Property')
    expect(String(france.title).slice(0, 10)).not.toBe(String(brazil.title).slice(0, 10))
  })

  it('shows the type\'s icon where an office, person, event or forum has no image', () => {
    for (const doc of [cnipa, liaoTao, deputyHeads2023, ip5]) {
      const type = workspace.schema.get(doc._type)!
      const {select, prepare} = type.preview as {select: Record<string, string>; prepare: (value: Record<string, unknown>) => {media?: unknown}}
      const {media} = prepare(Object.fromEntries(Object.keys(select).map((key) => [key, undefined])))
      expect(media, doc._type).toBeTruthy()
      expect(media, doc._type).toBe(type.icon)
    }
  })

  it('shows a person\'s name in their order with their current title and office', () => {
    expect(preview(liaoTao)).toEqual({title: 'Liao Tao (廖涛)', subtitle: 'Deputy Commissioner, CNIPA'})
    expect(preview(wallace)).toEqual({title: 'Valencia Martin Wallace', subtitle: 'Deputy Commissioner for Patents, USPTO'})
  })

  it('shows a person known only by their native name by that name, without brackets', () => {
    expect(preview(variant(liaoTao, {givenName: undefined, familyName: undefined, nativeName: '王林'})).title).toBe('王林')
  })

  it('shows an article\'s section, date and language, with the language as a badge where there is no image', () => {
    expect(preview(article)).toEqual({title: article.title, subtitle: 'IP News · 2023-06-01 · en'})
    const chinese = allFixtures.find((doc) => doc._id === 'article-ip5-deputy-heads-2023-zh-hans')!
    expect(preview(chinese)).toEqual({title: '2023年五局副局长会议以视频形式召开', subtitle: 'IP News · 2023-06-01 · zh-Hans'})
    const media = (language: string) => {
      const type = workspace.schema.get('article') as unknown as {preview: {prepare: (value: Record<string, unknown>) => {media?: {props: Record<string, unknown>}}}}
      return type.preview.prepare({title: 'x', language}).media?.props
    }
    expect(media('zh-Hans')).toMatchObject({'aria-label': 'zh-Hans', children: '中文'})
    expect(media('en')).toMatchObject({'aria-label': 'en', children: 'EN'})
    expect(media('ko-KR')).toMatchObject({children: 'KO'})
  })

  it('shows an event\'s forum, date as exactly as known, and attendance', () => {
    expect(preview(deputyHeads2023)).toEqual({title: deputyHeads2023.title, subtitle: 'IP5 · 2023 · Online'})
    expect(
      preview(variant(deputyHeads2023, {datePrecision: 'day', startDate: '2023-06-12', attendanceMode: 'inPerson', location: {city: 'Seoul'}})),
    ).toEqual({title: deputyHeads2023.title, subtitle: 'IP5 · 12 June 2023 · Seoul'})
  })

  it('shows a forum\'s members and observers', () => {
    expect(preview(ip5)).toEqual({title: 'IP5', subtitle: '5 members · 1 observer · since 2007'})
    expect(preview(variant(ip5, {members: [(ip5.members as unknown[])[0]], observers: [], founded: undefined})).subtitle).toBe('1 member')
  })

  it('shows the cookie policy\'s version and effective date', () => {
    expect(preview(cookiePolicy)).toEqual({title: 'Cookie policy', subtitle: 'Version 1 · effective 2024-01-01'})
  })
})

describe('initial values', async () => {
  // Sanity resolves initial values in the browser, where it reaches for window.scheduler when present.
  vi.stubGlobal('window', globalThis)
  const workspace = await workspaceFor(administrator)
  const context = {
    projectId: 'local',
    dataset: 'production',
    schema: workspace.schema,
    currentUser: administrator,
    getClient: () => createInMemoryClient([]),
  }
  const fromTemplate = (id: string, params?: Record<string, unknown>) => {
    const template = workspace.templates.find((candidate) => candidate.id === id)
    if (!template) throw new Error(`No template ${id}`)
    return resolveInitialValue(workspace.schema, template, params, context)
  }

  it('starts an article in IP News, in English, with no publication time until it is published', async () => {
    const value = await fromTemplate('article')
    expect(value).toMatchObject({section: 'news', language: 'en'})
    expect(value.publishedAt).toBeUndefined()
  })

  it('starts an article from a section list in that section, keeping the other defaults', async () => {
    expect(await fromTemplate('article-in-case')).toMatchObject({section: 'case', language: 'en'})
    expect(await fromTemplate('article-in-alert')).toMatchObject({section: 'alert', language: 'en'})
  })

  it('starts events exactly dated and in person, offices national, people given-name first', async () => {
    expect(await fromTemplate('event')).toMatchObject({datePrecision: 'day', attendanceMode: 'inPerson', kind: 'other'})
    expect(await fromTemplate('office')).toMatchObject({kind: 'national'})
    expect(await fromTemplate('person')).toMatchObject({nameOrder: 'givenFirst'})
  })

  it('starts the cookie policy with the banner labels, version 1 and six months of consent', async () => {
    const type = workspace.schema.get('cookiePolicy')!
    expect(await resolveInitialValueForType(type, {}, 9, context)).toMatchObject({
      acceptLabel: 'I accept',
      rejectLabel: 'Reject all',
      preferencesLabel: 'Cookie settings',
      policyLinkLabel: 'Cookie Policy',
      version: 1,
      consentLifetimeDays: 182,
    })
  })
})
