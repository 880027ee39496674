import type {Metadata} from 'next'
import {notFound} from 'next/navigation'
import {cache} from 'react'
import {officeJsonLd} from 'sanity-plugin-ip-news/jsonld'
import {officePageQuery} from 'sanity-plugin-ip-news/queries'

import {ArticleList} from '../../../../components/article-list'
import {JsonLd} from '../../../../components/json-ld'
import {EventList, OfficeLink, Part, PersonLink} from '../../../../components/links'
import {isLanguage, routeLanguage, t, type Language} from '../../../../lib/i18n'
import {alternatesFor, paths, safeHref, segmentValue, siteOptions} from '../../../../lib/paths'
import {sanityFetch} from '../../../../lib/sanity'

type Props = {params: Promise<{lang: string; id: string}>}

const fetchOffice = cache(async (language: Language, id: string) => (await sanityFetch({stega: false, query: officePageQuery, params: {id, language}})).data)

export async function generateMetadata({params}: Props): Promise<Metadata> {
  const {lang, id} = await params
  if (!isLanguage(lang)) return {}
  const office = await fetchOffice(lang, segmentValue(id))
  if (!office) return {}
  return {title: office.name, description: office.description, alternates: alternatesFor(lang, (language) => paths.office(language, office._id))}
}

/** An office: its names, parent and departments, the people who hold a position there, its articles and events. */
export default async function OfficePage({params}: Props) {
  const language = await routeLanguage(params)
  const office = await fetchOffice(language, segmentValue((await params).id))
  if (!office) notFound()
  const otherNames = (office.officialNames ?? []).filter((name) => name.name !== office.name)
  return (
    <article>
      <JsonLd data={officeJsonLd(office, siteOptions(language))} />
      <p className="kicker">{[office.abbreviation, office.st3Code ? `ST.3 ${office.st3Code}` : null].filter(Boolean).join(' · ')}</p>
      <h1>{office.name}</h1>
      {office.englishName !== office.name ? <p lang="en">{office.englishName}</p> : null}
      {otherNames.map((name) => (
        <p key={name.language} lang={name.language ?? undefined} className="meta">
          {name.name}
        </p>
      ))}
      {office.description ? <p>{office.description}</p> : null}
      {office.parent ? (
        <p>
          {t(language, 'partOf')}: <OfficeLink office={office.parent} language={language} />
        </p>
      ) : null}
      {safeHref(office.website) ? (
        <p>
          {t(language, 'website')}: <a href={safeHref(office.website)}>{office.website!.replace(/^https?:\/\//, '')}</a>
        </p>
      ) : null}
      <div className="related">
        {office.departments && office.departments.length > 0 ? (
          <Part id="office-departments" title={t(language, 'departments')}>
            <ul>
              {office.departments.map((department) => (
                <li key={department._id}>
                  <OfficeLink office={department} language={language} />
                </li>
              ))}
            </ul>
          </Part>
        ) : null}
        {office.people && office.people.length > 0 ? (
          <Part id="office-people" title={t(language, 'people')}>
            <ul>
              {office.people.map((person) => (
                <li key={person._id}>
                  <PersonLink person={person} language={language} />
                  {person.position?.title ? `, ${person.position.title}` : null}
                </li>
              ))}
            </ul>
          </Part>
        ) : null}
        {office.hostedEvents && office.hostedEvents.length > 0 ? (
          <Part id="office-events" title={t(language, 'hostedEvents')}>
            <EventList events={office.hostedEvents} language={language} />
          </Part>
        ) : null}
      </div>
      <Part id="office-articles" title={t(language, 'articles')}>
        <ArticleList articles={office.latestArticles ?? []} language={language} showSection />
      </Part>
    </article>
  )
}
