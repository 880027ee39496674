import type {Metadata} from 'next'
import {articleSearchQuery} from 'sanity-plugin-ip-news/queries'

import {ArticleList} from '../../../components/article-list'
import {isLanguage, routeLanguage, t} from '../../../lib/i18n'
import {sanityFetch} from '../../../lib/sanity'

type Props = {params: Promise<{lang: string}>; searchParams: Promise<Record<string, string | string[] | undefined>>}

export async function generateMetadata({params}: Props): Promise<Metadata> {
  const {lang} = await params
  return isLanguage(lang) ? {title: t(lang, 'search'), robots: {index: false}} : {}
}

/** Articles in this language matching the words asked for (the package's search query; a trailing * matches prefixes). */
export default async function SearchPage({params, searchParams}: Props) {
  const language = await routeLanguage(params)
  const {q} = await searchParams
  const words = typeof q === 'string' ? q.trim().slice(0, 200) : ''
  const results = words ? (await sanityFetch({stega: false, query: articleSearchQuery, params: {language, search: words.includes('*') ? words : `${words}*`, limit: 20}})).data : []
  return (
    <>
      <h1>{words ? `${t(language, 'results')} “${words}”` : t(language, 'search')}</h1>
      {words ? results.length > 0 ? <ArticleList articles={results} language={language} heading="h2" showSection showSummary /> : <p>{t(language, 'noResults')}</p> : null}
    </>
  )
}
