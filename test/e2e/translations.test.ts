/**
 * The bilingual news desk in Chromium: an editor makes the Chinese version of the seed article from its
 * Translations menu, writes it and publishes it; a site reads it with the package's query; the office
 * picker shows the offices' Chinese names. Its own Studio and lake (a fresh copy of the seed), beside
 * studio.test.ts.
 */
import {mkdirSync} from 'node:fs'

import {createClient, type SanityClient} from '@sanity/client'
import {chromium, type Browser, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {LocalRole} from '../../content-lake/http/identity.ts'
import type {ServedRequest} from '../../content-lake/http/server.ts'
import {chromiumLaunchOptions} from '../../local-studio/chromium.ts'
import {startLocalStudio, type LocalStudio} from '../../local-studio/start.ts'
import {articleBySlugQuery} from '../../queries/index.ts'
import {projectRoot} from '../support/cli.ts'
import {E2E_STUDIO_CACHE, TEST_TOKEN} from '../support/lake.ts'
import {artifacts, reportFailedTests, screenshot, StudioPages, typeUntilOffered} from './studio-browser.ts'

// The Node client talks only to this test's own server on 127.0.0.1, whose certificate is self-signed.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'

const slug = '2023-meeting-of-ip5-deputy-heads-of-office-held-online'
const englishTitle = '2023 Meeting of IP5 Deputy Heads of Office Held Online'
const chineseTitle = '2023年五局副局长会议以视频形式召开'
const chineseBody = '近日，2023年五局副局长会议以视频形式召开。'

let studio: LocalStudio
let browser: Browser
let client: SanityClient
const pages = new StudioPages(() => browser, () => studio.url)
const openAs = (role: LocalRole) => pages.openAs(role)
const openInStructure = (page: Page, ...titles: string[]) => pages.openInStructure(page, ...titles)
// The API requests of each test, printed when it fails.
const requests: ServedRequest[] = []
reportFailedTests(pages, requests)

const chineseVersionQuery = '*[_type == "article" && language == "zh-Hans" && slug.current == $slug][0]._id'

beforeAll(async () => {
  mkdirSync(artifacts, {recursive: true})
  studio = await startLocalStudio({
    root: projectRoot,
    dataDir: `${projectRoot}test/.tmp/e2e-translations-lake`,
    studioCacheDir: E2E_STUDIO_CACHE,
    dataset: 'production',
    port: 0,
    role: 'administrator',
    reset: true,
    log: () => {},
    onRequest: (request) => requests.push(request),
  })
  client = createClient({projectId: 'local', dataset: 'production', apiHost: `https://localhost:${studio.port}`, useProjectHostname: false, useCdn: false, apiVersion: '2025-02-19', token: TEST_TOKEN})
  // The seed's Chinese version and the document linking it go: this test makes them again from the Studio.
  await client.transaction().delete('translation-ip5-deputy-heads-2023').delete('article-ip5-deputy-heads-2023-zh-hans').commit()
  browser = await chromium.launch(chromiumLaunchOptions)
}, 180_000)

afterAll(async () => {
  await pages.closeAll()
  await browser?.close()
  await studio?.close()
})

describe('translating an article in Chromium', () => {
  it('creates the Chinese version from the article\'s Translations menu, writes and publishes it, and a site reads both versions', async () => {
    const page = await openAs('editor')
    await openInStructure(page, 'News desk', 'IP News')
    await page.getByText(englishTitle).first().click()
    await page.locator('#title').waitFor({timeout: 30_000})

    // The Translations menu above the form: English is this document, Chinese can be created.
    await page.getByTestId('document-internationalization-menu').click({timeout: 30_000})
    const chinese = page.getByRole('button', {name: /Chinese \(Simplified\)/})
    await chinese.click({timeout: 20_000})
    await expect.poll(() => client.fetch(chineseVersionQuery, {slug}, {perspective: 'drafts'}), {timeout: 30_000}).toBeTruthy()
    await screenshot(page, 'i18n-01-translation-created')

    // The menu now opens the new version beside the original.
    await expect.poll(async () => {
      if ((await page.locator('#title').count()) < 2) {
        if (!(await chinese.isVisible())) await page.getByTestId('document-internationalization-menu').first().click()
        await chinese.click({timeout: 5_000}).catch(() => {})
      }
      return page.locator('#title').count()
    }, {timeout: 40_000, interval: 3_000}).toBe(2)
    const pane = page.locator('[data-testid="document-pane"]').last()
    const title = pane.locator('#title')
    // It starts with the original's section and slug, and without its title.
    await expect.poll(() => title.inputValue(), {timeout: 20_000}).toBe('')
    await expect.poll(() => pane.locator('#slug').inputValue()).toBe(slug)
    await title.fill(chineseTitle)
    const body = pane.getByTestId('field-body').locator('[contenteditable="true"]').first()
    await body.click()
    await page.keyboard.insertText(chineseBody)
    await expect.poll(() => body.innerText(), {timeout: 20_000}).toContain('五局副局长会议')

    // A translation is published on its own date.
    await pane.getByTestId('group-tab-publishing').click()
    const published = pane.locator('[id="publishedAt"]')
    if ((await published.inputValue()) === '') {
      await published.fill('2023-06-02 09:00')
      await published.press('Enter')
    }
    await pane.getByTestId('group-tab-about').click()
    // It starts with the original's offices and people.
    await expect.poll(() => pane.getByTestId('field-offices').getByText('China National Intellectual Property Administration').count(), {timeout: 20_000}).toBeGreaterThan(0)
    await screenshot(page, 'i18n-02-chinese-version-written')

    await expect.poll(() => page.getByText('Saving...').count(), {timeout: 20_000}).toBe(0)
    const publish = pane.getByTestId('action-publish')
    await expect.poll(() => publish.isEnabled(), {timeout: 30_000}).toBe(true)
    await publish.click()
    await expect
      .poll(async () => {
        const id = await client.fetch(chineseVersionQuery, {slug}, {perspective: 'published'})
        if (!id && (await publish.isEnabled())) await publish.click()
        return id
      }, {timeout: 40_000, interval: 5_000})
      .toBeTruthy()

    // What a site does: the package's query for the Chinese page, published perspective.
    await expect
      .poll(() => client.fetch(articleBySlugQuery, {slug, language: 'zh-Hans'}, {perspective: 'published'}), {timeout: 20_000})
      .toMatchObject({title: chineseTitle, language: 'zh-Hans', section: 'news'})
    const page2 = await client.fetch(articleBySlugQuery, {slug, language: 'zh-Hans'}, {perspective: 'published'})
    expect(page2?.translations).toEqual([
      {language: 'en', slug},
      {language: 'zh-Hans', slug},
    ])
    expect((page2?.body?.[0] as {children?: {text?: string}[]} | undefined)?.children?.[0]?.text).toContain(chineseBody)
    expect(page2?.offices?.[0]?.name).toBe('国家知识产权局')
    // Linked both ways: the English page lists the Chinese version too.
    const english = await client.fetch(articleBySlugQuery, {slug, language: 'en'}, {perspective: 'published'})
    expect(english?.translations?.map((version) => version.language)).toEqual(['en', 'zh-Hans'])
    await screenshot(page, 'i18n-03-chinese-version-published')
  }, 240_000)

  it('lists the Chinese version under Articles › Chinese (Simplified), with its language on the preview', async () => {
    const page = await openAs('editor')
    await openInStructure(page, 'News desk', 'Chinese (Simplified)')
    await expect.poll(() => page.getByText(chineseTitle).count(), {timeout: 30_000}).toBeGreaterThan(0)
    await expect.poll(() => page.getByText('IP News · 2023-06-02 · zh-Hans').count(), {timeout: 20_000}).toBeGreaterThan(0)
    expect(await page.getByText(englishTitle).count()).toBe(0)
    await screenshot(page, 'i18n-04-chinese-list')
  }, 90_000)

  it('shows an office\'s Chinese name in the reference picker, and finds the office by it', async () => {
    const page = await openAs('editor')
    await openInStructure(page, 'News desk', 'Chinese (Simplified)')
    await page.getByText(chineseTitle).first().click()
    await page.getByTestId('group-tab-about').click({timeout: 30_000})
    const offices = page.getByTestId('field-offices')
    await offices.getByRole('button', {name: 'Add item'}).click()
    const option = page.getByRole('option', {name: /Japan Patent Office/})
    await typeUntilOffered(offices.getByTestId('autocomplete'), '日本特许厅', option)
    await expect.poll(() => option.first().innerText(), {timeout: 20_000}).toContain('日本特许厅')
    await screenshot(page, 'i18n-05-office-picker-chinese-name')
  }, 90_000)
})
