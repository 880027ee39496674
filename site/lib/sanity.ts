import {createClient} from 'next-sanity'
import {defineLive} from 'next-sanity/live'

/**
 * The Content Lake the site reads: the local lake of `npm run dev` by default, or a hosted project. Only
 * public identifiers here; the site has no token and reads published content only. In Node the local
 * lake's self-signed certificate is trusted through NODE_EXTRA_CA_CERTS (scripts/dev.ts sets it).
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
})

// Published content only: no server token, no browser token.
export const {sanityFetch, SanityLive} = defineLive({client, serverToken: false, browserToken: false})
