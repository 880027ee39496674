import {defineEnableDraftMode} from 'next-sanity/draft-mode'

import {client, token} from '../../../../lib/sanity'

const enable = token ? defineEnableDraftMode({client: client.withConfig({token})}) : undefined

/**
 * Where the Studio's Presentation tool turns on draft mode: it checks the preview secret the Studio
 * stored (`@sanity/preview-url-secret`, with the server's token) and redirects to the page to show.
 */
export function GET(request: Request): Promise<Response> | Response {
  if (!enable) return new Response('Draft mode needs a read token: start the site with SANITY_API_READ_TOKEN', {status: 501})
  return enable.GET(request)
}
