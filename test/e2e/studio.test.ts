import {mkdirSync, mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {chromium, type Browser, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {localCertificate} from '../../content-lake/http/certificate.ts'
import {createLakeServer} from '../../content-lake/http/server.ts'
import {DocumentStore, type Doc} from '../../content-lake/store/document-store.ts'
import {projectRoot, sanityCli} from '../support/cli.ts'
import {seed} from '../support/seed.ts'

// The Studio build inlines its API host, so the end-to-end run has a port of its own.
const PORT = 3391
const studioDir = `${projectRoot}test/.tmp/e2e-studio`
const artifacts = `${projectRoot}test/artifacts`

let browser: Browser
let page: Page
let close: () => Promise<void>

async function screenshot(name: string) {
  await page.screenshot({path: `${artifacts}/${name}.png`})
}

beforeAll(async () => {
  mkdirSync(artifacts, {recursive: true})
  const build = await sanityCli(['build', studioDir, '--yes'], {SANITY_STUDIO_API_HOST: `https://localhost:${PORT}`})
  if (build.code !== 0) throw new Error(`sanity build failed:\n${build.stdout}\n${build.stderr}`)
  const store = DocumentStore.open(mkdtempSync(join(tmpdir(), 'e2e-lake-')), () => structuredClone(seed) as Doc[])
  const started = await createLakeServer({store, projectId: 'local', dataset: 'production', certificate: localCertificate(`${projectRoot}test/.tmp/certificate`), port: PORT, studioDir})
  close = started.close
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  page = await browser.newPage({ignoreHTTPSErrors: true, viewport: {width: 1280, height: 800}})
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await close?.()
})

describe('the Studio on the local Content Lake, in Chromium', () => {
  it('logs in, shows the desk structure and lists the seed article in IP News', async () => {
    await page.goto(`https://localhost:${PORT}/content`)
    await page.getByText('Articles', {exact: true}).first().click({timeout: 30_000})
    await page.getByText('IP News', {exact: true}).last().click()
    await expect.poll(() => page.getByText('2023 Meeting of IP5 Deputy Heads of Office Held Online').count(), {timeout: 20_000}).toBeGreaterThan(0)
    await expect.poll(() => page.getByText('IP News · 2023-06-01').count()).toBeGreaterThan(0)
    await screenshot('01-ip-news-list')
  }, 60_000)

  it('opens the cookie policy directly from Settings', async () => {
    await page.goto(`https://localhost:${PORT}/content`)
    await page.getByText('Settings', {exact: true}).first().click({timeout: 30_000})
    await page.getByText('Cookie policy', {exact: true}).first().click()
    await expect.poll(() => page.locator('input[value="I accept"]').count(), {timeout: 20_000}).toBeGreaterThan(0)
    expect(page.url()).toContain('cookie-policy')
    await screenshot('02-cookie-policy')
  }, 60_000)
})
