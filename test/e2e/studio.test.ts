import {mkdirSync, writeFileSync} from 'node:fs'

import {createClient, type SanityClient} from '@sanity/client'
import {chromium, type Browser, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {LocalRole} from '../../content-lake/http/identity.ts'
import type {ServedRequest} from '../../content-lake/http/server.ts'
import {chromiumLaunchOptions} from '../../local-studio/chromium.ts'
import {startLocalStudio, type LocalStudio} from '../../local-studio/start.ts'
import {articleBySlugQuery} from '../../queries/index.ts'
import {projectRoot} from '../support/cli.ts'
import {artifacts, pickOption, reportFailedTests, screenshot, StudioPages, typeUntilOffered} from './studio-browser.ts'
import {OPTIONAL_ENDPOINTS, REQUIRED_ENDPOINTS} from './studio-endpoints.ts'
import {E2E_STUDIO_CACHE, TEST_AUTHORIZATION, TEST_TOKEN} from '../support/lake.ts'

// The Node client talks only to this test's own server on 127.0.0.1, whose certificate is self-signed.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'

let studio: LocalStudio
let browser: Browser
let client: SanityClient
const pages = new StudioPages(() => browser, () => studio.url)
const openAs = (role: LocalRole) => pages.openAs(role)
const openInStructure = (page: Page, ...titles: string[]) => pages.openInStructure(page, ...titles)
// Every API request the Studio makes in these tests, for the drift test at the end.
const requests: ServedRequest[] = []
reportFailedTests(pages, requests)

/**
 * Opens Content → News desk → <section>, starts a new article there (the section's own template,
 * "Article in <section>"), gives it a title and generates its slug.
 */
async function newArticleIn(page: Page, section: string, title: string) {
  await openInStructure(page, 'News desk', section)
  await page.getByTestId('action-intent-button').click()
  await page.locator('#title').fill(title)
  await page.getByRole('button', {name: 'Generate'}).click()
}

function publishButton(page: Page) {
  return page.getByTestId('action-publish')
}

/** Opens the Studio's search (the navbar's search button) with its input focused, clicking again while the Studio is still starting. */
async function openSearch(page: Page) {
  const inputFocused = () => page.evaluate(() => document.activeElement?.tagName === 'INPUT')
  for (let attempt = 0; attempt < 5 && !(await inputFocused()); attempt++) {
    await page.getByTestId('studio-search').click({timeout: 30_000})
    await page.waitForTimeout(1000)
  }
}

/** The document's "..." menu in the pane footer (Discard changes, Delete, ...). */
function documentMenu(page: Page) {
  return page.getByTestId('pane-footer').getByTestId('action-menu-button')
}

const startStudio = (reset: boolean) =>
  startLocalStudio({root: projectRoot, dataDir: `${projectRoot}test/.tmp/e2e-lake`, studioCacheDir: E2E_STUDIO_CACHE, dataset: 'production', port: 0, role: 'administrator', reset, log: () => {}, onRequest: (request) => requests.push(request)})

const clientFor = (port: number) => createClient({projectId: 'local', dataset: 'production', apiHost: `https://localhost:${port}`, useProjectHostname: false, useCdn: false, apiVersion: '2025-02-19', token: TEST_TOKEN})

/** Stops the Studio and its lake and starts them again on the same data folder, as a new `npm run dev` would. */
async function restartStudio() {
  await pages.closeAll()
  await studio.close()
  studio = await startStudio(false)
  client = clientFor(studio.port)
}

beforeAll(async () => {
  mkdirSync(artifacts, {recursive: true})
  // The same Studio build `npm run dev` serves, on a fresh copy of the seed dataset and a free port.
  studio = await startStudio(true)
  client = clientFor(studio.port)
  browser = await chromium.launch(chromiumLaunchOptions)
}, 180_000)

afterAll(async () => {
  await pages.closeAll()
  await browser?.close()
  await studio?.close()
})

describe('the Studio on the local Content Lake, in Chromium', () => {
  it('lists the seed article in IP News', async () => {
    const page = await openAs('administrator')
    await openInStructure(page, 'News desk', 'IP News')
    await expect.poll(() => page.getByText('2023 Meeting of IP5 Deputy Heads of Office Held Online').count(), {timeout: 20_000}).toBeGreaterThan(0)
    await expect.poll(() => page.getByText('IP News · 2023-06-01').count()).toBeGreaterThan(0)
    await screenshot(page, '01-ip-news-list')
  }, 60_000)

  it('lets an editor write an article, pick its office and person by search, publish it, and a site read it by slug', async () => {
    const page = await openAs('editor')
    await newArticleIn(page, 'IP News', 'CNIPA and USPTO discuss examination practice')
    await expect.poll(() => page.locator('#slug').inputValue()).toBe('cnipa-and-uspto-discuss-examination-practice')
    // The template filled the section from the list the article was started in.
    await expect.poll(() => page.getByRole('radio', {name: 'IP News'}).isChecked()).toBe(true)
    // The main image: uploaded to the local Content Lake, shown back from it, described for screen readers.
    await page.getByTestId('file-button-input').first().setInputFiles(`${projectRoot}test/fixtures/red-3x2.png`)
    const preview = page.locator('img[src*="/images/local/production/"]').first()
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), {timeout: 20_000}).toBeGreaterThan(0)
    await page.locator('[id="mainImage.alt"]').fill('A red rectangle')
    await screenshot(page, '02-article-content')

    await page.getByTestId('group-tab-about').click()
    const offices = page.getByTestId('field-offices')
    await offices.getByRole('button', {name: 'Add item'}).click()
    await pickOption(offices.getByTestId('autocomplete'), 'CNIPA', page.getByRole('option', {name: /China National Intellectual Property Administration/}))
    const people = page.getByTestId('field-people')
    await people.getByRole('button', {name: 'Add item'}).click()
    await pickOption(people.getByTestId('autocomplete'), 'Liao', page.getByRole('option', {name: /Liao Tao/}))
    await expect.poll(() => people.getByText('Liao Tao').count(), {timeout: 20_000}).toBeGreaterThan(0)
    await screenshot(page, '03-article-references')

    // Every edit saved first: on a loaded machine a click while the footer still said "Saving..." did not publish.
    await expect.poll(() => page.getByText('Saving...').count(), {timeout: 20_000}).toBe(0)
    await expect.poll(() => publishButton(page).isEnabled(), {timeout: 20_000}).toBe(true)
    await publishButton(page).click()
    // On a loaded machine the Studio sometimes drops that click while it re-renders its footer (seen
    // 3 times in 5 full runs, never alone, never with a request sent): click again while Publish is
    // still offered, as a person would.
    await expect
      .poll(async () => {
        const published = await client.fetch('count(*[_id in path("*") && slug.current == $slug])', {slug: 'cnipa-and-uspto-discuss-examination-practice'}, {perspective: 'raw'})
        if (published === 0 && (await publishButton(page).isEnabled())) await publishButton(page).click()
        return published
      }, {timeout: 40_000, interval: 5_000})
      .toBe(1)
    // What a site does: the package's own query through @sanity/client, published perspective.
    await expect
      .poll(() => client.fetch(articleBySlugQuery, {slug: 'cnipa-and-uspto-discuss-examination-practice', language: 'en'}, {perspective: 'published'}), {timeout: 20_000})
      .toMatchObject({title: 'CNIPA and USPTO discuss examination practice', section: 'news'})
    // Publishing moves the draft into the published document: no draft is left behind.
    await expect.poll(() => client.fetch('count(*[_id in path("drafts.**") && slug.current == $slug])', {slug: 'cnipa-and-uspto-discuss-examination-practice'}, {perspective: 'raw'}), {timeout: 20_000}).toBe(0)
    await screenshot(page, '04-article-published')
    const published = await client.fetch(articleBySlugQuery, {slug: 'cnipa-and-uspto-discuss-examination-practice', language: 'en'}, {perspective: 'published'})
    expect(published?.offices?.map((office) => office.name)).toEqual(['China National Intellectual Property Administration'])
    expect(published?.people?.map((person) => person.name)).toEqual(['Liao Tao'])
    expect(published?.image).toMatchObject({alt: 'A red rectangle', url: expect.stringMatching(/\/images\/local\/production\/[0-9a-f]{40}-3x2\.png$/)})
  }, 120_000)

  it('shows a broken rule on the field and keeps Publish off until it is fixed', async () => {
    const page = await openAs('editor')
    await newArticleIn(page, 'Links', 'IP5 offices portal')
    await expect.poll(() => page.getByText('Articles in Links need the address of the page they point to').count(), {timeout: 20_000}).toBeGreaterThan(0)
    expect(await publishButton(page).isDisabled()).toBe(true)
    await page.locator('#externalUrl').fill('javascript:alert(1)')
    await expect.poll(() => page.getByText('Enter an address starting with https:// or http://').count(), {timeout: 20_000}).toBeGreaterThan(0)
    expect(await publishButton(page).isDisabled()).toBe(true)
    await screenshot(page, '05-validation-blocks-publish')
    await page.locator('#externalUrl').fill('https://www.fiveipoffices.org/')
    await expect.poll(() => publishButton(page).isEnabled(), {timeout: 20_000}).toBe(true)
    expect(await client.fetch('count(*[_type == "article" && title == $title])', {title: 'IP5 offices portal'}, {perspective: 'published'})).toBe(0)
  }, 120_000)

  it('editor\'s edges: "+" in Alerts opens the new article in Alerts, with Alerts still open', async () => {
    const page = await openAs('editor')
    await newArticleIn(page, 'Alerts', 'Alert: EPO fee changes')
    // The new article opens beside the Alerts list, not under All articles.
    await expect.poll(() => decodeURIComponent(page.url()), {timeout: 20_000}).toMatch(/\/content\/articles;section-alert;/)
    expect(decodeURIComponent(page.url())).not.toContain('all-articles')
    await expect.poll(() => page.getByRole('radio', {name: 'Alerts'}).isChecked(), {timeout: 20_000}).toBe(true)
    await screenshot(page, '20-new-article-stays-in-alerts')
  }, 90_000)

  it('editor\'s edges: the publication time is set when the article is published, not when its draft is created', async () => {
    const page = await openAs('editor')
    const slug = 'ip5-heads-agree-on-work-sharing'
    await newArticleIn(page, 'IP News', 'IP5 Heads agree on work sharing')
    await expect.poll(() => page.locator('#slug').inputValue(), {timeout: 20_000}).toBe(slug)
    await expect.poll(() => page.getByText('Saving...').count(), {timeout: 20_000}).toBe(0)
    // The draft has no publication time, and Publish is offered all the same.
    await expect
      .poll(() => client.fetch('*[_id in path("drafts.**") && slug.current == $slug][0]{publishedAt}', {slug}, {perspective: 'raw'}), {timeout: 20_000})
      .toEqual({publishedAt: null})
    await page.getByTestId('group-tab-publishing').click()
    await screenshot(page, '21-draft-without-publication-time')
    await expect.poll(() => publishButton(page).isEnabled(), {timeout: 20_000}).toBe(true)
    const before = Date.now()
    await publishButton(page).click()
    await expect
      .poll(async () => {
        const published = await client.fetch('count(*[_id in path("*") && slug.current == $slug])', {slug}, {perspective: 'raw'})
        if (published === 0 && (await publishButton(page).isEnabled())) await publishButton(page).click()
        return published
      }, {timeout: 40_000, interval: 5_000})
      .toBe(1)
    const published = await client.fetch<{publishedAt?: string}>('*[_id in path("*") && slug.current == $slug][0]{publishedAt}', {slug}, {perspective: 'raw'})
    expect(Date.parse(published.publishedAt ?? '')).toBeGreaterThanOrEqual(before - 2000)
    expect(Date.parse(published.publishedAt ?? '')).toBeLessThanOrEqual(Date.now())
    await screenshot(page, '22-published-with-publication-time')
  }, 120_000)

  it('editor\'s edges: an article\'s offices offer offices, not their departments', async () => {
    const page = await openAs('editor')
    await newArticleIn(page, 'IP News', 'Departments are not offices')
    await page.getByTestId('group-tab-about').click()
    const offices = page.getByTestId('field-offices')
    await offices.getByRole('button', {name: 'Add item'}).click()
    await typeUntilOffered(offices.getByTestId('autocomplete'), 'CNIPA', page.getByRole('option', {name: /China National Intellectual Property Administration/}))
    // The seed has seven departments, six of them named "... Department": none is offered. USPTO is, as
    // its description names the Department of Commerce. Wait for that answer before counting.
    await typeUntilOffered(offices.getByTestId('autocomplete'), 'Department', page.getByRole('option', {name: /United States Patent and Trademark Office/}))
    await screenshot(page, '23-no-departments-in-article-offices')
    // Office and department previews read "<abbreviation or parent> – <name>"; the structure's list items do not.
    expect(await page.getByRole('option').filter({hasText: ' – '}).allInnerTexts()).toEqual([expect.stringContaining('United States Patent and Trademark Office')])
    await expect.poll(() => offices.getByText('Not in the list? Offices are kept by administrators').count()).toBeGreaterThan(0)
  }, 90_000)

  it('editor\'s edges: an event known to the month takes a month, and its country is picked by name', async () => {
    const page = await openAs('editor')
    await openInStructure(page, 'Events', 'All events')
    await page.getByTestId('action-intent-button').click()
    await page.locator('#title').fill('TM5 annual meeting 2024')
    await page.getByRole('button', {name: 'Generate'}).click()
    await page.getByTestId('group-tab-when').click()
    await page.getByRole('radio', {name: 'Month only'}).check()
    const start = page.locator('input[type="month"]#startDate')
    await start.waitFor({timeout: 20_000})
    await start.fill('2024-10')
    await pickOption(page.locator('[id="location.country"]'), 'Korea', page.getByRole('option', {name: 'South Korea (KR)'}))
    await expect.poll(() => page.getByText('Saving...').count(), {timeout: 20_000}).toBe(0)
    await expect
      .poll(() => client.fetch('*[_id in path("drafts.**") && title == $title][0]{startDate, "country": location.country}', {title: 'TM5 annual meeting 2024'}, {perspective: 'raw'}), {timeout: 20_000})
      .toEqual({startDate: '2024-10-01', country: 'KR'})
    // Stored on the 1st, which the precision rule accepts: no message asks for the day.
    expect(await page.getByText('set the day to the 1st').count()).toBe(0)
    await screenshot(page, '24-event-month-and-country')
  }, 90_000)

  it('opens the cookie policy directly and offers no way to create a second one', async () => {
    const page = await openAs('administrator')
    await openInStructure(page, 'Settings', 'Cookie policy')
    await expect.poll(() => page.locator('input[value="I accept"]').count(), {timeout: 20_000}).toBeGreaterThan(0)
    expect(page.url()).toContain('cookie-policy')
    await screenshot(page, '06-cookie-policy')

    await page.getByTestId('new-document-button').click()
    const search = page.getByPlaceholder('Search document types')
    const menu = page.locator('[data-ui=Popover]').filter({has: search})
    await expect.poll(() => menu.getByText('Article', {exact: true}).count(), {timeout: 10_000}).toBe(1)
    expect(await menu.getByText('Office', {exact: true}).count()).toBe(1)
    expect(await menu.getByText(/cookie/i).count()).toBe(0)
    await screenshot(page, '07-new-document-menu')
  }, 60_000)

  it('shows an office read-only to an editor, with nothing to publish', async () => {
    const page = await openAs('editor')
    await openInStructure(page, 'Reference data', 'Offices', 'All offices')
    await page.getByText('China National Intellectual Property Administration').first().click()
    const name = page.locator('input#name')
    await name.waitFor({timeout: 20_000})
    expect(await name.getAttribute('readonly')).not.toBeNull()
    expect(await publishButton(page).count()).toBe(0)
    // And says why, and what to do.
    await expect.poll(() => page.getByTestId('reference-data-notice').innerText(), {timeout: 20_000}).toMatch(/kept by administrators.*ask an administrator/)
    await screenshot(page, '08-office-read-only-for-editor')
  }, 60_000)

  it('shows the cookie policy read-only to an editor from the lake\'s grants alone', async () => {
    // No plugin makes the cookie policy read-only: the Studio reads the editor's grants from the lake.
    const page = await openAs('editor')
    await openInStructure(page, 'Settings', 'Cookie policy')
    const accept = page.locator('input[value="I accept"]')
    await expect.poll(() => accept.count(), {timeout: 20_000}).toBeGreaterThan(0)
    await expect.poll(() => accept.first().getAttribute('readonly'), {timeout: 20_000}).not.toBeNull()
    await expect.poll(() => page.getByText('does not have permission to edit this document').count(), {timeout: 10_000}).toBeGreaterThan(0)
    // The Studio keeps its Publish button but disables it: the grants give no "update" on this document.
    await expect.poll(() => publishButton(page).isDisabled(), {timeout: 10_000}).toBe(true)
    await screenshot(page, '08b-cookie-policy-read-only-for-editor')
    // And the lake would refuse the edit if the Studio sent it.
    const edit = await fetch(`https://127.0.0.1:${studio.port}/v2025-02-19/data/mutate/production`, {
      method: 'POST',
      headers: {'content-type': 'application/json', cookie: 'sanity-local-user=editor', ...TEST_AUTHORIZATION},
      body: JSON.stringify({mutations: [{patch: {id: 'cookiePolicy', set: {acceptLabel: 'OK'}}}]}),
    })
    expect(edit.status).toBe(403)
  }, 60_000)

  it('lists a draft\'s edits in the history panel', async () => {
    const page = await openAs('administrator')
    await openInStructure(page, 'Reference data', 'Forums')
    await page.getByText(/^TM5/).first().click()
    const name = page.locator('input#name')
    await name.waitFor({timeout: 20_000})
    await name.fill('TM5 (renamed in a draft)')
    await expect.poll(() => client.fetch('*[_id == "drafts.forum-tm5"][0].name', {}, {perspective: 'raw'}), {timeout: 20_000}).toBe('TM5 (renamed in a draft)')
    await page.getByTestId('change-bar__button').first().click({force: true})
    await page.getByText('History', {exact: true}).first().click()
    await expect.poll(() => page.getByText('Edited', {exact: true}).count(), {timeout: 20_000}).toBeGreaterThan(0)
    await screenshot(page, '09-history-panel')
  }, 60_000)

  it('discards an edit of a published article ("Discard changes"), leaving the published article as it was', async () => {
    const page = await openAs('editor')
    await openInStructure(page, 'News desk', 'IP News')
    await page.getByText('2023 Meeting of IP5 Deputy Heads of Office Held Online').first().click()
    await page.locator('#title').fill('A mistaken edit')
    await expect.poll(() => client.fetch('*[_id == "drafts.article-ip5-deputy-heads-2023"][0].title', {}, {perspective: 'raw'}), {timeout: 20_000}).toBe('A mistaken edit')
    await documentMenu(page).click()
    await page.getByRole('menuitem', {name: 'Discard changes'}).click()
    await page.getByRole('dialog').getByRole('button', {name: /Discard/}).click()
    await expect.poll(() => client.fetch('count(*[_id == "drafts.article-ip5-deputy-heads-2023"])', {}, {perspective: 'raw'}), {timeout: 20_000}).toBe(0)
    await expect.poll(() => page.locator('#title').inputValue(), {timeout: 20_000}).toBe('2023 Meeting of IP5 Deputy Heads of Office Held Online')
    await screenshot(page, '10-draft-discarded')
  }, 60_000)

  it('deletes a draft that was never published', async () => {
    const page = await openAs('editor')
    await newArticleIn(page, 'Alerts', 'An alert nobody needs')
    await expect.poll(() => client.fetch('count(*[_type == "article" && title == "An alert nobody needs"])', {}, {perspective: 'raw'}), {timeout: 20_000}).toBe(1)
    await documentMenu(page).click()
    await page.getByTestId('action-Delete').click()
    await page.getByRole('dialog').getByRole('button', {name: 'Delete document'}).click()
    await expect.poll(() => page.getByText('The document was successfully deleted').count(), {timeout: 20_000}).toBeGreaterThan(0)
    expect(await client.fetch('count(*[_type == "article" && title == "An alert nobody needs"])', {}, {perspective: 'raw'})).toBe(0)
    await screenshot(page, '11-never-published-draft-deleted')
  }, 60_000)

  it('refuses to delete an office other documents refer to, and says who refers to it', async () => {
    const page = await openAs('administrator')
    await openInStructure(page, 'Reference data', 'Offices', 'All offices')
    await page.getByText('Korean Intellectual Property Office').first().click()
    await page.locator('input#name').waitFor({timeout: 20_000})
    await documentMenu(page).click()
    await page.getByTestId('action-Delete').click()
    const dialog = page.getByRole('dialog')
    // The Studio's own check lists the referring documents...
    await expect.poll(() => dialog.getByText(/\d+ documents refer to/).count(), {timeout: 20_000}).toBeGreaterThan(0)
    await expect.poll(() => dialog.getByText('Ryu Donghyun').count(), {timeout: 20_000}).toBeGreaterThan(0)
    await dialog.getByRole('button', {name: 'Delete anyway'}).click()
    // ...and the lake refuses, naming them, as the hosted lake does.
    const toast = page.locator('[data-ui="Toast"]').filter({hasText: 'An error occurred while attempting to delete this document'})
    await toast.waitFor({timeout: 20_000})
    await toast.getByText('Details').click()
    await expect.poll(() => toast.innerText()).toMatch(/person-ryu-donghyun/)
    await screenshot(page, '12-referenced-office-not-deleted')
    expect(await client.fetch('count(*[_id == "office-kr"])', {}, {perspective: 'raw'})).toBe(1)
  }, 60_000)

  it('lets an editor create a release, add a version of an article, run the release, and the article is published', async () => {
    const page = await openAs('editor')
    await page.goto(`${studio.url}releases`)
    // The Releases tool may render its dialog again while it loads (seen in CI: the submit button was
    // detached and gone): the dialog is opened again until the release is made, and only one is made.
    await expect.poll(async () => {
      if (!(await page.getByTestId('release-form-title').isVisible())) await page.getByRole('button', {name: 'New release'}).first().click({timeout: 30_000})
      await page.getByTestId('release-form-title').fill('Spring update', {timeout: 10_000})
      await page.getByTestId('submit-release-button').click({timeout: 10_000})
      // The new release becomes the perspective the Studio edits in.
      await page.waitForURL(/perspective=r/, {timeout: 20_000})
      return true
    }, {timeout: 90_000, interval: 1000}).toBe(true)
    expect(studio.store.all().filter((doc) => doc._type === 'system.release' && (doc.metadata as {title?: string})?.title === 'Spring update')).toHaveLength(1)
    await page.getByRole('link', {name: 'Content'}).click()
    await page.getByTestId('pane-item-News desk').first().click({timeout: 30_000})
    await page.getByTestId('pane-item-IP News').last().click()
    await page.getByText('2023 Meeting of IP5 Deputy Heads of Office Held Online').first().click()
    await page.getByRole('button', {name: 'Add to release'}).click({timeout: 20_000})
    await page.locator('#title').fill('IP5 Deputy Heads meet online')
    await expect.poll(() => client.fetch('*[_id in path("versions.*.article-ip5-deputy-heads-2023")][0].title', {}, {perspective: 'raw'}), {timeout: 20_000}).toBe('IP5 Deputy Heads meet online')
    await screenshot(page, '13-article-in-release')

    await page.getByRole('link', {name: 'Releases'}).click()
    await page.getByText('Spring update').first().click({timeout: 20_000})
    await expect.poll(() => page.getByTestId('publish-all-button').isEnabled(), {timeout: 30_000}).toBe(true)
    // Under load the first click may come before the button acts on it (seen in CI: no dialog after 30 s):
    // the dialog is asked for again until its "Run release" is clicked.
    await expect.poll(async () => {
      const dialog = page.getByTestId('confirm-publish-dialog')
      if (!(await dialog.isVisible())) await page.getByTestId('publish-all-button').click({timeout: 10_000})
      await dialog.getByRole('button', {name: /Run release/}).click({timeout: 10_000})
      return true
    }, {timeout: 60_000, interval: 1000}).toBe(true)
    await expect
      .poll(() => client.fetch('*[_id == "article-ip5-deputy-heads-2023"][0].title', {}, {perspective: 'published'}), {timeout: 20_000})
      .toBe('IP5 Deputy Heads meet online')
    await expect.poll(() => page.getByText('This release is published successfully.').count(), {timeout: 20_000}).toBeGreaterThan(0)
    expect(await client.fetch('count(*[_id in path("versions.**")])', {}, {perspective: 'raw'})).toBe(0)
    await screenshot(page, '14-release-published')
  }, 120_000)

  it('keeps history across a restart: the history panel lists the publish', async () => {
    await restartStudio()
    const page = await openAs('editor')
    // The article the editor published earlier in this file.
    await openInStructure(page, 'News desk', 'IP News')
    await page.getByText('CNIPA and USPTO discuss examination practice').first().click()
    await page.getByText('Last published').click({timeout: 30_000})
    await page.getByText('History', {exact: true}).first().click()
    // Each event of the history list is a timeline item: the creation and the publish, kept on disk.
    const events = page.getByTestId('timeline-item-button')
    await expect.poll(() => events.filter({hasText: 'Published'}).count(), {timeout: 20_000}).toBeGreaterThan(0)
    expect(await page.getByText('Deleted by retention policy').count()).toBe(0)
    await screenshot(page, '15-history-after-restart')
  }, 120_000)

  it('searches like the hosted lake: "CNIPA" puts the office first, its former name "SIPO" finds it', async () => {
    const page = await openAs('editor')
    await page.goto(`${studio.url}content`)
    await openSearch(page)
    await page.keyboard.type('CNIPA')
    const results = page.getByTestId('search-results')
    await expect.poll(async () => (await results.innerText()).split('\n')[0], {timeout: 20_000}).toBe('CNIPA (CN) – China National Intellectual Property Administration')
    await screenshot(page, '16-search-cnipa')
    await page.keyboard.press('Control+A')
    await page.keyboard.type('SIPO')
    // Only the office has the former name: the list is that one office once the new search has answered.
    await expect.poll(async () => (await results.innerText()).split('\n'), {timeout: 20_000}).toEqual(['CNIPA (CN) – China National Intellectual Property Administration', 'National office · China · 国家知识产权局', 'Office'])
    await screenshot(page, '17-search-former-name')
  }, 60_000)

  // Runs last: by now the Studio has booted several times, listed, searched, edited, published and validated.
  it('records the endpoints the Studio called: none is unknown, none that it needs went uncalled, none failed', async () => {
    await pages.closeAll()
    // Streams (listeners) are recorded when they close.
    await expect.poll(() => requests.some((request) => request.endpoint === '/data/listen/:dataset'), {timeout: 10_000}).toBe(true)
    const endpoints = new Map<string, {method: string; endpoint: string; served: boolean; statuses: number[]}>()
    for (const request of requests) {
      const key = `${request.method} ${request.endpoint}`
      const entry = endpoints.get(key) ?? {method: request.method, endpoint: request.endpoint, served: request.served, statuses: []}
      if (!entry.statuses.includes(request.status)) entry.statuses.push(request.status)
      endpoints.set(key, entry)
    }
    const recorded = [...endpoints.values()].toSorted((a, b) => a.endpoint.localeCompare(b.endpoint))
    writeFileSync(`${artifacts}/studio-endpoints.json`, `${JSON.stringify(recorded, null, 2)}\n`)

    const unknown = recorded.filter((entry) => !entry.served && !OPTIONAL_ENDPOINTS.some(({pattern}) => pattern.test(entry.endpoint)))
    expect(unknown.map((entry) => `${entry.method} ${entry.endpoint}`), 'the Studio called endpoints the local Content Lake does not serve').toEqual([])
    const calledAndAnswered = new Set(recorded.filter((entry) => entry.served && entry.statuses.some((status) => status < 300)).map((entry) => entry.endpoint))
    expect(REQUIRED_ENDPOINTS.filter((endpoint) => !calledAndAnswered.has(endpoint)), 'endpoints the Studio needs but no longer called').toEqual([])
    const failing = recorded.filter((entry) => entry.served && entry.statuses.some((status) => status === 400 || status >= 500))
    expect(failing.map((entry) => `${entry.method} ${entry.endpoint} ${entry.statuses.join(',')}`), 'requests the local Content Lake could not answer').toEqual([])
  }, 30_000)
})
