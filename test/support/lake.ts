import {spawn, type ChildProcess} from 'node:child_process'
import {mkdtempSync} from 'node:fs'
import {request as httpsRequest} from 'node:https'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {localCertificate} from '../../content-lake/http/certificate.ts'
import {createLakeServer, type LakeServerOptions} from '../../content-lake/http/server.ts'
import {DocumentStore, type Doc} from '../../content-lake/store/document-store.ts'
import {IP_NEWS_USERS} from '../../local-studio/roles.ts'
import {projectRoot} from './cli.ts'
import {seed} from './seed.ts'

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  // oxlint-disable-next-line typescript/no-explicit-any -- tests read whatever JSON the lake answers
  json: () => any
}

export interface RawRequest {
  method?: string
  headers?: Record<string, string>
  body?: string | Buffer
}

/** Where the Studio e2e files keep the one Studio build they share (the site test builds its own, for its port). */
export const E2E_STUDIO_CACHE = `${projectRoot}test/.tmp/e2e-studio`

/** The token the tests' clients send (the local lake takes any); requests without one are anonymous. */
export const TEST_TOKEN = 'local-test-token'
/** The header a client sends with that token. */
export const TEST_AUTHORIZATION = {authorization: `Bearer ${TEST_TOKEN}`}

/**
 * A request exactly as given (any Host, Origin or content type, which fetch would not all send), over
 * HTTP/1.1 to the lake on 127.0.0.1, with the tests' token unless `authorization` is given ('' for none).
 * The lake's certificate is self-signed: this talks to it alone.
 */
export function raw(port: number, path: string, {method = 'GET', headers = {}, body}: RawRequest = {}): Promise<RawResponse> {
  const sent: Record<string, string> = {host: `localhost:${port}`, ...TEST_AUTHORIZATION, ...headers}
  if (sent.authorization === '') delete sent.authorization
  return new Promise((resolve, reject) => {
    const req = httpsRequest({host: '127.0.0.1', port, path, method, headers: sent, rejectUnauthorized: false, agent: false}, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        resolve({status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text)})
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** A JSON POST to the lake, as @sanity/client sends one. */
export function postJson(port: number, path: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return raw(port, path, {method: 'POST', headers: {'content-type': 'application/json', ...headers}, body: JSON.stringify(body)})
}

export interface InProcessLake {
  port: number
  store: DocumentStore
  directory: string
  close: () => Promise<void>
}

/**
 * The lake in this process on a fresh copy of the seed, with the IP-news roles; or, given the
 * `directory` of a lake that was closed, on its data again (a restart).
 */
export async function startLake({directory = mkdtempSync(join(tmpdir(), 'lake-safety-')), ...options}: Partial<LakeServerOptions> & {directory?: string} = {}): Promise<InProcessLake> {
  const store = DocumentStore.open(directory, () => structuredClone(seed) as Doc[])
  const server = await createLakeServer({
    store,
    projectId: 'local',
    dataset: 'production',
    certificate: localCertificate(`${projectRoot}test/.tmp/certificate`),
    port: 0,
    users: IP_NEWS_USERS,
    ...options,
  })
  return {
    port: server.port,
    store,
    directory,
    close: async () => {
      await server.close()
      store.close()
    },
  }
}

export interface LakeProcess {
  child: ChildProcess
  port: number
  output: () => string
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string | null>
}

/**
 * `npm run lake` as a separate process (scripts/content-lake.ts), optionally under a shell prefix such
 * as `ulimit -f 64`. Resolves once it listens; rejects with its output if it exits first.
 */
export function spawnLake(dataDir: string, args: string[] = [], shellPrefix = ''): Promise<LakeProcess> {
  const command = `${shellPrefix ? `${shellPrefix}; ` : ''}exec "${process.execPath}" scripts/content-lake.ts --port 0 --data "${dataDir}" ${args.map((arg) => `'${arg}'`).join(' ')}`
  const child = spawn('bash', ['-c', command], {cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe']})
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk))
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)))
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', () => {
      const match = /Local Content Lake: https:\/\/localhost:(\d+)/.exec(output)
      if (match) resolve({child, port: Number(match[1]), output: () => output, exited})
    })
    void exited.then((code) => reject(new Error(`the lake exited (${code}) before it listened:\n${output}`)))
  })
}

/** Runs the lake command to its end (for start-up failures) and returns its exit code and output. */
export async function runLakeToExit(dataDir: string, args: string[] = []): Promise<{code: number | string | null; output: string}> {
  const child = spawn(process.execPath, ['scripts/content-lake.ts', '--port', '0', '--data', dataDir, ...args], {cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe']})
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk
    // It started after all: stop it, the caller wanted to see whether it could.
    if (output.includes('Local Content Lake: https://')) child.kill('SIGTERM')
  })
  child.stderr.on('data', (chunk: Buffer) => (output += chunk))
  const code = await new Promise<number | string | null>((resolve) => child.once('exit', (exitCode, signal) => resolve(exitCode ?? signal)))
  return {code, output}
}

export const freshDataDir = () => mkdtempSync(join(tmpdir(), 'lake-process-'))
