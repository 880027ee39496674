import type {ArticleBySlugQueryResult} from '../sanity.types.ts'
import {sectionTitle} from '../schemas/constants/article-sections.ts'
import {officeReference} from './organization.ts'
import {compact, pageUrl, type SiteOptions} from './site.ts'

type ArticlePage = NonNullable<ArticleBySlugQueryResult>

function source(article: ArticlePage, site: SiteOptions) {
  if (article.source?.office) return officeReference(article.source.office, site)
  if (article.source?.organisationName) {
    return compact({'@type': 'Organization', name: article.source.organisationName, url: article.source.url ?? undefined})
  }
  return undefined
}

/**
 * schema.org NewsArticle: headline, dates, publisher, the source office, the language and the work it
 * was translated from, the offices it is about, and the people and events it mentions.
 */
export function newsArticleJsonLd(article: ArticlePage, site: SiteOptions) {
  const url = pageUrl(site, 'article', article.slug)
  const translation = article.translation
  return compact({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': url,
    url,
    mainEntityOfPage: url,
    headline: article.title,
    description: article.summary ?? undefined,
    image: article.image?.url ?? undefined,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt ?? article.publishedAt,
    inLanguage: article.language,
    articleSection: sectionTitle(article.section),
    keywords: [...(article.topics ?? []), ...(article.ipRights ?? [])],
    publisher: compact({
      '@type': 'Organization',
      name: site.publisher.name,
      url: site.publisher.url ?? site.siteUrl,
      logo: site.publisher.logoUrl ? {'@type': 'ImageObject', url: site.publisher.logoUrl} : undefined,
    }),
    sourceOrganization: source(article, site),
    translationOfWork: translation
      ? compact({
          '@type': 'CreativeWork',
          inLanguage: translation.originalLanguage,
          name: translation.originalTitle ?? undefined,
          url: translation.originalUrl ?? undefined,
        })
      : undefined,
    about: (article.offices ?? []).map((office) => officeReference(office, site)),
    mentions: [
      ...(article.people ?? []).map((person) =>
        compact({'@type': 'Person', '@id': pageUrl(site, 'person', person.slug), name: person.name}),
      ),
      ...(article.events ?? []).map((event) => compact({'@type': 'Event', '@id': pageUrl(site, 'event', event.slug), name: event.title})),
    ],
  })
}
