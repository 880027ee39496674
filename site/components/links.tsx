import Link from 'next/link'

import {formatDate, type Language} from '../lib/i18n'
import {paths} from '../lib/paths'

export interface OfficeRef {
  _id: string
  name: string | null
  abbreviation?: string | null
}

export function OfficeLink({office, language}: {office: OfficeRef; language: Language}) {
  return (
    <>
      <Link href={paths.office(language, office._id)}>{office.name}</Link>
      {office.abbreviation && office.abbreviation !== office.name ? ` (${office.abbreviation})` : null}
    </>
  )
}

export function PersonLink({person, language}: {person: {slug?: string | null; name?: string | null}; language: Language}) {
  return person.slug ? <Link href={paths.person(language, person.slug)}>{person.name}</Link> : <>{person.name}</>
}

export interface EventItem {
  _id: string
  title: string | null
  slug: string | null
  startDate?: string | null
  datePrecision?: string | null
}

export function EventList({events, language}: {events: EventItem[]; language: Language}) {
  return (
    <ul>
      {events.map((event) => (
        <li key={event._id}>
          {event.slug ? <Link href={paths.event(language, event.slug)}>{event.title}</Link> : event.title}
          {event.startDate ? (
            <>
              {' · '}
              <time dateTime={event.startDate}>{formatDate(event.startDate, language, event.datePrecision)}</time>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

/** A titled part of a page, named for screen readers by its heading. */
export function Part({id, title, children}: {id: string; title: string; children: React.ReactNode}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  )
}
