import type {Metadata} from 'next'
import {notFound} from 'next/navigation'
import {cache} from 'react'
import {personJsonLd} from 'sanity-plugin-ip-news/jsonld'
import {personPageQuery} from 'sanity-plugin-ip-news/queries'

import {ArticleList} from '../../../../components/article-list'
import {JsonLd} from '../../../../components/json-ld'
import {EventList, OfficeLink, Part} from '../../../../components/links'
import {formatDate, isLanguage, routeLanguage, t, type Language} from '../../../../lib/i18n'
import {alternatesFor, paths, segmentValue, siteOptions} from '../../../../lib/paths'
import {sanityFetch} from '../../../../lib/sanity'

type Props = {params: Promise<{lang: string; slug: string}>}

const fetchPerson = cache(async (language: Language, slug: string) => (await sanityFetch({stega: false, query: personPageQuery, params: {slug, language}})).data)

export async function generateMetadata({params}: Props): Promise<Metadata> {
  const {lang, slug} = await params
  if (!isLanguage(lang)) return {}
  const person = await fetchPerson(lang, segmentValue(slug))
  if (!person) return {}
  return {title: person.name, alternates: alternatesFor(lang, (language) => paths.person(language, person.slug))}
}

/** A person: names, positions with their offices, the articles and events they appear in. */
export default async function PersonPage({params}: Props) {
  const language = await routeLanguage(params)
  const person = await fetchPerson(language, segmentValue((await params).slug))
  if (!person) notFound()
  return (
    <article>
      <JsonLd data={personJsonLd(person, siteOptions(language))} />
      <h1>{person.name}</h1>
      {person.latinName && person.latinName !== person.name ? <p lang="en">{person.latinName}</p> : null}
      {person.nativeName && person.nativeName !== person.name ? <p className="meta">{person.nativeName}</p> : null}
      {person.bio ? <p>{person.bio}</p> : null}
      {person.positions && person.positions.length > 0 ? (
        <Part id="person-positions" title={t(language, 'positions')}>
          <ul>
            {person.positions.map((position, index) => (
              <li key={index}>
                {position.title}
                {position.office ? (
                  <>
                    {', '}
                    <OfficeLink office={position.office} language={language} />
                  </>
                ) : null}
                {position.startDate ? ` · ${t(language, 'since')} ${formatDate(position.startDate, language)}` : null}
                {position.endDate ? ` · ${t(language, 'until')} ${formatDate(position.endDate, language)}` : null}
              </li>
            ))}
          </ul>
        </Part>
      ) : null}
      <div className="related">
        <Part id="person-articles" title={t(language, 'articles')}>
          <ArticleList articles={person.articles ?? []} language={language} showSection />
        </Part>
        {person.events && person.events.length > 0 ? (
          <Part id="person-events" title={t(language, 'events')}>
            <EventList events={person.events} language={language} />
          </Part>
        ) : null}
      </div>
    </article>
  )
}
