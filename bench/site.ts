/**
 * The reference site's article page against a bare Next.js page rendering the same article from a JSON
 * file, in the same run, on the seed: HTML and JavaScript bytes (raw and gzip), server response time
 * (p50 and p95 of sequential requests), and Lighthouse's performance and accessibility scores (the npm
 * package, installed on first use into bench/.lighthouse, driving Debian's chromium, its desktop preset).
 * JavaScript is what Chromium loads for the page (playwright-core), including what it imports after hydrating.
 * Goals (issue 13): both scores at least 95, at most 1.2x the bare page's JavaScript.
 *
 *   npm run bench:site [-- --runs 30 --lighthouse-runs 3 --no-build]
 */
import {spawn} from 'node:child_process'
import {existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import {gzipSync} from 'node:zlib'

import {createClient} from '@sanity/client'
import {chromium, type Request} from 'playwright-core'

import {newsArticleJsonLd} from '../jsonld/index.ts'
import {chromiumLaunchOptions} from '../local-studio/chromium.ts'
import {articleBySlugQuery} from '../queries/index.ts'
import {projectRoot} from '../test/support/cli.ts'
import {startLake} from '../test/support/lake.ts'
import {buildSite, freePort, run, startSite, trustCertificate} from '../test/support/site.ts'

const {values} = parseArgs({
  allowNegative: true,
  options: {
    runs: {type: 'string', default: '30'},
    'lighthouse-runs': {type: 'string', default: '3'},
    build: {type: 'boolean', default: true},
  },
})
const runs = Number(values.runs)
const lighthouseRuns = Number(values['lighthouse-runs'])
const SLUG = '2023-meeting-of-ip5-deputy-heads-of-office-held-online'
const bareDir = join(projectRoot, 'bench/bare-site')
const lighthouseDir = join(projectRoot, 'bench/.lighthouse')
const certificateFile = join(projectRoot, 'test/.tmp/certificate/localhost.crt')
const next = join(projectRoot, 'node_modules/next/dist/bin/next')

/** Lighthouse and chrome-launcher, installed once into bench/.lighthouse (they are large, and only this bench needs them). */
async function loadLighthouse() {
  if (!existsSync(join(lighthouseDir, 'node_modules/lighthouse'))) {
    console.log('Installing Lighthouse into bench/.lighthouse (once) ...')
    mkdirSync(lighthouseDir, {recursive: true})
    writeFileSync(join(lighthouseDir, 'package.json'), JSON.stringify({name: 'lighthouse-runner', private: true}))
    await run('npm', ['install', '--no-audit', '--no-fund', '--no-save', 'lighthouse@13'], lighthouseDir)
  }
  const lighthouse = (await import(join(lighthouseDir, 'node_modules/lighthouse/core/index.js'))).default
  const chromeLauncher = await import(join(lighthouseDir, 'node_modules/chrome-launcher/dist/index.js'))
  // Lighthouse's own desktop preset: desktop screen, network and CPU (its default throttles as a phone).
  const desktopConfig = (await import(join(lighthouseDir, 'node_modules/lighthouse/core/config/desktop-config.js'))).default
  return {lighthouse, chromeLauncher, desktopConfig}
}

interface Figures {
  htmlBytes: number
  htmlGzip: number
  jsBytes: number
  jsGzip: number
  scripts: number
  p50: number
  p95: number
  performance: number
  accessibility: number
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
const median = (numbers: number[]) => percentile(numbers.toSorted((a, b) => a - b), 50)

async function measure(url: string, lighthouse: Awaited<ReturnType<typeof loadLighthouse>>): Promise<Figures> {
  const html = await (await fetch(url)).text()
  // Every script the page loads in Chromium, those it imports after hydrating (lazy client components) included.
  const browser = await chromium.launch(chromiumLaunchOptions)
  const bodies: Buffer[] = []
  try {
    const page = await (await browser.newContext({ignoreHTTPSErrors: true})).newPage()
    const pending: Promise<void>[] = []
    // Scripts requested and not yet settled, and when one last started or settled.
    const scripts = {loading: 0, lastAt: performance.now()}
    const isScript = (request: Request) => request.resourceType() === 'script'
    const track = (change: number) => (request: Request) => {
      if (!isScript(request)) return
      scripts.loading += change
      scripts.lastAt = performance.now()
    }
    page.on('request', track(1))
    page.on('requestfinished', track(-1))
    page.on('requestfailed', track(-1))
    page.on('response', (response) => {
      if (isScript(response.request())) pending.push(response.body().then((body) => void bodies.push(body)))
    })
    await page.goto(url, {waitUntil: 'networkidle'})
    // On a loaded machine the page may hydrate (and import what it loads after hydrating) well after the
    // network first went quiet: wait for its main thread to be idle, then for no script to load for 2 s.
    await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve())))
    const quiet = () => scripts.loading === 0 && performance.now() - scripts.lastAt >= 2000
    while (!quiet()) await page.waitForTimeout(200)
    await Promise.all(pending)
  } finally {
    await browser.close()
  }
  const times: number[] = []
  for (let index = 0; index < runs; index++) {
    const started = performance.now()
    await (await fetch(url)).text()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  const scores = {performance: [] as number[], accessibility: [] as number[]}
  for (let index = 0; index < lighthouseRuns; index++) {
    const chrome = await lighthouse.chromeLauncher.launch({chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu']})
    try {
      const result = await lighthouse.lighthouse(url, {port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility']}, lighthouse.desktopConfig)
      if (result?.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.message}`)
      scores.performance.push(Math.round(result!.lhr.categories.performance!.score! * 100))
      scores.accessibility.push(Math.round(result!.lhr.categories.accessibility!.score! * 100))
    } finally {
      await chrome.kill()
    }
  }
  const gzip = (text: string | Buffer) => gzipSync(text).length
  return {
    htmlBytes: Buffer.byteLength(html),
    htmlGzip: gzip(html),
    jsBytes: bodies.reduce((sum, body) => sum + body.length, 0),
    jsGzip: bodies.reduce((sum, body) => sum + gzip(body), 0),
    scripts: bodies.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    performance: median(scores.performance),
    accessibility: median(scores.accessibility),
  }
}

const lighthouse = await loadLighthouse()
const sitePort = await freePort()
const lake = await startLake({corsOrigins: [`http://localhost:${sitePort}`]})
trustCertificate(certificateFile)
const stops: (() => Promise<void>)[] = [() => lake.close()]
try {
  // The bare page's data: the article exactly as the site's query gives it, and its JSON-LD.
  const client = createClient({projectId: 'local', dataset: 'production', apiHost: `https://localhost:${lake.port}`, useProjectHostname: false, useCdn: false, apiVersion: '2025-02-19', perspective: 'published'})
  const article = await client.fetch(articleBySlugQuery, {slug: SLUG, language: 'en'})
  if (!article) throw new Error(`The seed has no article ${SLUG}`)
  const jsonLd = newsArticleJsonLd(article, {siteUrl: 'http://localhost', publisher: {name: 'IP News', url: 'http://localhost'}})
  writeFileSync(join(bareDir, 'article.json'), JSON.stringify({article, jsonLd}))
  rmSync(join(bareDir, 'node_modules'), {force: true, recursive: true})
  symlinkSync(join(projectRoot, 'node_modules'), join(bareDir, 'node_modules'), 'dir')

  if (values.build || !existsSync(join(projectRoot, 'site/.next'))) {
    const built = await buildSite()
    console.log(`site built in ${((built.packageMs + built.nextMs) / 1000).toFixed(1)} s (package ${(built.packageMs / 1000).toFixed(1)} s, next build ${(built.nextMs / 1000).toFixed(1)} s)`)
  }
  if (values.build || !existsSync(join(bareDir, '.next'))) {
    const started = performance.now()
    await run(process.execPath, [next, 'build'], bareDir)
    console.log(`bare page built in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  }

  const site = await startSite({port: sitePort, lakePort: lake.port, certificateFile})
  stops.unshift(() => site.close())
  const barePort = await freePort()
  const bare = spawn(process.execPath, [next, 'start', '--port', String(barePort), '--hostname', '127.0.0.1'], {cwd: bareDir, env: {...process.env, NEXT_TELEMETRY_DISABLED: '1'}, stdio: ['ignore', 'pipe', 'pipe']})
  stops.unshift(async () => {
    bare.kill('SIGTERM')
    await new Promise((resolve) => bare.once('exit', resolve))
  })
  await new Promise<void>((resolve) => {
    let output = ''
    const read = (chunk: Buffer) => {
      output += chunk
      if (/Ready in/.test(output)) resolve()
    }
    bare.stdout!.on('data', read)
    bare.stderr!.on('data', read)
  })

  const siteFigures = await measure(`${site.url}/en/articles/${SLUG}`, lighthouse)
  const bareFigures = await measure(`http://127.0.0.1:${barePort}/`, lighthouse)
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
  const row = (name: string, ofSite: string, ofBare: string, ratio: string, goal = '') => console.log(`${name.padEnd(26)} ${ofSite.padStart(12)} ${ofBare.padStart(12)} ${ratio.padStart(8)}  ${goal}`)
  console.log(`\nArticle page, seed data, ${runs} requests, Lighthouse median of ${lighthouseRuns} (desktop) (${new Date().toISOString().slice(0, 10)}, Node ${process.version})\n`)
  row('', 'site', 'bare page', 'ratio')
  row('HTML', kb(siteFigures.htmlBytes), kb(bareFigures.htmlBytes), (siteFigures.htmlBytes / bareFigures.htmlBytes).toFixed(2))
  row('HTML gzip', kb(siteFigures.htmlGzip), kb(bareFigures.htmlGzip), (siteFigures.htmlGzip / bareFigures.htmlGzip).toFixed(2))
  const jsRatio = siteFigures.jsBytes / bareFigures.jsBytes
  row(`JavaScript (${siteFigures.scripts} / ${bareFigures.scripts} files)`, kb(siteFigures.jsBytes), kb(bareFigures.jsBytes), jsRatio.toFixed(2), `goal <= 1.2x: ${jsRatio <= 1.2 ? 'met' : 'NOT met'}`)
  row('JavaScript gzip', kb(siteFigures.jsGzip), kb(bareFigures.jsGzip), (siteFigures.jsGzip / bareFigures.jsGzip).toFixed(2))
  row('response p50', `${siteFigures.p50.toFixed(1)} ms`, `${bareFigures.p50.toFixed(1)} ms`, (siteFigures.p50 / bareFigures.p50).toFixed(2))
  row('response p95', `${siteFigures.p95.toFixed(1)} ms`, `${bareFigures.p95.toFixed(1)} ms`, (siteFigures.p95 / bareFigures.p95).toFixed(2))
  row('Lighthouse performance', String(siteFigures.performance), String(bareFigures.performance), '', `goal >= 95: ${siteFigures.performance >= 95 ? 'met' : 'NOT met'}`)
  row('Lighthouse accessibility', String(siteFigures.accessibility), String(bareFigures.accessibility), '', `goal >= 95: ${siteFigures.accessibility >= 95 ? 'met' : 'NOT met'}`)
} finally {
  for (const stop of stops) await stop()
}
