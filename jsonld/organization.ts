import type {OfficePageQueryResult} from '../sanity.types.ts'
import {compact, pageUrl, type SiteOptions} from './site.ts'

type OfficeRef = {_id: string; name: string | null; abbreviation?: string | null; st3Code?: string | null}

/** The WIPO ST.3 code as a schema.org identifier. */
export function st3Identifier(code: string | null | undefined) {
  return code ? {'@type': 'PropertyValue', propertyID: 'WIPO ST.3', value: code} : undefined
}

/** A short GovernmentOrganization for offices named inside other JSON-LD (about, organizer, attendee). */
export function officeReference(office: OfficeRef | null | undefined, site: SiteOptions) {
  if (!office) return undefined
  return compact({
    '@type': 'GovernmentOrganization',
    '@id': pageUrl(site, 'office', office._id),
    name: office.name,
    alternateName: office.abbreviation ?? undefined,
    identifier: st3Identifier(office.st3Code),
  })
}

/** schema.org GovernmentOrganization for an office page. */
export function officeJsonLd(office: NonNullable<OfficePageQueryResult>, site: SiteOptions) {
  const alternateNames = [
    office.abbreviation,
    ...(office.officialNames ?? []).map((name) => name.name),
    ...(office.formerNames ?? []).flatMap((former) => [former.name, former.abbreviation]),
  ].filter((name): name is string => Boolean(name))
  return compact({
    '@context': 'https://schema.org',
    '@type': 'GovernmentOrganization',
    '@id': pageUrl(site, 'office', office._id),
    name: office.name,
    alternateName: alternateNames,
    identifier: st3Identifier(office.st3Code),
    url: office.website ?? undefined,
    description: office.description ?? undefined,
    logo: office.logo?.url ?? undefined,
    address: office.country || office.headquarters
      ? compact({'@type': 'PostalAddress', addressLocality: office.headquarters ?? undefined, addressCountry: office.country ?? undefined})
      : undefined,
    parentOrganization: officeReference(office.parent, site),
    subOrganization: office.departments.map((department) => officeReference(department, site)),
  })
}
