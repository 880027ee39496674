import type {Metadata} from 'next'
import Link from 'next/link'
import {notFound} from 'next/navigation'
import {cache} from 'react'
import {newsArticleJsonLd} from 'sanity-plugin-ip-news/jsonld'
import {articleBySlugQuery} from 'sanity-plugin-ip-news/queries'

import {JsonLd} from '../../../../components/json-ld'
import {Body} from '../../../../components/portable-text'
import {formatDate, isLanguage, languageNames, routeLanguage, sectionTitle, t, type Language} from '../../../../lib/i18n'
import {absolute, paths, safeHref, siteOptions} from '../../../../lib/paths'
import {sanityFetch} from '../../../../lib/sanity'

type Props = {params: Promise<{lang: string; slug: string}>}

// The article as data (metadata, JSON-LD, links, languages, dates) and as shown: in draft mode, the shown
// one's strings carry edit links for the Studio's Presentation tool (stega), which data must never carry.
const fetchArticle = cache(async (language: Language, slug: string) => (await sanityFetch({stega: false, query: articleBySlugQuery, params: {slug, language}})).data)
const fetchShownArticle = cache(async (language: Language, slug: string) => (await sanityFetch({query: articleBySlugQuery, params: {slug, language}})).data)

const nameOf = (language: string) => (isLanguage(language) ? languageNames[language] : language)

export async function generateMetadata({params}: Props): Promise<Metadata> {
  const {lang, slug} = await params
  if (!isLanguage(lang)) return {}
  const article = await fetchArticle(lang, slug)
  if (!article) return {}
  const versions = (article.translations ?? []).filter((version) => version.slug && version.language)
  return {
    title: article.seo?.title ?? article.title,
    description: article.seo?.description ?? article.summary,
    alternates: {
      canonical: absolute(paths.article(article.language ?? 'en', article.slug ?? slug)),
      languages: Object.fromEntries(versions.map((version) => [version.language!, absolute(paths.article(version.language!, version.slug!))])),
    },
  }
}

/** An article: Portable Text body, the offices, people and events it names, its language versions and JSON-LD. */
export default async function ArticlePage({params}: Props) {
  const language = await routeLanguage(params)
  const {slug} = await params
  const [article, plain] = await Promise.all([fetchShownArticle(language, slug), fetchArticle(language, slug)])
  if (!article || !plain) notFound()
  // Structure (links, languages, dates, addresses) from the plain result; shown text from `article`, which carries edit links in draft mode.
  const shownIn = plain.language ?? 'en'
  const others = (plain.translations ?? []).filter((version) => version.language && version.slug && version.language !== shownIn)
  return (
    <article lang={shownIn === language ? undefined : shownIn}>
      <JsonLd data={newsArticleJsonLd(plain, siteOptions(language))} />
      <p className="kicker">
        <Link href={paths.section(language, plain.section ?? 'news')}>{sectionTitle(plain.section, language)}</Link>
      </p>
      <h1>{article.title}</h1>
      <p className="meta">
        {t(language, 'published')} <time dateTime={plain.publishedAt ?? undefined}>{formatDate(plain.publishedAt, language)}</time>
        {plain.updatedAt ? (
          <>
            {' · '}
            {t(language, 'updated')} <time dateTime={plain.updatedAt}>{formatDate(plain.updatedAt, language)}</time>
          </>
        ) : null}
      </p>
      {shownIn !== language ? (
        <p className="note" lang={language}>
          {t(language, 'fallback')} {nameOf(shownIn)}
          {t(language, 'fallbackEnd')}
        </p>
      ) : null}
      {others.length > 0 ? (
        <p className="meta" lang={language}>
          {t(language, 'translations')}:{' '}
          {others.map((version) => (
            <a key={version.language} href={paths.article(version.language!, version.slug!)} hrefLang={version.language!} lang={version.language!}>
              {nameOf(version.language!)}
            </a>
          ))}
        </p>
      ) : null}
      {article.summary ? <p className="summary">{article.summary}</p> : null}
      {plain.image?.url ? (
        <figure>
          <img src={plain.image.url} alt={article.image?.alt ?? ''} />
          {article.image?.caption ? <figcaption>{article.image.caption}</figcaption> : null}
        </figure>
      ) : null}
      <Body value={article.body} language={language} />
      {article.caseDetails ? (
        <p className="note">
          {t(language, 'case')}: {[article.caseDetails.court, article.caseDetails.caseNumber, article.caseDetails.ecli].filter(Boolean).join(' · ')}
          {plain.caseDetails?.decisionDate ? ` · ${formatDate(plain.caseDetails!.decisionDate!, language)}` : ''}
        </p>
      ) : null}
      {safeHref(plain.externalUrl) ? (
        <p>
          <a href={safeHref(plain.externalUrl)} rel="noopener noreferrer">
            {t(language, 'linkTo')}
          </a>
        </p>
      ) : null}
      {article.translation?.note ? (
        <p className="note">
          {safeHref(plain.translation?.originalUrl) ? (
            <a href={safeHref(plain.translation?.originalUrl)} hrefLang={plain.translation?.originalLanguage ?? undefined} rel="noopener noreferrer">
              {article.translation.note}
            </a>
          ) : (
            article.translation.note
          )}
        </p>
      ) : null}
      {article.source?.office || article.source?.organisationName ? (
        <p>
          {t(language, 'source')}:{' '}
          {article.source.office ? (
            <Link href={paths.office(language, article.source.office._id)}>{article.source.office.name}</Link>
          ) : safeHref(article.source.url) ? (
            <a href={safeHref(article.source.url)} rel="noopener noreferrer">
              {article.source.organisationName}
            </a>
          ) : (
            article.source.organisationName
          )}
        </p>
      ) : null}
      <div className="related">
        {article.offices && article.offices.length > 0 ? (
          <section aria-labelledby="article-offices">
            <h2 id="article-offices">{t(language, 'offices')}</h2>
            <ul>
              {article.offices.map((office) => (
                <li key={office._id}>
                  <Link href={paths.office(language, office._id)}>{office.name}</Link>
                  {office.abbreviation ? ` (${office.abbreviation})` : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {article.people && article.people.length > 0 ? (
          <section aria-labelledby="article-people">
            <h2 id="article-people">{t(language, 'people')}</h2>
            <ul>
              {article.people.map((person) => (
                <li key={person.slug ?? person.name}>{person.slug ? <Link href={paths.person(language, person.slug)}>{person.name}</Link> : person.name}</li>
              ))}
            </ul>
          </section>
        ) : null}
        {article.events && article.events.length > 0 ? (
          <section aria-labelledby="article-events">
            <h2 id="article-events">{t(language, 'events')}</h2>
            <ul>
              {article.events.map((event) => (
                <li key={event.slug ?? event.title}>{event.slug ? <Link href={paths.event(language, event.slug)}>{event.title}</Link> : event.title}</li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </article>
  )
}
