import {revalidatePath, revalidateTag} from 'next/cache'
import {parseTags} from 'next-sanity/live'

import {isExpireSecret, type ExpireRequest} from '../../../lib/server-live'

export const dynamic = 'force-dynamic'

/** Called by this server's own Live Content API listener (lib/server-live.ts) only: it carries the process's secret. */
export async function POST(request: Request) {
  if (!isExpireSecret(request.headers.get('x-expire-secret'))) return new Response('Forbidden', {status: 403})
  const body = (await request.json()) as ExpireRequest
  if ('all' in body) revalidatePath('/', 'layout')
  else for (const tag of parseTags(body.tags).tags) revalidateTag(tag, {expire: 0})
  return new Response(null, {status: 204})
}
