'use client'

import {useRouter} from 'next/navigation'
import {startTransition, useEffect, useEffectEvent, useState} from 'react'

/** What <PublishedLive> needs to know of the Live Content API (lib/sanity.ts `publishedLiveConfig`). */
export interface PublishedLiveConfig {
  /** The published-content event stream, `/data/live/events/:dataset` with the request tag. */
  eventsUrl: string
  /** `/check/cors`: whether the API lets this origin in, asked when the stream fails (as @sanity/client does). */
  corsUrl: string
  projectId: string
}

// As next-sanity's <SanityLive>: after `goaway` the page is refreshed on an interval until welcomed again;
// a failed connection is opened again after a second (@sanity/client's reconnectOnConnectionFailure).
const GOAWAY_REFRESH_MS = 30_000
const RETRY_MS = 1_000
// The events @sanity/client's live.events() listens for on a stream (its own `reconnect` aside).
const EVENTS = ['welcome', 'message', 'restart', 'goaway', 'channelError', 'disconnect'] as const

function RefreshOnInterval({interval}: {interval: number}) {
  const router = useRouter()
  useEffect(() => {
    const timer = setInterval(() => startTransition(() => router.refresh()), interval)
    return () => clearInterval(timer)
  }, [router, interval])
  return null
}

/** Whether /check/cors says this origin may not use the API; anything else (failure, other answers) is "don't know". */
async function corsRejected(corsUrl: string): Promise<boolean> {
  try {
    const response = await fetch(corsUrl, {credentials: 'omit'})
    if (!response.ok) return false
    const body = (await response.json()) as {result?: {allowed?: boolean}} | null
    return body?.result?.allowed === false
  } catch {
    return false
  }
}

/**
 * Live updates for visitors (published content, no token): what next-sanity's <SanityLive> does for them,
 * on the browser's own EventSource instead of @sanity/client (which ships its client, RxJS and an
 * EventSource polyfill, a third of the page's JavaScript). Each `message` calls `action` with its sync
 * tags (the site's action expires them and answers with the page rendered again); `restart` refreshes
 * the page; `goaway` refreshes it every 30 s until the stream is back; console messages as <SanityLive>'s.
 * EventSource reconnects by itself after a network error, with `Last-Event-ID` (the API then sends what
 * was missed, or `restart`); a connection it gave up on (an error response) is opened again after a
 * second, without a position to resume from, so the page is refreshed once that one is welcomed.
 * Draft mode keeps next-sanity's <SanityLive> (drafts need a token, which EventSource cannot send).
 */
export function PublishedLive({config, action}: {config: PublishedLiveConfig; action: (tags: string[]) => Promise<void | 'refresh'>}) {
  const router = useRouter()
  const [refreshInterval, setRefreshInterval] = useState<number | false>(false)

  const refresh = () => startTransition(() => router.refresh())
  const onEvent = useEffectEvent((type: (typeof EVENTS)[number], data: unknown, resumed: boolean) => {
    switch (type) {
      case 'welcome':
        startTransition(() => setRefreshInterval(false))
        console.info('<SanityLive> is connected and listening for live events to published content.')
        if (!resumed) refresh()
        break
      case 'message': {
        const tags = (data as {tags?: unknown} | null)?.tags
        const syncTags = Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : []
        startTransition(async () => {
          if ((await action(syncTags.map((tag) => `sanity:${tag}`))) === 'refresh') refresh()
        })
        break
      }
      case 'restart':
        startTransition(() => setRefreshInterval(false))
        refresh()
        break
      case 'goaway':
        console.warn("<SanityLive> connection is closed after receiving a 'goaway' event, the server gave this reason:", JSON.stringify((data as {reason?: unknown} | null)?.reason), `Content will now be refreshed every ${GOAWAY_REFRESH_MS / 1000} seconds`)
        startTransition(() => setRefreshInterval(GOAWAY_REFRESH_MS))
        break
      default:
        // channelError, disconnect: the API ends the stream for good, as @sanity/client's errors do.
        console.error(new Error(`Sanity Live: the server sent ${type}: ${JSON.stringify(data)}`))
    }
  })
  const onFailure = useEffectEvent((corsRejectedOrigin: boolean) => {
    if (corsRejectedOrigin) {
      const addOriginUrl = new URL(`https://sanity.io/manage/project/${config.projectId}/api`)
      addOriginUrl.searchParams.set('cors', 'add')
      addOriginUrl.searchParams.set('origin', location.origin)
      console.warn(`Sanity Live is unable to connect to the Sanity API as the current origin - ${window.origin} - is not in the list of allowed CORS origins for this Sanity Project.`, 'Add it here:', addOriginUrl.toString())
    } else console.error('<SanityLive> is attempting to reconnect')
  })

  const {eventsUrl, corsUrl} = config
  useEffect(() => {
    let source: EventSource | undefined
    let retry: ReturnType<typeof setTimeout> | undefined
    let stopped = false
    // The first connection has nothing to resume; a reopened one lost its position (see above).
    let resumed = true
    const stop = () => {
      stopped = true
      clearTimeout(retry)
      source?.close()
    }
    // EventSource reconnects by itself while CONNECTING; once CLOSED it is opened again here.
    const failed = async (closed: boolean) => {
      const rejected = await corsRejected(corsUrl)
      if (stopped) return
      onFailure(rejected)
      if (rejected) stop()
      else if (closed) {
        resumed = false
        retry = setTimeout(connect, RETRY_MS)
      }
    }
    const connect = () => {
      const events = new EventSource(eventsUrl)
      source = events
      for (const type of EVENTS) {
        events.addEventListener(type, (event) => {
          let data: unknown = null
          try {
            data = event.data ? JSON.parse(event.data as string) : null
          } catch {
            console.error(new Error('Sanity Live: unable to parse an event', {cause: event}))
            return stop()
          }
          if (type === 'channelError' || type === 'disconnect') stop()
          onEvent(type, data, resumed)
          if (type === 'welcome') resumed = true
        })
      }
      events.addEventListener('error', (event) => {
        // An `error` event the server sent (with data) ends the stream, as in @sanity/client.
        if (event instanceof MessageEvent) {
          console.error(new Error(`Sanity Live: ${String(event.data)}`))
          return stop()
        }
        void failed(events.readyState === EventSource.CLOSED)
      })
    }
    connect()
    return stop
  }, [eventsUrl, corsUrl])

  return refreshInterval ? <RefreshOnInterval interval={refreshInterval} /> : null
}
