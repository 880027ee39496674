import type {Metadata} from 'next'
import {notFound} from 'next/navigation'
import {cache} from 'react'
import {forumPageQuery} from 'sanity-plugin-ip-news/queries'

import {EventList, OfficeLink, Part} from '../../../../components/links'
import {isLanguage, routeLanguage, t, type Language} from '../../../../lib/i18n'
import {alternatesFor, paths, safeHref, segmentValue} from '../../../../lib/paths'
import {sanityFetch} from '../../../../lib/sanity'

type Props = {params: Promise<{lang: string; id: string}>}

const fetchForum = cache(async (language: Language, id: string) => (await sanityFetch({stega: false, query: forumPageQuery, params: {id, language}})).data)

export async function generateMetadata({params}: Props): Promise<Metadata> {
  const {lang, id} = await params
  if (!isLanguage(lang)) return {}
  const forum = await fetchForum(lang, segmentValue(id))
  if (!forum) return {}
  return {title: forum.name, description: forum.description, alternates: alternatesFor(lang, (language) => paths.forum(language, forum._id))}
}

/** A forum (IP5, TM5, ID5): its member and observer offices and its events. */
export default async function ForumPage({params}: Props) {
  const language = await routeLanguage(params)
  const forum = await fetchForum(language, segmentValue((await params).id))
  if (!forum) notFound()
  return (
    <article>
      <p className="kicker">{forum.abbreviation}</p>
      <h1>{forum.name}</h1>
      {forum.description ? <p>{forum.description}</p> : null}
      {forum.founded ? (
        <p>
          {t(language, 'founded')} {forum.founded}
        </p>
      ) : null}
      {safeHref(forum.website) ? (
        <p>
          {t(language, 'website')}: <a href={safeHref(forum.website)}>{forum.website!.replace(/^https?:\/\//, '')}</a>
        </p>
      ) : null}
      <div className="related">
        <Part id="forum-members" title={t(language, 'members')}>
          <ul>
            {(forum.members ?? []).map((office) => (
              <li key={office._id}>
                <OfficeLink office={office} language={language} />
              </li>
            ))}
          </ul>
        </Part>
        {forum.observers && forum.observers.length > 0 ? (
          <Part id="forum-observers" title={t(language, 'observers')}>
            <ul>
              {forum.observers.map((office) => (
                <li key={office._id}>
                  <OfficeLink office={office} language={language} />
                </li>
              ))}
            </ul>
          </Part>
        ) : null}
      </div>
      {forum.events && forum.events.length > 0 ? (
        <Part id="forum-events" title={t(language, 'events')}>
          <EventList events={forum.events} language={language} />
        </Part>
      ) : null}
    </article>
  )
}
