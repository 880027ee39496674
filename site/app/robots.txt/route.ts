import {absolute} from '../../lib/paths'

export const dynamic = 'force-dynamic'

/** Everything may be crawled but search results; the sitemap lists every page. */
export function GET() {
  const body = `User-agent: *\nAllow: /\nDisallow: /en/search\nDisallow: /zh-Hans/search\n\nSitemap: ${absolute('/sitemap.xml')}\n`
  return new Response(body, {headers: {'content-type': 'text/plain; charset=utf-8'}})
}
