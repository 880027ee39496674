import type {Metadata} from 'next'
import Link from 'next/link'
import {notFound} from 'next/navigation'
import {cache} from 'react'
import {eventJsonLd} from 'sanity-plugin-ip-news/jsonld'
import {eventPageQuery} from 'sanity-plugin-ip-news/queries'

import {ArticleList} from '../../../../components/article-list'
import {JsonLd} from '../../../../components/json-ld'
import {OfficeLink, Part, PersonLink} from '../../../../components/links'
import {formatDate, isLanguage, routeLanguage, t, type Language} from '../../../../lib/i18n'
import {alternatesFor, paths, segmentValue, siteOptions} from '../../../../lib/paths'
import {sanityFetch} from '../../../../lib/sanity'

type Props = {params: Promise<{lang: string; slug: string}>}

const fetchEvent = cache(async (language: Language, slug: string) => (await sanityFetch({stega: false, query: eventPageQuery, params: {slug, language}})).data)

export async function generateMetadata({params}: Props): Promise<Metadata> {
  const {lang, slug} = await params
  if (!isLanguage(lang)) return {}
  const event = await fetchEvent(lang, segmentValue(slug))
  if (!event) return {}
  return {title: event.title, description: event.summary, alternates: alternatesFor(lang, (language) => paths.event(language, event.slug))}
}

/** An event: when and where, its forum and host, the chair, the delegations with heads and members, related articles. */
export default async function EventPage({params}: Props) {
  const language = await routeLanguage(params)
  const event = await fetchEvent(language, segmentValue((await params).slug))
  if (!event) notFound()
  const place = [event.location?.venue, event.location?.city, event.location?.country].filter(Boolean).join(', ')
  return (
    <article>
      <JsonLd data={eventJsonLd(event, siteOptions(language))} />
      {event.forum ? (
        <p className="kicker">
          <Link href={paths.forum(language, event.forum._id)}>{event.forum.abbreviation ?? event.forum.name}</Link>
        </p>
      ) : null}
      <h1>{event.title}</h1>
      <p className="meta">
        <time dateTime={event.startDate ?? undefined}>{formatDate(event.startDate, language, event.datePrecision)}</time>
        {event.endDate && event.endDate !== event.startDate ? (
          <>
            {' – '}
            <time dateTime={event.endDate}>{formatDate(event.endDate, language, event.datePrecision)}</time>
          </>
        ) : null}
        {' · '}
        {event.attendanceMode === 'online' ? t(language, 'online') : place || t(language, 'online')}
      </p>
      {event.summary ? <p className="summary">{event.summary}</p> : null}
      {event.videoLinkNote ? <p>{event.videoLinkNote}</p> : null}
      <dl>
        {event.host ? (
          <>
            <dt>{t(language, 'host')}</dt>
            <dd>
              <OfficeLink office={event.host} language={language} />
            </dd>
          </>
        ) : null}
        {event.chair ? (
          <>
            <dt>{t(language, 'chair')}</dt>
            <dd>
              <PersonLink person={event.chair} language={language} />
              {event.chairTitle ? `, ${event.chairTitle}` : null}
            </dd>
          </>
        ) : null}
      </dl>
      {event.delegations && event.delegations.length > 0 ? (
        <Part id="event-delegations" title={t(language, 'delegations')}>
          <ul>
            {event.delegations.map((delegation, index) => (
              <li key={delegation.office?._id ?? index}>
                {delegation.office ? <OfficeLink office={delegation.office} language={language} /> : null}
                {delegation.role === 'observer' ? ` (${t(language, 'observer')})` : null}
                {delegation.head ? (
                  <>
                    {': '}
                    <PersonLink person={delegation.head} language={language} />
                    {delegation.headTitle ? `, ${delegation.headTitle}` : null}
                  </>
                ) : null}
                {delegation.members && delegation.members.length > 0 ? (
                  <ul>
                    {delegation.members.map((member, memberIndex) => (
                      <li key={memberIndex}>{'slug' in member && member.slug ? <PersonLink person={member} language={language} /> : member.name}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </Part>
      ) : null}
      {event.agendaTopics && event.agendaTopics.length > 0 ? (
        <Part id="event-agenda" title={t(language, 'agenda')}>
          <ul>
            {event.agendaTopics.map((topic) => (
              <li key={topic}>{topic}</li>
            ))}
          </ul>
        </Part>
      ) : null}
      <Part id="event-articles" title={t(language, 'articles')}>
        <ArticleList articles={(event.relatedArticles ?? []).map((article) => ({...article, _id: article.slug ?? article.title ?? ''}))} language={language} />
      </Part>
    </article>
  )
}
