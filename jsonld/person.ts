import type {PersonPageQueryResult} from '../sanity.types.ts'
import {officeReference} from './organization.ts'
import {compact, pageUrl, type SiteOptions} from './site.ts'

/**
 * schema.org Person. Positions become Roles wrapping worksFor (the schema.org Role pattern), so each
 * keeps its title and dates; jobTitle is the current one.
 */
export function personJsonLd(person: NonNullable<PersonPageQueryResult>, site: SiteOptions) {
  const positions = person.positions ?? []
  const current = positions.find((position) => !position.endDate)
  return compact({
    '@context': 'https://schema.org',
    '@type': 'Person',
    '@id': pageUrl(site, 'person', person.slug),
    url: pageUrl(site, 'person', person.slug),
    name: person.name,
    givenName: person.givenName ?? undefined,
    familyName: person.familyName ?? undefined,
    alternateName: person.nativeName ?? undefined,
    honorificPrefix: person.honorific ?? undefined,
    description: person.bio ?? undefined,
    image: person.photo?.url ?? undefined,
    jobTitle: current?.title ?? undefined,
    worksFor: positions.map((position) =>
      compact({
        '@type': 'OrganizationRole',
        roleName: position.title,
        startDate: position.startDate ?? undefined,
        endDate: position.endDate ?? undefined,
        worksFor: officeReference(position.office, site),
      }),
    ),
  })
}
