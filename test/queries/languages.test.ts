import {describe, expect, it} from 'vitest'

import {
  articleBySlugQuery,
  articleSearchQuery,
  eventPageQuery,
  eventsByYearQuery,
  forumPageQuery,
  latestArticlesQuery,
  officePageQuery,
  personPageQuery,
  languageVersionsByArticle,
  sitemapQuery,
} from '../../queries/index.ts'
import type {
  ArticleBySlugQueryResult,
  ArticleSearchQueryResult,
  EventPageQueryResult,
  EventsByYearQueryResult,
  ForumPageQueryResult,
  LatestArticlesQueryResult,
  OfficePageQueryResult,
  PersonPageQueryResult,
  SitemapQueryResult,
} from '../../sanity.types.ts'
import {runQuery, seed} from '../support/seed.ts'

const slug = '2023-meeting-of-ip5-deputy-heads-of-office-held-online'
const english = {language: 'en', slug}
const chinese = {language: 'zh-Hans', slug}
const titles = {en: '2023 Meeting of IP5 Deputy Heads of Office Held Online', zh: '2023年五局副局长会议以视频形式召开'}

const article = (language: string, documents = seed) => runQuery<ArticleBySlugQueryResult>(articleBySlugQuery, {slug, language}, documents)

describe('the article page in each language', () => {
  it('answers the Chinese version for zh-Hans, with Chinese names of offices, people, the event and the source', async () => {
    const page = await article('zh-Hans')
    expect(page).toMatchObject({_id: 'article-ip5-deputy-heads-2023-zh-hans', language: 'zh-Hans', title: titles.zh})
    expect(page?.offices?.map((office) => office.name)).toEqual(['国家知识产权局', '美国专利商标局', '欧洲专利局', '日本特许厅', '韩国知识产权局', '世界知识产权组织'])
    // Ryu Donghyun has no Chinese name in the dataset: the English fallback.
    expect(page?.people?.map((person) => person.name)).toEqual(['廖涛', '瓦伦西亚·马丁·华莱士', '克里斯托夫·恩斯特', '桂正宪', 'Ryu Donghyun'])
    expect(page?.events).toEqual([{title: '2023年五局副局长会议', slug: 'ip5-deputy-heads-2023'}])
    expect(page?.source?.office?.name).toBe('国家知识产权局')
  })

  it('answers the English version for en, with English names', async () => {
    const page = await article('en')
    expect(page).toMatchObject({_id: 'article-ip5-deputy-heads-2023', language: 'en', title: titles.en})
    expect(page?.offices?.[0]?.name).toBe('China National Intellectual Property Administration')
    expect(page?.people?.[0]?.name).toBe('Liao Tao')
  })

  it('lists both language versions, itself included, for hreflang: each finds the other', async () => {
    expect((await article('en'))?.translations).toEqual([english, chinese])
    expect((await article('zh-Hans'))?.translations).toEqual([english, chinese])
  })

  it('falls back to the English article, and English names, in a language the article has no version in', async () => {
    const page = await article('ko')
    expect(page).toMatchObject({language: 'en', title: titles.en})
    // A name in that language is still used where the dataset has one: KIPO's official Korean name.
    expect(page?.offices?.map((office) => office.name)).toEqual([
      'China National Intellectual Property Administration',
      'United States Patent and Trademark Office',
      'European Patent Office',
      'Japan Patent Office',
      '특허청',
      'World Intellectual Property Organization',
    ])
  })

  it('lists only published versions: an unpublished translation is no alternate yet', async () => {
    const draftOnly = seed.map((doc) => (doc._id === 'article-ip5-deputy-heads-2023-zh-hans' ? {...doc, _id: 'drafts.article-ip5-deputy-heads-2023-zh-hans'} : doc))
    expect((await article('en', draftOnly))?.translations).toEqual([english])
    // And the Chinese page falls back to the English article meanwhile.
    expect((await article('zh-Hans', draftOnly))?.language).toBe('en')
  })

  it('has no translations for an article without a metadata document', async () => {
    const alone = seed.filter((doc) => doc._type !== 'translation.metadata')
    expect((await article('en', alone))?.translations).toBeNull()
  })
})

describe('reference data pages in Chinese, with the English fallback', () => {
  it('office page: names, departments, people and positions, hosted events, articles in the language', async () => {
    const cnipa = await runQuery<OfficePageQueryResult>(officePageQuery, {id: 'office-cn', language: 'zh-Hans'})
    expect(cnipa).toMatchObject({name: '国家知识产权局', englishName: 'China National Intellectual Property Administration'})
    expect(cnipa?.departments.map((department) => department.name)).toEqual(['条法司', '国际合作司', '专利局', '战略规划司'])
    expect(cnipa?.people.map((person) => [person.name, person.position?.title])).toEqual([['廖涛', '副局长']])
    expect(cnipa?.latestArticles.map((item) => item.title)).toEqual([titles.zh])
    const uspto = await runQuery<OfficePageQueryResult>(officePageQuery, {id: 'office-us', language: 'zh-Hans'})
    expect(uspto?.hostedEvents.map((event) => event.title)).toEqual(['2023年五局副局长会议'])
    // An office with no Chinese name: English.
    const inpi = await runQuery<OfficePageQueryResult>(officePageQuery, {id: 'office-fr', language: 'zh-Hans'})
    expect(inpi?.name).toBe('National Institute of Industrial Property')
  })

  it('person page: the Chinese name, the Latin one beside it, titles and offices in Chinese where known', async () => {
    const liao = await runQuery<PersonPageQueryResult>(personPageQuery, {slug: 'liao-tao', language: 'zh-Hans'})
    expect(liao).toMatchObject({name: '廖涛', latinName: 'Liao Tao'})
    expect(liao?.positions?.map((position) => [position.title, position.office?.name])).toEqual([['副局长', '国家知识产权局']])
    expect(liao?.articles.map((item) => item.title)).toEqual([titles.zh])
    expect(liao?.events.map((event) => event.title)).toEqual(['2023年五局副局长会议'])
    const ryu = await runQuery<PersonPageQueryResult>(personPageQuery, {slug: 'ryu-donghyun', language: 'zh-Hans'})
    expect(ryu?.name).toBe('Ryu Donghyun')
    // KIPO's title has no Chinese form in the dataset: English.
    expect(ryu?.positions?.map((position) => [position.title, position.office?.name])).toEqual([['Vice Commissioner', '韩国知识产权局']])
  })

  it('event page: title, forum, host, chair, delegations and departments in Chinese', async () => {
    const event = await runQuery<EventPageQueryResult>(eventPageQuery, {slug: 'ip5-deputy-heads-2023', language: 'zh-Hans'})
    expect(event).toMatchObject({title: '2023年五局副局长会议', forum: {abbreviation: 'IP5', name: '知识产权五局'}, host: {name: '美国专利商标局'}, chair: {name: '瓦伦西亚·马丁·华莱士'}})
    expect(event?.delegations?.map((delegation) => [delegation.office?.name, delegation.head?.name ?? null])).toEqual([
      ['国家知识产权局', '廖涛'],
      ['美国专利商标局', '瓦伦西亚·马丁·华莱士'],
      ['欧洲专利局', '克里斯托夫·恩斯特'],
      ['日本特许厅', '桂正宪'],
      ['韩国知识产权局', 'Ryu Donghyun'],
      ['世界知识产权组织', null],
    ])
    expect(event?.delegations?.[0]?.members?.map((member) => member.name)).toEqual(['国际合作司', '条法司', '战略规划司', '审查业务管理部', '专利文献部', '自动化部'])
    expect(event?.relatedArticles.map((item) => item.title)).toEqual([titles.zh])
  })

  it('forum page and event lists: names and titles in Chinese', async () => {
    const forum = await runQuery<ForumPageQueryResult>(forumPageQuery, {id: 'forum-ip5', language: 'zh-Hans'})
    expect(forum?.name).toBe('知识产权五局')
    expect(forum?.members?.map((office) => office.name)).toEqual(['欧洲专利局', '日本特许厅', '韩国知识产权局', '国家知识产权局', '美国专利商标局'])
    expect(forum?.events.map((event) => event.title)).toEqual(['2023年五局副局长会议'])
    const events = await runQuery<EventsByYearQueryResult>(eventsByYearQuery, {from: '2023-01-01', to: '2024-01-01', language: 'zh-Hans'})
    expect(events.map((event) => event.title)).toEqual(['2023年五局副局长会议'])
    // No value in the language: English.
    const forumInKorean = await runQuery<ForumPageQueryResult>(forumPageQuery, {id: 'forum-ip5', language: 'ko'})
    expect(forumInKorean?.name).toBe('IP5')
  })
})

describe('lists by language', () => {
  it('latest articles and search keep to the language asked for', async () => {
    const latest = (language: string) =>
      runQuery<LatestArticlesQueryResult>(latestArticlesQuery, {language, section: null, limit: 10, afterPublishedAt: null, afterId: null})
    expect((await latest('en')).map((item) => item.title)).toEqual([titles.en])
    expect((await latest('zh-Hans')).map((item) => item.title)).toEqual([titles.zh])
    const search = (language: string, text: string) => runQuery<ArticleSearchQueryResult>(articleSearchQuery, {language, search: text, limit: 10})
    // GROQ's match has no Chinese word segmentation: a word is a run between spaces and punctuation, so Chinese
    // text is found from the start of a run (a prefix search), not from inside it.
    expect((await search('zh-Hans', '2023年五局*')).map((item) => item._id)).toEqual(['article-ip5-deputy-heads-2023-zh-hans'])
    expect((await search('zh-Hans', '国家知识产权局*')).map((item) => item._id)).toEqual(['article-ip5-deputy-heads-2023-zh-hans'])
    expect(await search('zh-Hans', '五局')).toEqual([])
    expect((await search('en', 'deputy')).map((item) => item._id)).toEqual(['article-ip5-deputy-heads-2023'])
  })

  it('the sitemap gives each article its language and alternates', async () => {
    const sitemap = await runQuery<SitemapQueryResult>(sitemapQuery)
    const versions = languageVersionsByArticle(sitemap)
    const both = [
      {language: 'en', slug},
      {language: 'zh-Hans', slug},
    ]
    expect(
      sitemap.pages.filter((page) => page._type === 'article').map(({_id, language}) => ({_id, language, alternates: versions.get(_id)})),
    ).toEqual([
      {_id: 'article-ip5-deputy-heads-2023', language: 'en', alternates: both},
      {_id: 'article-ip5-deputy-heads-2023-zh-hans', language: 'zh-Hans', alternates: both},
    ])
  })

  it('the sitemap leaves out language versions that are missing, have no slug or no language', async () => {
    const withGaps = seed.map((doc) =>
      doc._type === 'translation.metadata'
        ? {
            ...doc,
            translations: [
              ...(doc.translations as object[]),
              {_key: 'fr', _type: 'internationalizedArrayReferenceValue', language: 'fr', value: {_type: 'reference', _ref: 'article-deleted'}},
              {_key: 'x', _type: 'internationalizedArrayReferenceValue', value: {_type: 'reference', _ref: 'article-ip5-deputy-heads-2023'}},
            ],
          }
        : doc,
    )
    const versions = languageVersionsByArticle(await runQuery<SitemapQueryResult>(sitemapQuery, {}, withGaps))
    expect(versions.get('article-ip5-deputy-heads-2023')?.map((version) => version.language)).toEqual(['en', 'zh-Hans'])
    expect(versions.has('article-deleted')).toBe(false)
  })
})
