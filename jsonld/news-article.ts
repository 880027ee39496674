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

type Version = NonNullable<ArticlePage['translations']>[number]

/** Another language version of the article, as a reference by its page's URL. */
function versionReference(version: Version, site: SiteOptions) {
  return compact({'@type': 'NewsArticle', '@id': pageUrl(site, 'article', version.slug, version.language), inLanguage: version.language})
}

/**
 * The works this article is a translation of: the page outside the dataset it was translated from (its
 * `translation` field, such as CNIPA's Chinese page), and, for a language version made in the Studio, the
 * version it was made from. The translation plugin's metadata lists that one first.
 */
function translationLinks(article: ArticlePage, site: SiteOptions) {
  const versions = article.translations ?? []
  const original = versions[0]
  const isOriginal = !original || original.language === article.language
  const external = article.translation
    ? compact({
        '@type': 'CreativeWork',
        inLanguage: article.translation.originalLanguage,
        name: article.translation.originalTitle ?? undefined,
        url: article.translation.originalUrl ?? undefined,
      })
    : undefined
  const translationOfWork = [external, isOriginal ? undefined : versionReference(original, site)].filter((work) => work !== undefined)
  return {
    translationOfWork: translationOfWork.length > 1 ? translationOfWork : translationOfWork[0],
    workTranslation: isOriginal ? versions.filter((version) => version.language !== article.language).map((version) => versionReference(version, site)) : undefined,
  }
}

/**
 * schema.org NewsArticle: headline, dates, publisher, the source office, the language, the work it was
 * translated from and its translations in the dataset, the offices it is about, and the people and events it
 * mentions.
 */
export function newsArticleJsonLd(article: ArticlePage, site: SiteOptions) {
  const url = pageUrl(site, 'article', article.slug, article.language)
  const {translationOfWork, workTranslation} = translationLinks(article, site)
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
    translationOfWork,
    workTranslation,
    about: (article.offices ?? []).map((office) => officeReference(office, site)),
    mentions: [
      ...(article.people ?? []).map((person) =>
        compact({'@type': 'Person', '@id': pageUrl(site, 'person', person.slug), name: person.name}),
      ),
      ...(article.events ?? []).map((event) => compact({'@type': 'Event', '@id': pageUrl(site, 'event', event.slug), name: event.title})),
    ],
  })
}
