import {readdir, readFile} from 'node:fs/promises'

import {describe, expect, it} from 'vitest'

import * as queries from '../../queries/index.ts'
import {articleSearchQuery, FIRST_PAGE, latestArticlesQuery, nextPageCursor} from '../../queries/index.ts'
import type {ArticleSearchQueryResult, LatestArticlesQueryResult} from '../../sanity.types.ts'
import {projectRoot} from '../support/cli.ts'
import {runQuery, seed} from '../support/seed.ts'

const sections = ['news', 'alert', 'article', 'case', 'link']

/** 47 more articles; several share a publication time, so the cursor must break ties on _id. */
const manyArticles = [
  ...seed,
  ...Array.from({length: 47}, (_, index) => ({
    _id: `article.synthetic-${String(index).padStart(2, '0')}`,
    _type: 'article',
    title: `Synthetic article ${index}`,
    slug: {_type: 'slug', current: `synthetic-${index}`},
    section: sections[index % sections.length],
    language: 'en',
    publishedAt: `2024-0${1 + (index % 5)}-0${1 + (index % 3)}T08:00:00Z`,
  })),
]

async function allPages(section: string | null, pageSize: number) {
  const seen: LatestArticlesQueryResult = []
  let cursor: ReturnType<typeof nextPageCursor> = FIRST_PAGE
  let pages = 0
  while (cursor && pages < 100) {
    const page: LatestArticlesQueryResult = await runQuery(latestArticlesQuery, {language: 'en', section, limit: pageSize, ...cursor}, manyArticles)
    seen.push(...page)
    cursor = nextPageCursor(page, pageSize)
    pages += 1
  }
  return {seen, pages}
}

describe('latest articles', () => {
  it('returns every article exactly once across pages, newest first', async () => {
    const {seen, pages} = await allPages(null, 10)
    const ids = seen.map((article) => article._id)
    expect(ids).toHaveLength(48)
    expect(new Set(ids).size).toBe(48)
    expect(pages).toBe(5)
    const order = seen.map((article) => `${article.publishedAt} ${article._id}`)
    expect(order).toEqual(order.toSorted().toReversed())
  })

  it('pages through one section only', async () => {
    const {seen} = await allPages('alert', 4)
    expect(seen.map((article) => article.section)).toEqual(Array(manyArticles.filter((doc) => doc.section === 'alert').length).fill('alert'))
    expect(new Set(seen.map((article) => article._id)).size).toBe(seen.length)
  })

  it('projects each list item small: title, slug, section, date, language, summary, image and office codes', async () => {
    const [first] = await runQuery<LatestArticlesQueryResult>(latestArticlesQuery, {language: 'en', section: 'news', limit: 1, ...FIRST_PAGE})
    expect(Object.keys(first!).toSorted()).toEqual(['_id', 'image', 'language', 'offices', 'publishedAt', 'section', 'slug', 'summary', 'title'])
    expect(first?.offices?.map((office) => office.st3Code)).toEqual(['CN', 'US', 'EP', 'JP', 'KR', 'WO'])
  })
})

describe('article search', () => {
  const search = (text: string) => runQuery<ArticleSearchQueryResult>(articleSearchQuery, {language: 'en', search: text, limit: 10}, manyArticles)

  it('finds articles by words of the title, summary or body', async () => {
    expect((await search('deputy heads')).map((article) => article._id)).toEqual(['article-ip5-deputy-heads-2023'])
    expect((await search('palpable')).map((article) => article._id)).toEqual(['article-ip5-deputy-heads-2023'])
    expect((await search('deput*')).map((article) => article._id)).toEqual(['article-ip5-deputy-heads-2023'])
    expect(await search('copyright')).toEqual([])
  })

  it('ranks title matches first and keeps to the limit', async () => {
    const results = await runQuery<ArticleSearchQueryResult>(articleSearchQuery, {language: 'en', search: 'synthetic', limit: 5}, manyArticles)
    expect(results).toHaveLength(5)
  })
})

describe('query modules', () => {
  it('write every query as one literal GROQ string with $params: no concatenation, no interpolation', async () => {
    const files = (await readdir(`${projectRoot}queries`)).filter((file) => file.endsWith('.ts'))
    let count = 0
    for (const file of files) {
      const source = await readFile(`${projectRoot}queries/${file}`, 'utf8')
      for (const match of source.matchAll(/defineQuery\(/g)) {
        count += 1
        const rest = source.slice(match.index + match[0].length)
        // The argument must be a template literal without ${...}, closed and followed directly by ")".
        const literal = /^`([^`]*)`\)/.exec(rest)
        expect(literal, `${file}: defineQuery must take one literal string`).not.toBeNull()
        expect(literal![1], `${file}: no interpolation inside a query`).not.toContain('${')
      }
    }
    const exported = Object.entries(queries).filter(([name]) => name.endsWith('Query'))
    expect(count).toBe(exported.length)
    expect(exported.length).toBe(11)
  })

  it('have a TypeGen result type each, in the committed sanity.types.ts', async () => {
    const types = await readFile(`${projectRoot}sanity.types.ts`, 'utf8')
    for (const [name, query] of Object.entries(queries)) {
      if (!name.endsWith('Query')) continue
      const typeName = `${name[0]!.toUpperCase()}${name.slice(1)}Result`
      expect(types, `${typeName} is missing: run npm run typegen`).toContain(`export type ${typeName} =`)
      expect(types).toContain(`${JSON.stringify(query).slice(1, 40).replaceAll('\\"', '"')}`)
    }
  })
})
