import {randomBytes, timingSafeEqual} from 'node:crypto'

import {client} from './sanity'

// One secret per server process, shared by the listener and the route it calls (loaded as separate modules).
const SECRET = Symbol.for('ip-news-site.expire-secret')
type WithSecret = typeof globalThis & {[SECRET]?: string}

export function expireSecret(): string {
  const scope = globalThis as WithSecret
  scope[SECRET] ??= randomBytes(32).toString('hex')
  return scope[SECRET]
}

export function isExpireSecret(value: string | null): boolean {
  const secret = Buffer.from(expireSecret())
  const given = Buffer.from(value ?? '')
  return given.length === secret.length && timingSafeEqual(given, secret)
}

/** What the expire route is asked to do: the sync tags a change touched, or everything (after `restart`). */
export type ExpireRequest = {tags: string[]} | {all: true}

/**
 * The site's server listens to the Live Content API too: a change expires the cached queries that read it
 * even when no page is open. (An open page's <SanityLive> expires them as well and shows the change.)
 * The tags are expired by a route of this server (`/api/expire`): Next.js expires tags within a request.
 */
export function expireOnLiveEvents() {
  const expire = async (request: ExpireRequest) => {
    const origin = process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : process.env.SITE_URL || 'http://localhost:3000'
    try {
      const response = await fetch(`${origin}/api/expire`, {method: 'POST', headers: {'content-type': 'application/json', 'x-expire-secret': expireSecret()}, body: JSON.stringify(request)})
      if (!response.ok) console.error(`Expiring cached queries failed: ${response.status}`)
    } catch (error) {
      console.error(`Expiring cached queries failed: ${(error as Error).message}`)
    }
  }
  client.live.events({tag: 'ip-news-site.server'}).subscribe({
    next: (event) => {
      if (event.type === 'message') void expire({tags: event.tags.map((tag) => `sanity:${tag}`)})
      // Events were missed (the lake restarted, or kept no longer): anything cached may be out of date.
      else if (event.type === 'restart') void expire({all: true})
    },
    error: (error: unknown) => console.error(`The site no longer hears of changes in the Content Lake: ${(error as Error).message}`),
  })
}
