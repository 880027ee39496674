import {describe, expect, it} from 'vitest'

import {eventJsonLd, jsonLdScriptContent, newsArticleJsonLd, officeJsonLd, personJsonLd, type SiteOptions} from '../../jsonld/index.ts'
import {articleBySlugQuery, eventPageQuery, officePageQuery, personPageQuery} from '../../queries/index.ts'
import type {ArticleBySlugQueryResult, EventPageQueryResult, OfficePageQueryResult, PersonPageQueryResult} from '../../sanity.types.ts'
import {runQuery, seed} from '../support/seed.ts'

const site: SiteOptions = {siteUrl: 'https://ipnews.example', publisher: {name: 'IP News', logoUrl: 'https://ipnews.example/logo.png'}}
const articleSlug = '2023-meeting-of-ip5-deputy-heads-of-office-held-online'

const cnipa = {
  '@type': 'GovernmentOrganization',
  '@id': 'https://ipnews.example/offices/office-cn',
  name: 'China National Intellectual Property Administration',
  alternateName: 'CNIPA',
  identifier: {'@type': 'PropertyValue', propertyID: 'WIPO ST.3', value: 'CN'},
}

describe('NewsArticle', async () => {
  const article = (await runQuery<ArticleBySlugQueryResult>(articleBySlugQuery, {language: 'en', slug: articleSlug}))!
  const jsonLd = newsArticleJsonLd(article, site)

  it('carries headline, dates, language, section and publisher', () => {
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      url: `https://ipnews.example/articles/${articleSlug}`,
      headline: '2023 Meeting of IP5 Deputy Heads of Office Held Online',
      datePublished: '2023-06-01T00:00:00Z',
      dateModified: '2023-06-01T00:00:00Z',
      inLanguage: 'en',
      articleSection: 'IP News',
      publisher: {'@type': 'Organization', name: 'IP News', url: 'https://ipnews.example', logo: {'@type': 'ImageObject', url: 'https://ipnews.example/logo.png'}},
    })
  })

  it('names CNIPA as source and the Chinese original it was translated from', () => {
    expect(jsonLd.sourceOrganization).toEqual(cnipa)
    expect(jsonLd.translationOfWork).toEqual({'@type': 'CreativeWork', inLanguage: 'zh-Hans'})
  })

  it('is about the offices and mentions the people and the event', () => {
    expect((jsonLd.about as {alternateName: string}[]).map((office) => office.alternateName)).toEqual(['CNIPA', 'USPTO', 'EPO', 'JPO', 'KIPO', 'WIPO'])
    expect(jsonLd.about[0]).toEqual(cnipa)
    expect((jsonLd.mentions as {'@type': string; name: string}[]).map((thing) => `${thing['@type']}: ${thing.name}`)).toEqual([
      'Person: Liao Tao',
      'Person: Valencia Martin Wallace',
      'Person: Christoph Ernst',
      'Person: Katsura Masanori',
      'Person: Ryu Donghyun',
      'Event: 2023 IP5 Deputy Heads of Office meeting',
    ])
  })

  it('uses the update date and a named source organisation when given', () => {
    const updated = newsArticleJsonLd(
      {...article, updatedAt: '2023-06-02T10:00:00Z', source: {office: null, organisationName: 'EUIPO Observatory', url: 'https://example.org/report'}},
      site,
    )
    expect(updated.dateModified).toBe('2023-06-02T10:00:00Z')
    expect(updated.sourceOrganization).toEqual({'@type': 'Organization', name: 'EUIPO Observatory', url: 'https://example.org/report'})
  })
})

describe('Event', async () => {
  const event = (await runQuery<EventPageQueryResult>(eventPageQuery, {language: 'en', slug: 'ip5-deputy-heads-2023'}))!

  it('has what Google requires for Event rich results: name, startDate, location', () => {
    const jsonLd = eventJsonLd(event, site)
    expect(jsonLd.name).toBe('2023 IP5 Deputy Heads of Office meeting')
    expect(jsonLd.startDate).toBe('2023')
    expect(jsonLd.location).toEqual({'@type': 'VirtualLocation', name: 'Held via video link'})
    expect(jsonLd.eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode')
  })

  it('names the host as organizer, and the delegations and their heads as attendees', () => {
    const jsonLd = eventJsonLd(event, site)
    expect(jsonLd.organizer).toMatchObject({'@type': 'GovernmentOrganization', alternateName: 'USPTO'})
    const attendees = (jsonLd.attendee as {'@type': string; name: string}[]).map((a) => `${a['@type']}: ${a.name}`)
    expect(attendees).toContain('Person: Liao Tao')
    expect(attendees).toContain('GovernmentOrganization: World Intellectual Property Organization')
    expect(attendees).toHaveLength(11)
    expect(jsonLd.superEvent).toEqual({'@type': 'EventSeries', name: 'IP5'})
  })

  it('keeps exact dates, and gives a Place for in-person and both locations for hybrid events', () => {
    const inSeoul = {...event, datePrecision: 'day' as const, startDate: '2023-06-12', endDate: '2023-06-15', location: {venue: null, city: 'Seoul', country: 'KR'}}
    const inPerson = eventJsonLd({...inSeoul, attendanceMode: 'inPerson'}, site)
    expect(inPerson).toMatchObject({startDate: '2023-06-12', endDate: '2023-06-15', eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode'})
    expect(inPerson.location).toEqual({'@type': 'Place', name: 'Seoul', address: {'@type': 'PostalAddress', addressLocality: 'Seoul', addressCountry: 'KR'}})
    const hybrid = eventJsonLd({...inSeoul, attendanceMode: 'hybrid'}, site)
    expect((hybrid.location as {'@type': string}[]).map((location) => location['@type'])).toEqual(['Place', 'VirtualLocation'])
  })
})

describe('GovernmentOrganization and Person', () => {
  it('describes an office with its ST.3 identifier, other names, website and departments', async () => {
    const office = (await runQuery<OfficePageQueryResult>(officePageQuery, {language: 'en', id: 'office-cn'}))!
    const jsonLd = officeJsonLd(office, site)
    expect(jsonLd).toMatchObject({
      '@type': 'GovernmentOrganization',
      name: 'China National Intellectual Property Administration',
      alternateName: ['CNIPA', '国家知识产权局', 'State Intellectual Property Office', 'SIPO'],
      identifier: {'@type': 'PropertyValue', propertyID: 'WIPO ST.3', value: 'CN'},
      url: 'https://www.cnipa.gov.cn',
      address: {'@type': 'PostalAddress', addressLocality: 'Beijing', addressCountry: 'CN'},
    })
    expect(jsonLd.subOrganization).toHaveLength(4)
    expect(jsonLd.parentOrganization).toBeUndefined()
  })

  it('links a department to its parent office', async () => {
    const department = (await runQuery<OfficePageQueryResult>(officePageQuery, {language: 'en', id: 'office-cn-patent-office'}))!
    const jsonLd = officeJsonLd(department, site)
    expect(jsonLd.parentOrganization).toEqual(cnipa)
    expect(jsonLd.identifier).toBeUndefined()
    expect((jsonLd.subOrganization as {name: string}[]).map((office) => office.name)).toEqual([
      'Automation Department',
      'Examination Affair Department',
      'Patent Documentation Department',
    ])
  })

  it('describes a person with given and family name, job title and a dated role at the office', async () => {
    const withDates = seed.map((doc) =>
      doc._id === 'person-liao-tao'
        ? {
            ...doc,
            positions: [
              {_key: 'now', _type: 'position', title: 'Deputy Commissioner', office: {_type: 'reference', _ref: 'office-cn'}, startDate: '2019-01-01'},
              {_key: 'before', _type: 'position', title: 'Director General', office: {_type: 'reference', _ref: 'office-cn'}, startDate: '2015-01-01', endDate: '2018-12-31'},
            ],
          }
        : doc,
    )
    const person = (await runQuery<PersonPageQueryResult>(personPageQuery, {language: 'en', slug: 'liao-tao'}, withDates))!
    const jsonLd = personJsonLd(person, site)
    expect(jsonLd).toMatchObject({
      '@type': 'Person',
      name: 'Liao Tao',
      givenName: 'Tao',
      familyName: 'Liao',
      alternateName: '廖涛',
      jobTitle: 'Deputy Commissioner',
    })
    expect(jsonLd.worksFor).toEqual([
      {'@type': 'OrganizationRole', roleName: 'Deputy Commissioner', startDate: '2019-01-01', worksFor: cnipa},
      {'@type': 'OrganizationRole', roleName: 'Director General', startDate: '2015-01-01', endDate: '2018-12-31', worksFor: cnipa},
    ])
  })
})

describe('script content', () => {
  it('escapes "<" so dataset text cannot close the script element', () => {
    const content = jsonLdScriptContent({headline: 'Bad </script><script>alert(1)</script>'})
    expect(content).not.toContain('<')
    expect(JSON.parse(content)).toEqual({headline: 'Bad </script><script>alert(1)</script>'})
  })
})
