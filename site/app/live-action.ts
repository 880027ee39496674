'use server'

import {updateTag} from 'next/cache'
import {parseTags} from 'next-sanity/live'

/**
 * What <SanityLive> calls for each change the Live Content API reports: expires the cached queries with
 * those sync tags at once (updateTag). A Server Action that expires tags answers with the page rendered
 * again, so the open page shows the change in that one round trip. next-sanity's default action
 * revalidates with Next.js's stale-while-revalidate profile instead, and then refreshes: the refreshed
 * page would still show the content from before the change.
 */
export async function expireSyncTags(unsafeTags: unknown): Promise<void> {
  for (const tag of parseTags(unsafeTags).tags) updateTag(tag)
}
