import type {Metadata} from 'next'
import Link from 'next/link'
import {latestArticlesQuery} from 'sanity-plugin-ip-news/queries'

import {ArticleList} from '../../components/article-list'
import {isLanguage, routeLanguage, sections, t} from '../../lib/i18n'
import {alternatesFor, paths} from '../../lib/paths'
import {sanityFetch} from '../../lib/sanity'

const PER_SECTION = 5

export async function generateMetadata({params}: {params: Promise<{lang: string}>}): Promise<Metadata> {
  const {lang} = await params
  if (!isLanguage(lang)) return {}
  return {alternates: alternatesFor(lang, paths.home)}
}

/** The source site's home: its sections in navigation order, the latest articles of each. */
export default async function Home({params}: {params: Promise<{lang: string}>}) {
  const language = await routeLanguage(params)
  const lists = await Promise.all(
    sections.map((section) =>
      sanityFetch({
        stega: false,
        query: latestArticlesQuery,
        params: {language, section: section.value, limit: PER_SECTION, afterPublishedAt: null, afterId: null},
      }),
    ),
  )
  return (
    <>
      <h1>{t(language, 'siteName')}</h1>
      <div className="sections">
        {sections.map((section, index) => (
          <section key={section.value} aria-labelledby={`section-${section.value}`}>
            <h2 id={`section-${section.value}`}>
              <Link href={paths.section(language, section.value)}>{section.title[language]}</Link>
            </h2>
            <ArticleList articles={lists[index]!.data} language={language} />
          </section>
        ))}
      </div>
    </>
  )
}
