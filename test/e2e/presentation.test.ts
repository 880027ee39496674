/**
 * The Presentation tool in the built Studio, in Chromium, on the local Content Lake: opening it creates
 * a preview secret through the Studio's own client, and the page it puts in its iframe is the site's
 * draft-mode route with that secret, which `validatePreviewUrl` (as the site's route runs it, with a
 * token) accepts and answers with the page to show.
 */
import {mkdirSync} from 'node:fs'

import {createClient, type SanityClient} from '@sanity/client'
import {validatePreviewUrl} from '@sanity/preview-url-secret'
import {chromium, type Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {chromiumLaunchOptions} from '../../local-studio/chromium.ts'
import {startLocalStudio, type LocalStudio} from '../../local-studio/start.ts'
import {projectRoot} from '../support/cli.ts'

// The Node client talks only to this test's own server on 127.0.0.1, whose certificate is self-signed.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'

const artifacts = `${projectRoot}test/artifacts`

let studio: LocalStudio
let browser: Browser
let siteServer: SanityClient

beforeAll(async () => {
  mkdirSync(artifacts, {recursive: true})
  studio = await startLocalStudio({root: projectRoot, dataDir: `${projectRoot}test/.tmp/e2e-presentation-lake`, dataset: 'production', port: 0, role: 'administrator', reset: true, log: () => {}})
  // The site's server client: a token (the local lake takes any), the raw perspective validatePreviewUrl sets itself.
  siteServer = createClient({projectId: 'local', dataset: 'production', apiHost: `https://localhost:${studio.port}`, useProjectHostname: false, useCdn: false, apiVersion: '2025-02-19', token: 'site-read-token'})
  browser = await chromium.launch(chromiumLaunchOptions)
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await studio?.close()
})

describe('the Presentation tool in Chromium', () => {
  it('creates a preview secret and opens the site through its draft-mode route with it', async () => {
    const context = await browser.newContext({ignoreHTTPSErrors: true, viewport: {width: 1440, height: 900}})
    try {
      const page = await context.newPage()
      await page.goto(`${studio.url}presentation`)
      const secrets = () => studio.store.all().filter((doc) => doc._type === 'sanity.previewUrlSecret')
      await expect.poll(() => secrets().length, {timeout: 60_000}).toBeGreaterThan(0)

      const frame = page.locator('iframe').first()
      await expect.poll(async () => (await frame.getAttribute('src', {timeout: 30_000})) ?? '', {timeout: 30_000}).toContain('/api/draft-mode/enable')
      const src = new URL((await frame.getAttribute('src'))!)
      expect(src.origin).toBe('http://localhost:3000')
      // The secret in the iframe's URL is one the Studio stored, with who made it and from where.
      const secret = secrets().find((doc) => doc.secret === src.searchParams.get('sanity-preview-secret'))
      expect(secret).toMatchObject({source: 'sanity/presentation', userId: 'local-admin'})
      expect(String(secret!.studioUrl)).toContain(`${studio.url}presentation`)
      await page.screenshot({path: `${artifacts}/presentation-01-tool.png`})

      // What the site's /api/draft-mode/enable does with that URL: the secret is valid, and it redirects to the home page.
      const validated = await validatePreviewUrl(siteServer, src.toString())
      expect(validated).toMatchObject({isValid: true, studioOrigin: new URL(studio.url).origin})
      expect(validated.redirectTo).toMatch(/^\/en\?sanity-preview-perspective=/)
    } finally {
      await context.close()
    }
  }, 120_000)
})
