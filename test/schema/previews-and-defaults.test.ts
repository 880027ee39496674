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

  it('shows an office\'s abbreviation, ST.3 code and country', () => {
    expect(preview(cnipa)).toEqual({title: 'China National Intellectual Property Administration', subtitle: 'CNIPA · CN · China · 国家知识产权局'})
    expect(preview(wipo)).toEqual({title: 'World Intellectual Property Organization', subtitle: 'WIPO · WO · 世界知识产权组织'})
    expect(preview(cnipaCooperation)).toEqual({title: 'International Cooperation Department', subtitle: 'Department of CNIPA · 国际合作司'})
    // No name in a site language: the subtitle as before.
    expect(preview(variant(cnipa, {officialNames: undefined}))).toEqual({title: 'China National Intellectual Property Administration', subtitle: 'CNIPA · CN · China'})
  })

  it('shows a person\'s name in their order with their current title and office', () => {
    expect(preview(liaoTao)).toEqual({title: 'Liao Tao (廖涛)', subtitle: 'Deputy Commissioner, CNIPA'})
    expect(preview(wallace)).toEqual({title: 'Valencia Martin Wallace', subtitle: 'Deputy Commissioner for Patents, USPTO'})
  })

  it('shows an article\'s section, date and language, with the language as a badge where there is no image', () => {
    expect(preview(article)).toEqual({title: article.title, subtitle: 'IP News · 2023-06-01 · en'})
    const chinese = allFixtures.find((doc) => doc._id === 'article.ip5-deputy-heads-2023.zh-hans')!
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

  it('starts an article in IP News, in English, published now', async () => {
    const before = Date.now()
    const value = await fromTemplate('article')
    expect(value).toMatchObject({section: 'news', language: 'en'})
    expect(Date.parse(value.publishedAt)).toBeGreaterThanOrEqual(before - 1000)
    expect(Date.parse(value.publishedAt)).toBeLessThanOrEqual(Date.now())
  })

  it('starts an article from a section list in that section, keeping the other defaults', async () => {
    expect(await fromTemplate('article-in-section', {section: 'case'})).toMatchObject({section: 'case', language: 'en'})
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
