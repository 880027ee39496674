'use server'

import {updateTag} from 'next/cache'
import {parseTags} from 'next-sanity/live'

/**
 * What <SanityLive> calls for each change the Live Content API reports: expires the cached queries with
 * those sync tags at once (updateTag), so the page refreshed next shows the change. next-sanity's default
 * revalidates with Next.js's stale-while-revalidate profile, which renders the previous content once more.
 */
export async function expireSyncTags(unsafeTags: unknown): Promise<'refresh'> {
  for (const tag of parseTags(unsafeTags).tags) updateTag(tag)
  return 'refresh'
}
