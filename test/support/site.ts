import {spawn, type ChildProcess} from 'node:child_process'
import {readFileSync, rmSync} from 'node:fs'
import {createServer} from 'node:net'
import {getCACertificates, setDefaultCACertificates} from 'node:tls'

import {projectRoot} from './cli.ts'

export const siteDir = `${projectRoot}site`

/** The Studio the site under test names in its edit links (draft mode), unless told the one its lake serves. */
export const SITE_TEST_STUDIO_URL = 'https://local.localhost:3334'

/**
 * A free TCP port on the loopback address (the site's origin must be known before the lake starts):
 * `preferred` if it is free, else any.
 */
export function freePort(preferred = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', (error: NodeJS.ErrnoException) => (preferred && error.code === 'EADDRINUSE' ? resolve(freePort()) : reject(error)))
    server.listen(preferred, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** Trusts exactly the lake's self-signed certificate in this process (for @sanity/client and fetch), nothing more. */
export function trustCertificate(certificateFile: string) {
  setDefaultCACertificates([...getCACertificates('default'), readFileSync(certificateFile, 'utf8')])
}

/** Runs a command to its end, with Next.js telemetry off; resolves with its output, rejects with it on a non-zero exit. */
export function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd, env: {...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env}, stdio: ['ignore', 'pipe', 'pipe']})
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk))
    child.once('error', reject)
    child.once('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`))))
  })
}

/** `npm run build -w site` as its scripts run it: the package's dist/ (build:package), then `next build`. Returns the times. */
export async function buildSite(): Promise<{packageMs: number; nextMs: number}> {
  let started = performance.now()
  await run(process.execPath, ['scripts/build-package.ts'], projectRoot)
  const packageMs = performance.now() - started
  started = performance.now()
  await run(process.execPath, [`${projectRoot}node_modules/next/dist/bin/next`, 'build'], siteDir)
  return {packageMs, nextMs: performance.now() - started}
}

export interface RunningSite {
  url: string
  child: ChildProcess
  output: () => string
  close: () => Promise<void>
}

/**
 * `next start` on the built site, on 127.0.0.1, reading the lake at `lakePort` and trusting exactly its
 * certificate (NODE_EXTRA_CA_CERTS), without a token.
 */
export function startSite({port, lakePort, certificateFile, studioUrl = SITE_TEST_STUDIO_URL}: {port: number; lakePort: number; certificateFile: string; studioUrl?: string}): Promise<RunningSite> {
  const url = `http://localhost:${port}`
  // As `npm run start -w site` does (prestart): no query results from an earlier run.
  rmSync(`${siteDir}/.next/cache/fetch-cache`, {recursive: true, force: true})
  const child = spawn(process.execPath, [`${projectRoot}node_modules/next/dist/bin/next`, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: siteDir,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_EXTRA_CA_CERTS: certificateFile,
      SANITY_PROJECT_ID: 'local',
      SANITY_DATASET: 'production',
      SANITY_API_HOST: `https://localhost:${lakePort}`,
      SITE_URL: url,
      // Draft mode's token (the local lake takes any) and the Studio its edit links open.
      SANITY_API_READ_TOKEN: 'site-test-read-token',
      SANITY_STUDIO_URL: studioUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
  }
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk
      if (/Ready in/.test(output)) resolve({url, child, output: () => output, close})
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    void exited.then(() => reject(new Error(`next start exited before it was ready:\n${output}`)))
  })
}
