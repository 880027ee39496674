import {execFile, spawn, type ChildProcess} from 'node:child_process'
import {randomUUID} from 'node:crypto'
import {rmSync} from 'node:fs'
import {join} from 'node:path'
import {promisify} from 'node:util'

export interface SiteOptions {
  /** The project folder (the site is its `site/` workspace). */
  root: string
  /** The port `next dev` listens on, on 127.0.0.1. */
  port: number
  /** The lake the site reads (published content, no token). */
  lakePort: number
  dataset: string
  /** The lake's certificate: the site's Node trusts exactly this one (NODE_EXTRA_CA_CERTS). */
  certificateFile: string
  /** The Studio the site's edit links (stega, in draft mode) open. */
  studioUrl: string
  log: (line: string) => void
}

export interface DevSite {
  url: string
  /** Rebuilds the package's dist/ the site reads (after a change to queries/ or jsonld/). */
  rebuildPackage: () => Promise<void>
  close: () => Promise<void>
}

const run = promisify(execFile)

/** The site's origin as browsers see it (the lake must allow it for the Live Content API). */
export const siteOrigin = (port: number) => `http://localhost:${port}`

/** The package's entry points the site imports (`sanity-plugin-ip-news/queries`, ...) live in dist/. */
export async function buildPackage(root: string): Promise<void> {
  await run(process.execPath, [join(root, 'scripts/build-package.ts')], {cwd: root})
}

/**
 * The reference site (`site/`) in Next.js's development server, reading the local lake. Resolves once it
 * listens; its first page compiles on the first request.
 */
export function startDevSite(options: SiteOptions): Promise<DevSite> {
  const url = siteOrigin(options.port)
  // Query results Next.js kept from an earlier run would outlive a reset of the dataset (--reset): none are kept.
  rmSync(join(options.root, 'site/.next/dev/cache/fetch-cache'), {recursive: true, force: true})
  // Its own process group: Ctrl-C reaches it through this process, which stops it with everything else.
  const child: ChildProcess = spawn(process.execPath, [join(options.root, 'node_modules/next/dist/bin/next'), 'dev', '--port', String(options.port), '--hostname', '127.0.0.1'], {
    cwd: join(options.root, 'site'),
    detached: true,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_EXTRA_CA_CERTS: options.certificateFile,
      SANITY_PROJECT_ID: 'local',
      SANITY_DATASET: options.dataset,
      SANITY_API_HOST: `https://localhost:${options.lakePort}`,
      SITE_URL: url,
      SANITY_STUDIO_URL: options.studioUrl,
      // Draft mode (the Studio's Presentation tool) reads with a token; the local lake takes any, so one
      // is made per run unless one is given. A server variable: never NEXT_PUBLIC_ or SANITY_STUDIO_.
      SANITY_API_READ_TOKEN: process.env.SANITY_API_READ_TOKEN || `local-${randomUUID()}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  // Never left behind, even when this process ends without stopping it.
  const stopOnExit = () => {
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {
        // Already gone.
      }
    }
  }
  process.once('exit', stopOnExit)
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)))
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {
        // Already gone.
      }
      await exited
    }
  }
  return new Promise((resolve, reject) => {
    let ready = false
    const read = (chunk: Buffer) => {
      const text = chunk.toString()
      if (ready) {
        // Once ready, only its errors are worth a line in the Studio's terminal.
        for (const line of text.split('\n')) if (/error|⨯/i.test(line)) options.log(`site: ${line.trim()}`)
        return
      }
      output += text
      if (/Ready in/.test(output)) {
        ready = true
        resolve({url, rebuildPackage: () => buildPackage(options.root), close})
      }
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    child.once('exit', (code, signal) => {
      if (!ready) reject(new Error(`The site did not start (next dev exited with ${code ?? signal}):\n${output.trim()}`))
    })
  })
}

/** A free port on the loopback address, for `--site-port 0`. */
export async function freeLoopbackPort(): Promise<number> {
  const {createServer} = await import('node:net')
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}
