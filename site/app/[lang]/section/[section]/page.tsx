import type {Metadata} from 'next'
import Link from 'next/link'
import {notFound} from 'next/navigation'
import {latestArticlesQuery, nextPageCursor} from 'sanity-plugin-ip-news/queries'

import {ArticleList} from '../../../../components/article-list'
import {isLanguage, isSection, routeLanguage, sectionTitle, t} from '../../../../lib/i18n'
import {absolute, alternatesFor, paths} from '../../../../lib/paths'
import {sanityFetch} from '../../../../lib/sanity'

const PAGE_SIZE = 10

type Props = {params: Promise<{lang: string; section: string}>; searchParams: Promise<Record<string, string | string[] | undefined>>}

const one = (value: string | string[] | undefined) => (typeof value === 'string' && value !== '' ? value : null)

export async function generateMetadata({params}: Props): Promise<Metadata> {
  const {lang, section} = await params
  if (!isLanguage(lang) || !isSection(section)) return {}
  return {
    title: sectionTitle(section, lang),
    alternates: {...alternatesFor(lang, (language) => paths.section(language, section)), types: {'application/rss+xml': absolute(paths.feed(lang, section))}},
  }
}

/** One section's articles, newest first, a page at a time with the package's (publishedAt, _id) cursor. */
export default async function SectionPage({params, searchParams}: Props) {
  const language = await routeLanguage(params)
  const {section} = await params
  if (!isSection(section)) notFound()
  const search = await searchParams
  const cursor = {afterPublishedAt: one(search.afterPublishedAt), afterId: one(search.afterId)}
  const {data: articles} = await sanityFetch({stega: false, query: latestArticlesQuery, params: {language, section, limit: PAGE_SIZE, ...cursor}})
  const next = nextPageCursor(articles, PAGE_SIZE)
  const base = paths.section(language, section)
  return (
    <>
      <h1>{sectionTitle(section, language)}</h1>
      <ArticleList articles={articles} language={language} heading="h2" showSummary />
      <nav className="pager" aria-label={sectionTitle(section, language)}>
        {cursor.afterPublishedAt ? <Link href={base}>{t(language, 'first')}</Link> : null}
        {next ? (
          <Link rel="next" href={`${base}?${new URLSearchParams({afterPublishedAt: next.afterPublishedAt ?? '', afterId: next.afterId ?? ''})}`}>
            {t(language, 'next')}
          </Link>
        ) : null}
        <a href={paths.feed(language, section)} type="application/rss+xml">
          {t(language, 'feed')}
        </a>
      </nav>
    </>
  )
}
