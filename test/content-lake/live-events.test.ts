import {connect} from 'node:http2'

import {createClient, type ClientPerspective, type SanityClient} from '@sanity/client'
import {parse} from 'groq-js'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {LOCAL_USERS} from '../../content-lake/http/identity.ts'
import {ANY_DOCUMENT_TAG, idTag, syncTagsOf, typeTag} from '../../content-lake/live/sync-tags.ts'
import {articleBySlugQuery, cookiePolicyQuery} from '../../queries/index.ts'
import {raw, startLake, TEST_AUTHORIZATION, TEST_TOKEN, type InProcessLake} from '../support/lake.ts'

// The local certificate is self-signed; this test process talks only to its own server on 127.0.0.1.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'

// The Live Content API as @sanity/client and next-sanity use it: sync tags on query responses, and a
// `message` event with the tags of each write, so a site refetches the queries a write can change.

let lake: InProcessLake
let client: SanityClient

beforeAll(async () => {
  lake = await startLake({users: LOCAL_USERS})
  client = createClient({projectId: 'local', dataset: 'production', apiHost: `https://127.0.0.1:${lake.port}`, useProjectHostname: false, useCdn: false, apiVersion: '2025-02-19', token: TEST_TOKEN})
})

afterAll(async () => lake?.close())

/** Server-sent events of one stream, read over HTTP/2 (with the Last-Event-ID header when given). */
// Drafts' tags need a token, as hosted.
const auth = TEST_AUTHORIZATION

function openStream(path: string, headers: Record<string, string> = {}) {
  const session = connect(`https://127.0.0.1:${lake.port}`, {rejectUnauthorized: false})
  const stream = session.request({':path': path, ':authority': `localhost:${lake.port}`, ...headers})
  const events: {event: string; id?: string; data: unknown}[] = []
  let buffer = ''
  stream.on('data', (chunk: Buffer) => {
    buffer += chunk.toString()
    let end: number
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const field = (name: string) => block.split('\n').find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2)
      const event = field('event')
      if (event) events.push({event, id: field('id'), data: JSON.parse(field('data') ?? 'null')})
    }
  })
  const close = () => {
    stream.close()
    session.close()
  }
  return {events, close}
}

const put = (doc: Record<string, unknown>) => client.createOrReplace(doc as {_id: string; _type: string})

describe('sync tags', () => {
  it('name the types a query reads, or any document when it follows references or reads everything', () => {
    expect(syncTagsOf(parse('*[_type == "cookiePolicy"][0]{title}'))).toEqual([typeTag('cookiePolicy')])
    expect(syncTagsOf(parse('*[_id in ["a", "drafts.b"]]'))).toEqual([idTag('a'), idTag('b')])
    expect(syncTagsOf(parse('*[_type in ["office", "forum"] && defined(name)]{name, "n": count(*[_type == "event" && host._ref == ^._id])}'))).toEqual(
      ['event', 'forum', 'office'].map(typeTag),
    )
    expect(syncTagsOf(parse('*[_type == $type]', {params: {type: 'person'}}))).toEqual([typeTag('person')])
    expect(syncTagsOf(parse('*[_type == "article"]{offices[]->}'))).toEqual([ANY_DOCUMENT_TAG])
    expect(syncTagsOf(parse('count(*)'))).toEqual([ANY_DOCUMENT_TAG])
    expect(syncTagsOf(parse('*[slug.current == "x"]'))).toEqual([ANY_DOCUMENT_TAG])
  })

  it('come with every query response, and the query is left out with returnQuery=false', async () => {
    const response = await client.fetch(cookiePolicyQuery, {}, {filterResponse: false})
    expect(response.syncTags).toEqual([idTag('cookiePolicy')])
    const page = await client.fetch(articleBySlugQuery, {slug: 'ip5-deputy-heads-2023', language: 'en'}, {filterResponse: false})
    expect(page.syncTags).toEqual([ANY_DOCUMENT_TAG])
    const bare = await raw(lake.port, `/v2025-02-19/data/query/production?query=${encodeURIComponent('count(*[_type == "forum"])')}&returnQuery=false`)
    expect(bare.json()).toMatchObject({result: 3, syncTags: [typeTag('forum')]})
    expect(bare.json()).not.toHaveProperty('query')
  })
})

describe('the live events stream', () => {
  it('tells @sanity/client of each published write with the tags a query response named', async () => {
    const seen: {type: string; tags?: string[]}[] = []
    const subscription = client.live.events().subscribe((event) => seen.push(event as {type: string; tags?: string[]}))
    try {
      await expect.poll(() => seen.some((event) => event.type === 'welcome'), {timeout: 10_000}).toBe(true)
      const {syncTags} = await client.fetch(cookiePolicyQuery, {}, {filterResponse: false})
      await put({_id: 'live.note.1', _type: 'liveNote', title: 'one'})
      await expect.poll(() => seen.filter((event) => event.type === 'message').length, {timeout: 10_000}).toBe(1)
      const [message] = seen.filter((event) => event.type === 'message')
      expect(message!.tags).toEqual([ANY_DOCUMENT_TAG, idTag('live.note.1'), typeTag('liveNote')])
      // A write of another type does not name the cookie policy query's tag; one of the policy does.
      expect(message!.tags).not.toContain(syncTags![0])
      const policy = (await client.getDocument('cookiePolicy'))!
      await put({...policy, version: `${String(policy.version ?? '')}-live`})
      await expect.poll(() => seen.filter((event) => event.type === 'message').at(-1)?.tags, {timeout: 10_000}).toContain(syncTags![0])
    } finally {
      subscription.unsubscribe()
    }
  })

  it('leaves drafts out unless includeDrafts is asked, and resumes after Last-Event-ID', async () => {
    const published = openStream('/v2025-02-19/data/live/events/production')
    const withDrafts = openStream('/v2025-02-19/data/live/events/production?includeDrafts=true', auth)
    try {
      await expect.poll(() => published.events.length + withDrafts.events.length, {timeout: 10_000}).toBe(2)
      await put({_id: 'drafts.live.note.2', _type: 'liveNote', title: 'draft'})
      await put({_id: 'live.note.2', _type: 'liveNote', title: 'published'})
      await expect.poll(() => withDrafts.events.filter((event) => event.event === 'message').length, {timeout: 10_000}).toBe(2)
      await expect.poll(() => published.events.filter((event) => event.event === 'message').length, {timeout: 10_000}).toBe(1)
      const [draftWrite, publishedWrite] = withDrafts.events.filter((event) => event.event === 'message')
      expect(published.events.find((event) => event.event === 'message')?.id).toBe(publishedWrite!.id)

      // Reconnecting after the draft's event gets the event it missed; an unknown id gets restart.
      const resumed = openStream('/v2025-02-19/data/live/events/production?includeDrafts=true', {...auth, 'last-event-id': draftWrite!.id!})
      const unknown = openStream('/v2025-02-19/data/live/events/production', {'last-event-id': 'not-an-event'})
      try {
        await expect.poll(() => resumed.events.map((event) => event.event), {timeout: 10_000}).toEqual(['welcome', 'message'])
        expect(resumed.events[1]!.id).toBe(publishedWrite!.id)
        await expect.poll(() => unknown.events.map((event) => event.event), {timeout: 10_000}).toEqual(['welcome', 'restart'])
      } finally {
        resumed.close()
        unknown.close()
      }
    } finally {
      published.close()
      withDrafts.close()
    }
  })

  /**
   * A query's answer in a perspective and the tags it came with; then the tags of the live event a
   * deletion sends, and the answer after it. A changed answer must share a tag with that event.
   */
  async function tagsAcross(perspective: ClientPerspective, query: string, deletedId: string) {
    const reader = client.withConfig({perspective})
    const before = await reader.fetch(query, {}, {filterResponse: false})
    const stream = openStream('/v2025-02-19/data/live/events/production?includeDrafts=true', auth)
    try {
      await expect.poll(() => stream.events.length, {timeout: 10_000}).toBe(1)
      await client.delete(deletedId)
      await expect.poll(() => stream.events.filter((event) => event.event === 'message').length, {timeout: 10_000}).toBe(1)
      const {tags} = stream.events.find((event) => event.event === 'message')!.data as {tags: string[]}
      return {before: before.result, after: await reader.fetch(query), shared: tags.filter((tag) => (before.syncTags as string[]).includes(tag))}
    } finally {
      stream.close()
    }
  }

  it('names the type of the document a draft hid or showed: deleting a draft of another type changes that type\'s queries', async () => {
    await put({_id: 'live.shadowed', _type: 'liveOffice', title: 'published'})
    await put({_id: 'drafts.live.shadowed', _type: 'livePerson', title: 'a draft of another type'})
    const {before, after, shared} = await tagsAcross('drafts', '*[_type == "liveOffice" && _id == "live.shadowed"]._id', 'drafts.live.shadowed')
    expect([before, after]).toEqual([[], ['live.shadowed']])
    expect(shared).not.toEqual([])
  })

  it('names the type of another release\'s version a version hid, in a stacked release perspective', async () => {
    const asAdmin = (...actions: unknown[]) => client.request({method: 'POST', url: '/data/actions/production', body: {actions}})
    await asAdmin({actionType: 'sanity.action.release.create', releaseId: 'rlivea'}, {actionType: 'sanity.action.release.create', releaseId: 'rliveb'})
    await put({_id: 'live.stacked', _type: 'liveArticle', title: 'published'})
    await put({_id: 'versions.rliveb.live.stacked', _type: 'liveEvent', title: 'in rliveb'})
    await put({_id: 'versions.rlivea.live.stacked', _type: 'liveArticle', title: 'in rlivea'})
    const {before, after, shared} = await tagsAcross(['rlivea', 'rliveb', 'drafts'], '*[_type == "liveEvent" && _id == "live.stacked"].title', 'versions.rlivea.live.stacked')
    expect([before, after]).toEqual([[], ['in rliveb']])
    expect(shared).not.toEqual([])
  })

  it('answers /check/cors for any page, saying whether its origin may use the lake', async () => {
    const own = await raw(lake.port, '/v2025-02-19/check/cors', {headers: {origin: `https://localhost:${lake.port}`}})
    expect(own.json()).toEqual({result: {allowed: true, withCredentials: true}})
    const other = await raw(lake.port, '/v2025-02-19/check/cors', {headers: {origin: 'https://evil.example'}})
    expect(other.status).toBe(200)
    expect(other.json()).toEqual({result: {allowed: false, withCredentials: false}})
    // Everything else stays closed to that origin.
    expect((await raw(lake.port, '/v2025-02-19/data/live/events/production', {headers: {origin: 'https://evil.example'}})).status).toBe(403)
  })
})
