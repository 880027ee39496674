/**
 * The Studio for development. With no Sanity project configured (the embedded default), it starts the
 * local Content Lake on the seed dataset and serves a Studio built for it; with SANITY_STUDIO_PROJECT_ID
 * set, it runs `sanity dev` against that hosted project. Ctrl-C stops everything.
 *
 *   npm run dev [-- --port 3334] [--reset] [--as editor] [--data .content-lake] [--no-watch]
 *               [--cors-origin http://localhost:4000 ...] [--site-port 3000] [--no-site]
 *
 * Offline it also starts the reference site (site/, Next.js's dev server) on http://localhost:3000,
 * reading the lake's published content; --no-site leaves it out.
 */
import {spawn} from 'node:child_process'
import {watch, type FSWatcher} from 'node:fs'
import {join, relative, resolve} from 'node:path'
import {parseArgs} from 'node:util'

import {isLocalRole, LOCAL_USERS} from '../content-lake/http/identity.ts'
import {normalizeOrigin} from '../content-lake/http/origins.ts'
import {buildPackage, freeLoopbackPort, siteOrigin, startDevSite, type DevSite} from '../local-studio/site.ts'
import {LOCAL_PROJECT_ID, startLocalStudio, surviveFileSizeLimits} from '../local-studio/start.ts'
import {STUDIO_SOURCES} from '../local-studio/studio-build.ts'

const root = resolve(import.meta.dirname, '..')
const projectId = process.env.SANITY_STUDIO_PROJECT_ID
if (projectId && projectId !== LOCAL_PROJECT_ID) {
  // A hosted project: Sanity's own dev server, exactly as without this package's local default.
  const child = spawn(process.execPath, [join(root, 'node_modules/.bin/sanity'), 'dev', ...process.argv.slice(2)], {cwd: root, stdio: 'inherit'})
  // A terminal's Ctrl-C reaches both; a signal sent to this process alone must reach Sanity's server too.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
  child.on('close', (code) => process.exit(code ?? 1))
} else {
  await runLocal()
}

async function runLocal() {
  const {values} = parseArgs({
    allowNegative: true,
    options: {
      port: {type: 'string', default: '3334'},
      reset: {type: 'boolean', default: false},
      as: {type: 'string', default: 'administrator'},
      data: {type: 'string', default: '.content-lake'},
      watch: {type: 'boolean', default: true},
      'cors-origin': {type: 'string', multiple: true, default: []},
      site: {type: 'boolean', default: true},
      'site-port': {type: 'string', default: '3000'},
    },
  })
  if (!isLocalRole(values.as)) {
    console.error(`--as ${values.as}: choose one of ${Object.keys(LOCAL_USERS).join(', ')}`)
    process.exit(2)
  }
  let corsOrigins: string[] = []
  try {
    corsOrigins = values['cors-origin'].map(normalizeOrigin)
  } catch (error) {
    console.error(`--cors-origin: ${(error as Error).message}`)
    process.exit(2)
  }
  const sitePortOption = Number(values['site-port'])
  if (!Number.isInteger(sitePortOption) || sitePortOption < 0 || sitePortOption > 65_535) {
    console.error(`--site-port ${values['site-port']}: give a port number (0 picks a free one)`)
    process.exit(2)
  }
  surviveFileSizeLimits()
  const started = performance.now()
  const dataDir = resolve(values.data)
  const dataset = process.env.SANITY_STUDIO_DATASET || 'production'
  // The site's origin is allowed on the lake (its pages open the Live Content API from the browser).
  const sitePort = values.site ? sitePortOption || (await freeLoopbackPort()) : 0
  if (values.site && !corsOrigins.includes(siteOrigin(sitePort))) corsOrigins.push(siteOrigin(sitePort))
  // The site imports the package's built entry points: built beside the Studio's start.
  const packageBuilt = values.site ? buildPackage(root).then(() => undefined, (error: unknown) => error as Error) : undefined
  const studio = await startLocalStudio({
    root,
    dataDir,
    dataset,
    port: Number(values.port),
    role: values.as,
    reset: values.reset,
    corsOrigins,
    log: (line) => console.log(line),
  }).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code
    console.error(code === 'EADDRINUSE' ? `Port ${values.port} is taken: stop what uses it or pass --port <n>.` : String((error as Error).message ?? error))
    process.exit(1)
  })
  // The site starts once the lake listens, without holding up the Studio: its line follows when it is ready.
  let site: DevSite | undefined
  const siteStarted = values.site
    ? (async () => {
        const failed = await packageBuilt
        if (failed) throw new Error(`npm run build:package failed:\n${(failed as Error & {stderr?: string}).stderr ?? failed.message}`)
        site = await startDevSite({root, port: sitePort, lakePort: studio.port, dataset, certificateFile: join(studio.certificateDir, 'localhost.crt'), studioUrl: studio.url, log: (line) => console.error(line)})
        return site
      })()
    : undefined
  const shown = (path: string) => (relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path) || '.')
  const apiHost = `https://localhost:${studio.port}`
  console.log(`
IP News Studio on the local Content Lake, ready in ${((performance.now() - started) / 1000).toFixed(1)} s (no Sanity account needed)

  Studio       ${studio.url}
${values.site ? `  Site         ${siteOrigin(sitePort)}/en (starting: the reference site, site/, in Next.js's dev server; published content, live)\n` : ''}  You are      ${LOCAL_USERS[values.as].name}; to act as an editor, open ${studio.url}local/act-as/editor (administrator: …/local/act-as/administrator)
  Dataset      "${dataset}", ${studio.store.size} documents, kept in ${shown(join(dataDir, dataset))} (npm run dev -- --reset reseeds it)
  Certificate  self-signed, in ${shown(studio.certificateDir)}: the browser warns once; choose "Advanced", then
               "Proceed to ${LOCAL_PROJECT_ID}.localhost" (a leaf certificate for this machine's names only).
  Sites        createClient({projectId: '${LOCAL_PROJECT_ID}', dataset: '${dataset}', apiHost: '${apiHost}', useProjectHostname: false,
                 useCdn: false, apiVersion: '2025-02-19'})
               with NODE_EXTRA_CA_CERTS=${shown(join(studio.certificateDir, 'localhost.crt'))} in Node. Without a token it
               reads published documents whose ids have no "." (as a hosted public dataset); add token: '<any>' for
               drafts and writes (the local lake takes any token).

Ctrl-C stops the Studio${values.site ? ', the site' : ''} and the Content Lake.`)
  if (siteStarted) {
    void (async () => {
      try {
        const running = await siteStarted
        console.log(`Site ready: ${running.url}/en and ${running.url}/zh-Hans (its pages compile on first visit). Live updates need the lake's certificate accepted in the browser: open https://localhost:${studio.port}/v1/ping once.`)
      } catch (error) {
        console.error(`The site did not start (the Studio runs on): ${(error as Error).message}`)
      }
    })()
  }

  // A change to the queries or JSON-LD rebuilds the package's dist/ as well, which the site's dev server picks up.
  const rebuild = async () => {
    const [built] = await Promise.all([
      studio.rebuild(),
      site?.rebuildPackage().catch((error: unknown) => console.error(`The package did not build; the site keeps the last good dist/.\n${(error as Error).message}`)),
    ])
    return built
  }
  const watchers: FSWatcher[] = values.watch ? watchSources(rebuild) : []
  if (values.watch) console.log('Studio sources are watched: after a change the Studio is rebuilt; reload the page to see it.')

  const stop = async () => {
    for (const watcher of watchers) watcher.close()
    await siteStarted?.catch(() => undefined)
    await Promise.all([site?.close(), studio.close()])
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

/** Rebuilds after the sources settle, one build at a time. */
function watchSources(rebuild: () => Promise<boolean>): FSWatcher[] {
  let timer: NodeJS.Timeout | undefined
  let running = Promise.resolve()
  const rebuildAndTell = async () => {
    try {
      if (await rebuild()) console.log('Studio rebuilt: reload the page.')
    } catch (error) {
      console.error(`The Studio did not build; still serving the last good build.\n${(error as Error).message}`)
    }
  }
  const schedule = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      running = running.then(rebuildAndTell)
    }, 400)
  }
  return STUDIO_SOURCES.map((path) => watch(join(root, path), {recursive: true}, schedule))
}
