/**
 * What the Studio's browser tests (studio.test.ts, translations.test.ts) share: pages acting as a local
 * user, the structure tool, autocompletes that a loaded machine closes under the pointer, and what a
 * failed test leaves behind to read (a screenshot of each open page, the lake's failed answers).
 */
import type {Browser, BrowserContext, Locator, Page} from 'playwright-core'
import {afterEach, beforeEach} from 'vitest'

import {ACT_AS_COOKIE, type LocalRole} from '../../content-lake/http/identity.ts'
import type {ServedRequest} from '../../content-lake/http/server.ts'
import {projectRoot} from '../support/cli.ts'
import {OPTIONAL_ENDPOINTS} from './studio-endpoints.ts'

export const artifacts = `${projectRoot}test/artifacts`

export const screenshot = (page: Page, name: string) => page.screenshot({path: `${artifacts}/${name}.png`})

/** Browser profiles on one Studio, each acting as one of the local users, closed together. */
export class StudioPages {
  private readonly contexts: BrowserContext[] = []
  private readonly browser: () => Browser
  private readonly studioUrl: () => string

  /** Both are read when a page opens: the browser and the Studio start in beforeAll, after this is made. */
  constructor(browser: () => Browser, studioUrl: () => string) {
    this.browser = browser
    this.studioUrl = studioUrl
  }

  /** A fresh browser profile acting as `role` (the act-as cookie `npm run dev` documents). */
  async openAs(role: LocalRole): Promise<Page> {
    const context = await this.browser().newContext({ignoreHTTPSErrors: true, viewport: {width: 1440, height: 900}})
    this.contexts.push(context)
    await context.addCookies([{name: ACT_AS_COOKIE, value: role, url: this.studioUrl(), secure: true, sameSite: 'Lax'}])
    return context.newPage()
  }

  /** Opens the structure tool and clicks through its lists by title, e.g. Reference data → Forums. */
  async openInStructure(page: Page, ...titles: string[]) {
    await page.goto(`${this.studioUrl()}content`)
    for (const [index, title] of titles.entries()) {
      // The top list's item is the first with its title; a later list's item the last.
      const item = page.getByTestId(`pane-item-${title}`)
      await (index === 0 ? item.first() : item.last()).click({timeout: 30_000})
    }
  }

  /** Screenshots of every open page, named after the failed test, to see what it saw. */
  async screenshotAll(name: string) {
    const pages = this.contexts.flatMap((context) => context.pages())
    for (const [index, page] of pages.entries()) {
      await page.screenshot({path: `${artifacts}/failed-${name}-${index + 1}.png`}).catch(() => {})
    }
  }

  async closeAll() {
    for (const context of this.contexts.splice(0)) await context.close()
  }
}

const TYPE_AGAIN_AFTER_MS = 10_000

/**
 * Types `query` into an autocomplete until `option` is offered, typing it again when no answer came.
 * On a loaded machine the Studio has been seen to drop a keystroke's search or to re-render the field
 * and close its list; an editor would type again, and so does this.
 */
export async function typeUntilOffered(input: Locator, query: string, option: Locator, timeoutMs = 45_000) {
  const giveUpAt = Date.now() + timeoutMs
  for (;;) {
    await input.fill('')
    await input.fill(query)
    try {
      await option.first().waitFor({state: 'visible', timeout: Math.min(TYPE_AGAIN_AFTER_MS, Math.max(1, giveUpAt - Date.now()))})
      return
    } catch (error) {
      if (Date.now() >= giveUpAt) throw new Error(`Typed "${query}" for ${timeoutMs} ms and the option never showed`, {cause: error})
    }
  }
}

/** Types `query` into an autocomplete and picks `option`, typing again if its list closed before the click. */
export async function pickOption(input: Locator, query: string, option: Locator, timeoutMs = 45_000) {
  const giveUpAt = Date.now() + timeoutMs
  for (;;) {
    await typeUntilOffered(input, query, option, Math.max(1, giveUpAt - Date.now()))
    try {
      await option.first().click({timeout: 5_000})
      return
    } catch (error) {
      if (Date.now() >= giveUpAt) throw error
    }
  }
}

/** The API answers no test expects: 500 and up, and 4xx other than the hosted-only services' 404s. */
export function failedAnswers(requests: ServedRequest[]): string[] {
  return requests
    .filter((request) => request.status >= 500 || (request.status >= 400 && !(request.status === 404 && OPTIONAL_ENDPOINTS.some(({pattern}) => pattern.test(request.endpoint)))))
    .map((request) => `${request.method} ${request.endpoint} ${request.status}`)
}

/**
 * After a failed test, what it saw: a screenshot of each open page (test/artifacts/failed-*.png), and
 * the lake's failed answers while it ran, printed beside the failure (CI keeps only what is printed).
 */
export function reportFailedTests(pages: StudioPages, requests: ServedRequest[]) {
  let firstRequest = 0
  beforeEach(() => {
    firstRequest = requests.length
  })
  afterEach(async ({task}) => {
    if (task.result?.state !== 'fail') return
    await pages.screenshotAll(task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60))
    const failed = failedAnswers(requests.slice(firstRequest))
    console.log(`"${task.name}" failed; the lake's failed answers while it ran: ${failed.length > 0 ? failed.join(', ') : 'none'}`)
  })
}
