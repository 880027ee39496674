/**
 * Time from `npm run dev` to the document list visible in Chromium (Content → News desk → IP News shows
 * the seed article), on this machine: a cold start (fresh data folder: seed and Studio build) and a warm
 * one (the build reused), next to a baseline run in the same session: the local Content Lake with
 * Sanity's own `sanity dev` (Vite, hot reload). Target: at most 10 s.
 *
 *   npm run bench:dev [-- --runs 3]
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {parseArgs} from 'node:util'

import {chromium, type Browser} from 'playwright-core'

import {chromiumLaunchOptions} from '../local-studio/chromium.ts'

const {values} = parseArgs({options: {runs: {type: 'string', default: '3'}}})
const runs = Number(values.runs)
const root = resolve(import.meta.dirname, '..')
const TARGET_MS = 10_000

function start(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, args, {cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, DO_NOT_TRACK: '1', SANITY_STUDIO_PROJECT_ID: '', ...env}})
}

function waitFor(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  let output = ''
  return new Promise((resolvePattern, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const match = pattern.exec(output)
      if (match) resolvePattern(match)
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)))
  })
}

async function stop(...children: ChildProcess[]) {
  await Promise.all(children.map((child) => new Promise((done) => (child.once('exit', done), child.kill('SIGINT')))))
}

/** Opens the Studio and clicks to the IP News list; resolves when the seed article is on screen. */
async function listVisible(browser: Browser, url: string) {
  const context = await browser.newContext({ignoreHTTPSErrors: true, viewport: {width: 1440, height: 900}})
  const page = await context.newPage()
  await page.goto(url)
  await page.getByTestId('pane-item-News desk').first().click({timeout: 120_000})
  await page.getByTestId('pane-item-IP News').click()
  await page.getByText('2023 Meeting of IP5 Deputy Heads of Office Held Online').first().waitFor({timeout: 60_000})
  await context.close()
}

/** `npm run dev` on a data folder: milliseconds from the command to the list. */
async function timeDev(browser: Browser, data: string): Promise<number> {
  const started = performance.now()
  const child = start(['scripts/dev.ts', '--port', '0', '--data', data, '--no-watch'])
  const [, port] = await waitFor(child, /Studio\s+https:\/\/local\.localhost:(\d+)\//)
  await listVisible(browser, `https://local.localhost:${port}/content`)
  const ms = performance.now() - started
  await stop(child)
  return ms
}

/** Baseline: the lake alone plus `sanity dev` pointed at it, both started at once. */
async function timeSanityDev(browser: Browser, data: string): Promise<number> {
  const lakePort = 3399
  const studioPort = 3398
  const started = performance.now()
  const lake = start(['scripts/content-lake.ts', '--port', String(lakePort), '--data', data])
  const studio = start([join(root, 'node_modules/.bin/sanity'), 'dev', '--port', String(studioPort)], {SANITY_STUDIO_API_HOST: `https://localhost:${lakePort}`})
  await Promise.all([waitFor(lake, /Local Content Lake:/), waitFor(studio, /running at/)])
  await listVisible(browser, `http://localhost:${studioPort}/content`)
  const ms = performance.now() - started
  await stop(lake, studio)
  return ms
}

const median = (samples: number[]) => samples.toSorted((a, b) => a - b)[Math.floor(samples.length / 2)]!
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

const browser = await chromium.launch(chromiumLaunchOptions)
const folders: string[] = []
const folder = () => {
  const path = mkdtempSync(join(tmpdir(), 'bench-dev-'))
  folders.push(path)
  return path
}
try {
  const cold: number[] = []
  const warm: number[] = []
  const baseline: number[] = []
  for (let run = 0; run < runs; run++) {
    const data = folder()
    cold.push(await timeDev(browser, data))
    warm.push(await timeDev(browser, data))
    baseline.push(await timeSanityDev(browser, folder()))
  }
  console.log(`From the command to the IP News list in Chromium, median of ${runs} (2 cores):`)
  console.log(`  npm run dev, first start (seed + Studio build)  ${seconds(median(cold))}  ${median(cold) <= TARGET_MS ? 'within' : 'OVER'} the 10 s target`)
  console.log(`  npm run dev, later starts (build reused)        ${seconds(median(warm))}  ${median(warm) <= TARGET_MS ? 'within' : 'OVER'} the 10 s target`)
  console.log(`  baseline: lake + sanity dev (Vite)              ${seconds(median(baseline))}`)
  console.log(`  ratio baseline / npm run dev: first ${(median(baseline) / median(cold)).toFixed(2)}x, later ${(median(baseline) / median(warm)).toFixed(2)}x`)
} finally {
  await browser.close()
  for (const path of folders) rmSync(path, {recursive: true, force: true})
}
