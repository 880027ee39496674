import {describe, expect, it} from 'vitest'

import {newsArticleJsonLd, type SiteOptions} from '../../jsonld/index.ts'
import {articleBySlugQuery} from '../../queries/index.ts'
import type {ArticleBySlugQueryResult} from '../../sanity.types.ts'
import {runQuery, seed} from '../support/seed.ts'

const site: SiteOptions = {siteUrl: 'https://ipnews.example', publisher: {name: 'IP News'}}
const slug = '2023-meeting-of-ip5-deputy-heads-of-office-held-online'
const englishUrl = `https://ipnews.example/articles/${slug}`
const chineseUrl = `https://ipnews.example/zh-Hans/articles/${slug}`

const article = async (language: string, documents = seed) =>
  (await runQuery<ArticleBySlugQueryResult>(articleBySlugQuery, {slug, language}, documents))!

describe('NewsArticle in two languages', () => {
  it('the English original: inLanguage en, translated from CNIPA\'s Chinese page, and the Chinese version as its translation', async () => {
    const jsonLd = newsArticleJsonLd(await article('en'), site)
    expect(jsonLd).toMatchObject({'@id': englishUrl, url: englishUrl, inLanguage: 'en'})
    expect(jsonLd.translationOfWork).toEqual({'@type': 'CreativeWork', inLanguage: 'zh-Hans'})
    expect(jsonLd.workTranslation).toEqual([
      {'@type': 'NewsArticle', '@id': chineseUrl, inLanguage: 'zh-Hans'},
    ])
  })

  it('the Chinese version: inLanguage zh-Hans, its own address, a translation of the English article, Chinese names in about and mentions', async () => {
    const jsonLd = newsArticleJsonLd(await article('zh-Hans'), site)
    expect(jsonLd).toMatchObject({'@id': chineseUrl, url: chineseUrl, mainEntityOfPage: chineseUrl, inLanguage: 'zh-Hans', headline: '2023年五局副局长会议以视频形式召开'})
    expect(jsonLd.translationOfWork).toEqual({'@type': 'NewsArticle', '@id': englishUrl, inLanguage: 'en'})
    expect(jsonLd.workTranslation).toBeUndefined()
    expect((jsonLd.about as {name: string}[])[0]).toMatchObject({'@type': 'GovernmentOrganization', name: '国家知识产权局', alternateName: 'CNIPA'})
    expect((jsonLd.mentions as {name: string}[]).map((thing) => thing.name)).toContain('廖涛')
  })

  it('a version that is itself translated from outside the dataset names both works it comes from', async () => {
    const withSource = seed.map((doc) =>
      doc._id === 'article-ip5-deputy-heads-2023-zh-hans'
        ? {...doc, translation: {_type: 'translationInfo', originalLanguage: 'zh-Hans', originalUrl: 'https://www.cnipa.gov.cn/'}}
        : doc,
    )
    const jsonLd = newsArticleJsonLd(await article('zh-Hans', withSource), site)
    expect(jsonLd.translationOfWork).toEqual([
      {'@type': 'CreativeWork', inLanguage: 'zh-Hans', url: 'https://www.cnipa.gov.cn/'},
      expect.objectContaining({'@id': englishUrl, inLanguage: 'en'}),
    ])
  })

  it('an article without language versions links none', async () => {
    const alone = seed.filter((doc) => doc._type !== 'translation.metadata')
    const jsonLd = newsArticleJsonLd(await article('en', alone), site)
    expect(jsonLd.workTranslation).toBeUndefined()
    expect(jsonLd.translationOfWork).toEqual({'@type': 'CreativeWork', inLanguage: 'zh-Hans'})
  })

  it('builds article addresses with the site\'s own paths, given the language', async () => {
    const custom: SiteOptions = {...site, paths: {article: (articleSlug, language) => `/${language ?? 'en'}/news/${articleSlug}`}}
    const jsonLd = newsArticleJsonLd(await article('zh-Hans'), custom)
    expect(jsonLd.url).toBe(`https://ipnews.example/zh-Hans/news/${slug}`)
    expect((jsonLd.translationOfWork as {'@id': string})['@id']).toBe(`https://ipnews.example/en/news/${slug}`)
  })
})
