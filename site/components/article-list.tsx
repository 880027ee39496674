import Link from 'next/link'

import {formatDate, sectionTitle, t, type Language} from '../lib/i18n'
import {paths} from '../lib/paths'

export interface ArticleItem {
  _id: string
  title: string | null
  slug: string | null
  section?: string | null
  publishedAt: string | null
  language?: string | null
  summary?: string | null
}

/** A list of articles: title as a link, date, optionally section and summary. */
export function ArticleList({articles, language, heading = 'h3', showSection = false, showSummary = false}: {articles: ArticleItem[]; language: Language; heading?: 'h2' | 'h3'; showSection?: boolean; showSummary?: boolean}) {
  if (articles.length === 0) return <p>{t(language, 'noArticles')}</p>
  const Heading = heading
  return (
    <ul className="articles">
      {articles.map((article) => (
        <li key={article._id}>
          <Heading>{article.slug ? <Link href={paths.article(article.language ?? language, article.slug)}>{article.title}</Link> : article.title}</Heading>
          <p className="meta">
            {showSection && article.section ? `${sectionTitle(article.section, language)} · ` : null}
            {article.publishedAt ? <time dateTime={article.publishedAt}>{formatDate(article.publishedAt, language)}</time> : null}
          </p>
          {showSummary && article.summary ? <p>{article.summary}</p> : null}
        </li>
      ))}
    </ul>
  )
}
