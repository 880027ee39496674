/**
 * Draft mode for the Presentation tool, through `@sanity/preview-url-secret` itself against the lake: the
 * Studio creates a secret (a `drafts.<uuid>` document of type `sanity.previewUrlSecret`, then deletes the
 * expired ones by query), the site checks the URL it was opened with (`validatePreviewUrl`, with a token,
 * in the raw perspective), and a site reading published content without a token never sees a secret.
 */
import {createClient, type SanityClient} from '@sanity/client'
import {createPreviewSecret} from '@sanity/preview-url-secret/create-secret'
import {disablePreviewAccessSharing, enablePreviewAccessSharing} from '@sanity/preview-url-secret/toggle-preview-access-sharing'
import {validatePreviewUrl} from '@sanity/preview-url-secret'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {startLake, TEST_TOKEN, type InProcessLake} from '../support/lake.ts'

// The local certificate is self-signed; this test process talks only to its own server on 127.0.0.1.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'

const SECRET_TYPE = 'sanity.previewUrlSecret'
const STUDIO_URL = 'https://local.localhost:3334/presentation'
const SITE = 'http://localhost:3000'

let lake: InProcessLake
let studio: SanityClient
let siteServer: SanityClient
let sitePublic: SanityClient

const clientFor = (port: number, extra: Parameters<typeof createClient>[0] = {}) =>
  createClient({projectId: 'local', dataset: 'production', apiHost: `https://127.0.0.1:${port}`, useProjectHostname: false, useCdn: false, apiVersion: '2025-02-19', ...extra})

/** The URL the Presentation tool opens in its iframe: the site's enable route with the secret and the page to show. */
function enableUrl(secret: string, pathname = '/en/articles/2023-meeting-of-ip5-deputy-heads-of-office-held-online') {
  const url = new URL('/api/draft-mode/enable', SITE)
  url.searchParams.set('sanity-preview-secret', secret)
  url.searchParams.set('sanity-preview-perspective', 'drafts')
  url.searchParams.set('sanity-preview-pathname', pathname)
  return url.toString()
}

const secretDocuments = () => lake.store.all().filter((doc) => doc._type === SECRET_TYPE)

beforeAll(async () => {
  lake = await startLake()
  // As the Studio's client (in a browser it has the lake's session cookie; in Node a token stands in),
  // the site's server client (a read token, as defineEnableDraftMode requires) and the site's published
  // reads (no token).
  studio = clientFor(lake.port, {token: TEST_TOKEN})
  siteServer = clientFor(lake.port, {token: 'site-read-token', perspective: 'published'})
  sitePublic = clientFor(lake.port, {perspective: 'published'})
})
afterAll(async () => lake?.close())

describe('@sanity/preview-url-secret against the local Content Lake', () => {
  it('creates the secret as the Presentation tool does, and the site validates its URL and redirects', async () => {
    const {secret, expiresAt} = await createPreviewSecret(studio, 'sanity/presentation', STUDIO_URL, 'local-admin')
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now())
    const stored = secretDocuments()
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({_type: SECRET_TYPE, secret, source: 'sanity/presentation', studioUrl: STUDIO_URL, userId: 'local-admin'})
    expect(stored[0]!._id).toMatch(/^drafts\.[0-9a-f-]{36}$/)

    const result = await validatePreviewUrl(siteServer, enableUrl(secret))
    expect(result).toEqual({
      isValid: true,
      redirectTo: '/en/articles/2023-meeting-of-ip5-deputy-heads-of-office-held-online?sanity-preview-perspective=drafts',
      studioOrigin: 'https://local.localhost:3334',
      studioPreviewPerspective: 'drafts',
      studioPreviewVariant: null,
    })
  })

  it('refuses a wrong, empty or missing secret, and a client without a token', async () => {
    await createPreviewSecret(studio, 'sanity/presentation', STUDIO_URL)
    expect(await validatePreviewUrl(siteServer, enableUrl('not-the-secret'))).toMatchObject({isValid: false, redirectTo: undefined})
    expect(await validatePreviewUrl(siteServer, enableUrl(' '))).toMatchObject({isValid: false})
    expect(await validatePreviewUrl(siteServer, `${SITE}/api/draft-mode/enable`)).toEqual({isValid: false})
    await expect(validatePreviewUrl(sitePublic, enableUrl('anything'))).rejects.toThrow(/token/)
  })

  it('refuses a secret older than an hour, and the next secret the Studio creates deletes it (delete by query)', async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000)
    // A secret the Studio made two hours ago (the lake stamps _updatedAt with the commit's time).
    lake.store.commit([{id: 'drafts.expired-secret', after: {_id: 'drafts.expired-secret', _type: SECRET_TYPE, secret: 'expired', source: 'sanity/presentation', studioUrl: STUDIO_URL}}], {now: twoHoursAgo})
    expect(lake.store.get('drafts.expired-secret')?._updatedAt).toBe(twoHoursAgo.toISOString())
    expect(await validatePreviewUrl(siteServer, enableUrl('expired'))).toMatchObject({isValid: false})

    const before = secretDocuments().map((doc) => doc._id)
    const {secret} = await createPreviewSecret(studio, 'sanity/presentation', STUDIO_URL)
    const after = secretDocuments()
    expect(after.map((doc) => doc._id)).not.toContain('drafts.expired-secret')
    // Only the expired one went: the secrets of the last hour stay, the new one among them.
    expect(after).toHaveLength(before.length)
    expect(after.map((doc) => doc.secret)).toContain(secret)
    expect((await validatePreviewUrl(siteServer, enableUrl(secret))).isValid).toBe(true)
  })

  it('shares preview access with one secret for everyone until sharing is turned off', async () => {
    const {secret} = await enablePreviewAccessSharing(studio, 'sanity/presentation', STUDIO_URL, 'local-admin')
    expect(lake.store.get('sanity-preview-url-secret.share-access')).toMatchObject({_type: 'sanity.previewUrlShareAccess', secret})
    expect((await validatePreviewUrl(siteServer, enableUrl(secret))).isValid).toBe(true)
    await disablePreviewAccessSharing(studio, 'sanity/presentation', STUDIO_URL, 'local-admin')
    expect((await validatePreviewUrl(siteServer, enableUrl(secret))).isValid).toBe(false)
  })

  it('lets an editor create secrets (the Studio asks for the same grant before it tries)', async () => {
    const asEditor = await startLake({defaultRole: 'editor'})
    try {
      const editorStudio = clientFor(asEditor.port, {token: TEST_TOKEN})
      const {secret} = await createPreviewSecret(editorStudio, 'sanity/presentation', STUDIO_URL, 'local-editor')
      expect((await validatePreviewUrl(clientFor(asEditor.port, {token: 'site-read-token'}), enableUrl(secret))).isValid).toBe(true)
    } finally {
      await asEditor.close()
    }
  })

  // Per-user secrets are drafts, and the shared one's id (`sanity-preview-url-secret.share-access`) has a
  // dot: as on the hosted lake, a request without a token reads only root-path ids, in every perspective.
  it('keeps secrets out of published reads: the site without a token sees none', async () => {
    expect(secretDocuments().length).toBeGreaterThan(0)
    const query = '*[_type in ["sanity.previewUrlSecret", "sanity.previewUrlShareAccess"] && defined(secret)]{_id, secret}'
    expect(await sitePublic.fetch(query)).toEqual([])
    // Nor through a query that names no type, or a document's id.
    const ids = secretDocuments().map((doc) => doc._id)
    expect(await sitePublic.fetch('*[_id in $ids]._id', {ids})).toEqual([])
    expect(await sitePublic.fetch('*[defined(secret)]._id')).toEqual([])
    // Asking for drafts or everything does not help a request without a token, nor does sharing.
    await enablePreviewAccessSharing(studio, 'sanity/presentation', STUDIO_URL, 'local-admin')
    try {
      for (const perspective of ['raw', 'drafts'] as const) expect(await sitePublic.fetch('*[defined(secret)]._id', {}, {perspective})).toEqual([])
      expect(await siteServer.fetch('count(*[defined(secret)])', {}, {perspective: 'raw'})).toBeGreaterThan(0)
    } finally {
      await disablePreviewAccessSharing(studio, 'sanity/presentation', STUDIO_URL, 'local-admin')
    }
  })
})
