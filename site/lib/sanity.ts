import {createClient} from 'next-sanity'
import {defineLive} from 'next-sanity/live'

import type {PublishedLiveConfig} from '../components/published-live'

/**
 * The Content Lake the site reads: the local lake of `npm run dev` by default, or a hosted project. Visitors
 * get published content, read without a token. With a server token (`SANITY_API_READ_TOKEN`, never a
 * NEXT_PUBLIC_ or SANITY_STUDIO_ variable) the Studio's Presentation tool can turn on draft mode: drafts,
 * live drafts and stega-encoded edit links for click-to-edit. In Node the local lake's self-signed
 * certificate is trusted through NODE_EXTRA_CA_CERTS (scripts/dev.ts sets it).
 */
export const lakeConfig = {
  projectId: process.env.SANITY_PROJECT_ID || 'local',
  dataset: process.env.SANITY_DATASET || 'production',
  apiHost: process.env.SANITY_API_HOST || 'https://localhost:3334',
}

const isLocal = lakeConfig.projectId === 'local'

export const client = createClient({
  projectId: lakeConfig.projectId,
  dataset: lakeConfig.dataset,
  // The local lake answers on its own host (Node does not resolve `local.localhost`); hosted projects on theirs.
  ...(isLocal ? {apiHost: lakeConfig.apiHost, useProjectHostname: false} : {}),
  apiVersion: '2025-02-19',
  useCdn: true,
  perspective: 'published',
  // Edit links in draft mode point at the Studio (the local one of `npm run dev` by default).
  stega: {studioUrl: process.env.SANITY_STUDIO_URL || 'https://local.localhost:3334'},
})

/** The server's read token, if it has one: draft mode needs it, published pages do not. */
export const token = process.env.SANITY_API_READ_TOKEN || undefined

// The browser gets the token only in draft mode (next-sanity's rule), to follow drafts live.
export const {sanityFetch, SanityLive} = defineLive({client, serverToken: token ?? false, browserToken: token ?? false})

/**
 * The Live Content API as <SanityLive> would open it for a visitor (published content, its request tag),
 * for the site's lighter <PublishedLive> (components/published-live.tsx).
 */
export function publishedLiveConfig(): PublishedLiveConfig {
  const events = new URL(client.getUrl(client.getDataUrl('live/events'), false))
  const {requestTagPrefix} = client.config()
  events.searchParams.set('tag', [requestTagPrefix, 'next-loader.live'].filter(Boolean).join('.'))
  return {eventsUrl: events.href, corsUrl: client.getUrl('/check/cors', false), projectId: lakeConfig.projectId}
}
