import type {EventPageQueryResult} from '../sanity.types.ts'
import {truncateToPrecision} from '../schemas/rules/partial-date.ts'
import {officeReference} from './organization.ts'
import {compact, pageUrl, type SiteOptions} from './site.ts'

const attendanceModes = {
  inPerson: 'https://schema.org/OfflineEventAttendanceMode',
  online: 'https://schema.org/OnlineEventAttendanceMode',
  hybrid: 'https://schema.org/MixedEventAttendanceMode',
} as const

type EventPage = NonNullable<EventPageQueryResult>

function place(location: EventPage['location']) {
  if (!location?.venue && !location?.city) return undefined
  return compact({
    '@type': 'Place',
    name: location.venue ?? location.city ?? undefined,
    address: compact({'@type': 'PostalAddress', addressLocality: location.city ?? undefined, addressCountry: location.country ?? undefined}),
  })
}

function personReference(person: {slug: string | null; name: string | null} | null | undefined, site: SiteOptions) {
  if (!person?.name) return undefined
  return compact({'@type': 'Person', '@id': pageUrl(site, 'person', person.slug), name: person.name})
}

/**
 * schema.org Event. Dates keep only what is known (ISO 8601 "2023", "2023-06" or "2023-06-12"), the
 * place is a Place, a VirtualLocation or both, the host is the organizer and the delegations attend.
 */
export function eventJsonLd(event: EventPage, site: SiteOptions) {
  const precision = event.datePrecision ?? 'day'
  const mode = event.attendanceMode ?? 'inPerson'
  const virtual = mode === 'inPerson' ? undefined : compact({'@type': 'VirtualLocation', name: event.videoLinkNote ?? 'Online'})
  const physical = mode === 'online' ? undefined : place(event.location)
  const locations = [physical, virtual].filter(Boolean)
  const attendees = (event.delegations ?? []).flatMap((delegation) => [
    officeReference(delegation.office, site),
    personReference(delegation.head, site),
  ])
  return compact({
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': pageUrl(site, 'event', event.slug),
    url: pageUrl(site, 'event', event.slug),
    name: event.title,
    description: event.summary ?? undefined,
    startDate: event.startDate ? truncateToPrecision(event.startDate, precision) : undefined,
    endDate: event.endDate ? truncateToPrecision(event.endDate, precision) : undefined,
    eventAttendanceMode: attendanceModes[mode],
    location: locations.length === 1 ? locations[0] : locations,
    organizer: officeReference(event.host, site),
    attendee: attendees.filter(Boolean),
    superEvent: event.forum ? compact({'@type': 'EventSeries', name: event.forum.abbreviation ?? undefined}) : undefined,
  })
}
