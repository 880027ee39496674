import {defineEnableDraftMode} from 'next-sanity/draft-mode'

import {client, token} from '../../../../lib/sanity'

// The Studio (https://local.localhost:3334) shows the site (http://localhost:3000) in a cross-site iframe,
// where Chromium keeps only SameSite=None cookies, and those must be Secure. `next start` sets them so
// (partitioned, CHIPS); `next dev` would set SameSite=Lax ones the iframe drops, and draft mode would not
// turn on. Secure cookies are allowed on http://localhost, so `npm run dev` asks for them too.
const enable = token ? defineEnableDraftMode({client: client.withConfig({token}), secureDevMode: true}) : undefined

/**
 * Where the Studio's Presentation tool turns on draft mode: it checks the preview secret the Studio
 * stored (`@sanity/preview-url-secret`, with the server's token) and redirects to the page to show.
 */
export function GET(request: Request): Promise<Response> | Response {
  if (!enable) return new Response('Draft mode needs a read token: start the site with SANITY_API_READ_TOKEN', {status: 501})
  return enable.GET(request)
}
