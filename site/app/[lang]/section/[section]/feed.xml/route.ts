import {latestArticlesQuery} from 'sanity-plugin-ip-news/queries'

import {isLanguage, isSection, sectionTitle, t} from '../../../../../lib/i18n'
import {absolute, paths} from '../../../../../lib/paths'
import {client} from '../../../../../lib/sanity'
import {xml, xmlResponse} from '../../../../../lib/xml'

export const dynamic = 'force-dynamic'

const ITEMS = 20

/** RSS 2.0: a section's latest articles in one language. */
export async function GET(_request: Request, {params}: {params: Promise<{lang: string; section: string}>}) {
  const {lang, section} = await params
  if (!isLanguage(lang) || !isSection(section)) return new Response('Not found', {status: 404})
  const articles = await client.fetch(latestArticlesQuery, {language: lang, section, limit: ITEMS, afterPublishedAt: null, afterId: null})
  const self = absolute(paths.feed(lang, section))
  const items = articles
    .map((article) => {
      const link = absolute(paths.article(article.language ?? lang, article.slug ?? ''))
      return `    <item>
      <title>${xml(article.title)}</title>
      <link>${xml(link)}</link>
      <guid isPermaLink="true">${xml(link)}</guid>
      ${article.publishedAt ? `<pubDate>${new Date(article.publishedAt).toUTCString()}</pubDate>` : ''}
      ${article.summary ? `<description>${xml(article.summary)}</description>` : ''}
    </item>`
    })
    .join('\n')
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${xml(`${t(lang, 'siteName')}: ${sectionTitle(section, lang)}`)}</title>
    <link>${xml(absolute(paths.section(lang, section)))}</link>
    <atom:link href="${xml(self)}" rel="self" type="application/rss+xml"/>
    <description>${xml(sectionTitle(section, lang))}</description>
    <language>${xml(lang)}</language>
${items}
  </channel>
</rss>
`
  return xmlResponse(body, 'application/rss+xml')
}
