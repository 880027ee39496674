import {describe, expect, it} from 'vitest'

import {
  articleBySlugQuery,
  cookiePolicyQuery,
  eventPageQuery,
  eventsByYearQuery,
  forumPageQuery,
  officePageQuery,
  personPageQuery,
  sitemapQuery,
  upcomingEventsQuery,
} from '../../queries/index.ts'
import type {
  ArticleBySlugQueryResult,
  CookiePolicyQueryResult,
  EventPageQueryResult,
  EventsByYearQueryResult,
  ForumPageQueryResult,
  OfficePageQueryResult,
  PersonPageQueryResult,
  SitemapQueryResult,
  UpcomingEventsQueryResult,
} from '../../sanity.types.ts'
import {runQuery, seed} from '../support/seed.ts'

const articleSlug = '2023-meeting-of-ip5-deputy-heads-of-office-held-online'

describe('event page', () => {
  it('lists the five member delegations with their heads, and WIPO as observer', async () => {
    const event = await runQuery<EventPageQueryResult>(eventPageQuery, {language: 'en', slug: 'ip5-deputy-heads-2023'})
    expect(event?.title).toBe('2023 IP5 Deputy Heads of Office meeting')
    expect(event?.host).toMatchObject({abbreviation: 'USPTO'})
    expect(event?.forum).toMatchObject({abbreviation: 'IP5'})
    expect(event?.chair).toEqual({slug: 'valencia-martin-wallace', name: 'Valencia Martin Wallace'})
    expect(event?.chairTitle).toBe('Deputy Commissioner')
    expect(
      event?.delegations?.map((delegation) => [delegation.office?.abbreviation, delegation.role, delegation.head?.name ?? null, delegation.headTitle]),
    ).toEqual([
      ['CNIPA', 'member', 'Liao Tao', 'Deputy Commissioner'],
      ['USPTO', 'member', 'Valencia Martin Wallace', 'Deputy Commissioner'],
      ['EPO', 'member', 'Christoph Ernst', 'Vice President'],
      ['JPO', 'member', 'Katsura Masanori', 'Deputy Commissioner'],
      ['KIPO', 'member', 'Ryu Donghyun', 'Vice Commissioner'],
      ['WIPO', 'observer', null, null],
    ])
    expect(event?.delegations?.[0]?.members?.map((member) => member.name)).toEqual([
      'International Cooperation Department',
      'Department of Treaty and Law',
      'Strategic Planning Department',
      'Examination Affair Department',
      'Patent Documentation Department',
      'Automation Department',
    ])
    expect(event?.relatedArticles.map((article) => article.slug)).toEqual([articleSlug])
  })

  it('answers null for an unknown slug', async () => {
    expect(await runQuery(eventPageQuery, {language: 'en', slug: 'nope'})).toBeNull()
  })
})

describe('office page', () => {
  it('lists the people holding a position at CNIPA now, its departments and the articles about it', async () => {
    const office = await runQuery<OfficePageQueryResult>(officePageQuery, {language: 'en', id: 'office-cn'})
    expect(office?.name).toBe('China National Intellectual Property Administration')
    expect(office?.people.map((person) => [person.name, person.position?.title])).toEqual([['Liao Tao', 'Deputy Commissioner']])
    expect(office?.departments.map((department) => department.name)).toEqual([
      'Department of Treaty and Law',
      'International Cooperation Department',
      'Patent Office',
      'Strategic Planning Department',
    ])
    expect(office?.latestArticles.map((article) => article.slug)).toEqual([articleSlug])
    expect(office?.formerNames).toEqual([{name: 'State Intellectual Property Office', abbreviation: 'SIPO', until: '2018-08-28'}])
  })

  it('lists the events an office hosted, and its parent for a department', async () => {
    const uspto = await runQuery<OfficePageQueryResult>(officePageQuery, {language: 'en', id: 'office-us'})
    expect(uspto?.hostedEvents.map((event) => event.slug)).toEqual(['ip5-deputy-heads-2023'])
    const automation = await runQuery<OfficePageQueryResult>(officePageQuery, {language: 'en', id: 'office-cn-patent-office-automation'})
    expect(automation?.parent).toEqual({_id: 'office-cn-patent-office', name: 'Patent Office', abbreviation: null, st3Code: null})
  })

  it('leaves out people whose position there has ended', async () => {
    const ended = seed.map((doc) =>
      doc._id === 'person-liao-tao'
        ? {...doc, positions: [{_key: 'cnipa', _type: 'position', title: 'Deputy Commissioner', office: {_type: 'reference', _ref: 'office-cn'}, endDate: '2024-01-01'}]}
        : doc,
    )
    const office = await runQuery<OfficePageQueryResult>(officePageQuery, {language: 'en', id: 'office-cn'}, ended)
    expect(office?.people).toEqual([])
  })
})

describe('article page', () => {
  it('resolves every reference: offices, people, events, source', async () => {
    const article = await runQuery<ArticleBySlugQueryResult>(articleBySlugQuery, {language: 'en', slug: articleSlug})
    expect(article?.offices?.map((office) => office.abbreviation)).toEqual(['CNIPA', 'USPTO', 'EPO', 'JPO', 'KIPO', 'WIPO'])
    expect(article?.people?.map((person) => person.name)).toEqual([
      'Liao Tao',
      'Valencia Martin Wallace',
      'Christoph Ernst',
      'Katsura Masanori',
      'Ryu Donghyun',
    ])
    expect(article?.events?.map((event) => event.slug)).toEqual(['ip5-deputy-heads-2023'])
    expect(article?.source?.office?.abbreviation).toBe('CNIPA')
    expect(article?.translation?.note).toBe('Translated from CNIPA Website Chinese Version')
    expect(article?.body).toHaveLength(4)
  })

  it('resolves internal links in the body to their target', async () => {
    const linked = seed.map((doc) =>
      doc._type === 'article'
        ? {
            ...doc,
            body: [
              {
                _key: 'b',
                _type: 'block',
                style: 'normal',
                markDefs: [{_key: 'l', _type: 'internalLink', reference: {_type: 'reference', _ref: 'office-cn'}}],
                children: [{_key: 's', _type: 'span', text: 'CNIPA', marks: ['l']}],
              },
            ],
          }
        : doc,
    )
    const article = await runQuery<ArticleBySlugQueryResult>(articleBySlugQuery, {language: 'en', slug: articleSlug}, linked)
    const block = article?.body?.[0] as {markDefs: {target?: unknown}[]}
    expect(block.markDefs[0]?.target).toEqual({_type: 'office', _id: 'office-cn', slug: null, title: 'China National Intellectual Property Administration'})
  })
})

describe('person, forum and events pages', () => {
  it('shows a person\'s positions with their offices, and their articles and events', async () => {
    const person = await runQuery<PersonPageQueryResult>(personPageQuery, {language: 'en', slug: 'katsura-masanori'})
    expect(person?.name).toBe('Katsura Masanori')
    expect(person?.positions?.map((position) => [position.title, position.office?.abbreviation])).toEqual([['Deputy Commissioner', 'JPO']])
    expect(person?.articles.map((article) => article.slug)).toEqual([articleSlug])
    expect(person?.events.map((event) => event.slug)).toEqual(['ip5-deputy-heads-2023'])
  })

  it('shows a forum\'s members, observers and events', async () => {
    const forum = await runQuery<ForumPageQueryResult>(forumPageQuery, {language: 'en', id: 'forum-ip5'})
    expect(forum?.members?.map((office) => office.abbreviation)).toEqual(['EPO', 'JPO', 'KIPO', 'CNIPA', 'USPTO'])
    expect(forum?.observers?.map((office) => office.abbreviation)).toEqual(['WIPO'])
    expect(forum?.events.map((event) => event.slug)).toEqual(['ip5-deputy-heads-2023'])
  })

  it('lists events by year and upcoming events', async () => {
    const in2023 = await runQuery<EventsByYearQueryResult>(eventsByYearQuery, {language: 'en', from: '2023-01-01', to: '2024-01-01'})
    expect(in2023.map((event) => [event.slug, event.forum, event.host])).toEqual([['ip5-deputy-heads-2023', 'IP5', 'USPTO']])
    expect(await runQuery(eventsByYearQuery, {language: 'en', from: '2022-01-01', to: '2023-01-01'})).toEqual([])
    const upcoming = (today: string) => runQuery<UpcomingEventsQueryResult>(upcomingEventsQuery, {language: 'en', today, limit: 10})
    expect((await upcoming('2022-12-31')).map((event) => event.slug)).toEqual(['ip5-deputy-heads-2023'])
    expect(await upcoming('2026-11-25')).toEqual([])
  })
})

describe('site-wide queries', () => {
  it('reads the cookie banner from the singleton', async () => {
    const policy = await runQuery<CookiePolicyQueryResult>(cookiePolicyQuery)
    expect(policy).toMatchObject({acceptLabel: 'I accept', rejectLabel: 'Reject all', policyLinkLabel: 'Cookie Policy', version: 1})
    expect(policy?.categories?.map((category) => category.key)).toEqual(['necessary', 'analytics'])
  })

  it('lists every public page for the sitemap', async () => {
    const {pages} = await runQuery<SitemapQueryResult>(sitemapQuery)
    // The English article and its Chinese version share a slug: the site puts the language in the address.
    expect(pages.filter((page) => page._type === 'article').map((page) => [page.slug, page.language])).toEqual([
      [articleSlug, 'en'],
      [articleSlug, 'zh-Hans'],
    ])
    expect(pages.filter((page) => page._type === 'office')).toHaveLength(seed.filter((doc) => doc._type === 'office').length)
    expect(pages.find((page) => page._type === 'article')?.lastModified).toBe('2023-06-01T00:00:00Z')
    expect(pages.some((page) => (page._type as string) === 'cookiePolicy')).toBe(false)
  })

  it('sees published documents only, never drafts', async () => {
    const withDraft = [...seed, {_id: 'drafts.person-liao-tao', _type: 'person', givenName: 'Draft', familyName: 'Only', nameOrder: 'givenFirst', slug: {_type: 'slug', current: 'liao-tao'}}]
    const person = await runQuery<PersonPageQueryResult>(personPageQuery, {language: 'en', slug: 'liao-tao'}, withDraft)
    expect(person?.name).toBe('Liao Tao')
  })
})
