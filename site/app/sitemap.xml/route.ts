import {languageVersionsByArticle, sitemapQuery} from 'sanity-plugin-ip-news/queries'

import {languages} from '../../lib/i18n'
import {absolute, paths} from '../../lib/paths'
import {client} from '../../lib/sanity'
import {xml, xmlResponse} from '../../lib/xml'

export const dynamic = 'force-dynamic'

interface Entry {
  loc: string
  lastModified?: string | null
  alternates: {language: string; href: string}[]
}

function url({loc, lastModified, alternates}: Entry) {
  return `  <url>
    <loc>${xml(loc)}</loc>${lastModified ? `\n    <lastmod>${xml(lastModified)}</lastmod>` : ''}${alternates
    .map((alternate) => `\n    <xhtml:link rel="alternate" hreflang="${xml(alternate.language)}" href="${xml(alternate.href)}"/>`)
    .join('')}
  </url>`
}

/** Every page in every language, with hreflang alternates: articles per language version, other pages in both languages. */
export async function GET() {
  const sitemap = await client.fetch(sitemapQuery)
  const versionsOf = languageVersionsByArticle(sitemap)
  const entries: Entry[] = []
  const inEveryLanguage = (path: (language: (typeof languages)[number]) => string, lastModified?: string | null) => {
    const alternates = languages.map((language) => ({language, href: absolute(path(language))}))
    for (const language of languages) entries.push({loc: absolute(path(language)), lastModified, alternates})
  }
  inEveryLanguage(paths.home)
  for (const page of sitemap.pages) {
    if (page._type === 'article') {
      if (!page.slug) continue
      entries.push({
        loc: absolute(paths.article(page.language ?? 'en', page.slug)),
        lastModified: page.lastModified,
        alternates: (versionsOf.get(page._id) ?? []).map((version) => ({language: version.language, href: absolute(paths.article(version.language, version.slug))})),
      })
    } else if (page._type === 'office') inEveryLanguage((language) => paths.office(language, page._id), page.lastModified)
    else if (page._type === 'forum') inEveryLanguage((language) => paths.forum(language, page._id), page.lastModified)
    else if (page._type === 'person' && page.slug) inEveryLanguage((language) => paths.person(language, page.slug!), page.lastModified)
    else if (page._type === 'event' && page.slug) inEveryLanguage((language) => paths.event(language, page.slug!), page.lastModified)
  }
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${entries.map(url).join('\n')}
</urlset>
`
  return xmlResponse(body)
}
