import {spawn, type ChildProcess} from 'node:child_process'
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {expect, it} from 'vitest'

import {projectRoot} from '../support/cli.ts'

// The local certificate is self-signed; this test process talks only to its own server on 127.0.0.1.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'

interface Started {
  child: ChildProcess
  output: () => string
  base: string
}

/** `npm run dev` as a person runs it, on a free port, until it prints the Studio's address. */
function startDev(data: string, extra: string[] = [], {site = false} = {}): Promise<Started> {
  const child = spawn(process.execPath, ['scripts/dev.ts', '--port', '0', '--data', data, '--no-watch', ...(site ? ['--site-port', '0'] : ['--no-site']), ...extra], {cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, SANITY_STUDIO_PROJECT_ID: ''}})
  let output = ''
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Studio\s+https:\/\/local\.localhost:(\d+)\//.exec(output)
      if (match) resolve({child, output: () => output, base: `https://127.0.0.1:${match[1]}`})
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    child.once('exit', (code) => reject(new Error(`exited with ${code} before it was ready:\n${output}`)))
  })
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  child.kill('SIGINT')
  return exited
}

it('`npm run dev` seeds, builds the Studio once, serves it with the API on one origin, keeps edits and stops on Ctrl-C', async () => {
  const data = mkdtempSync(join(tmpdir(), 'dev-command-'))
  const first = await startDev(data)
  expect(first.output()).toContain('Building the Studio')
  expect(first.output()).toMatch(/Dataset\s+"production", 35 documents/)
  expect(first.output()).toContain('the browser warns once')
  expect(first.output()).toContain('local/act-as/editor')

  const page = await fetch(`${first.base}/content/articles`)
  expect(page.status).toBe(200)
  expect(await page.text()).toContain('<div id="sanity"')
  // Opening the Studio logs the browser in: its session cookie; without it a request is anonymous.
  const session = page.headers.getSetCookie()[0]!.split(';')[0]!
  expect(await (await fetch(`${first.base}/v2025-02-19/users/me`)).json()).toEqual({})
  const me = await fetch(`${first.base}/v2025-02-19/users/me`, {headers: {cookie: session}})
  expect(await me.json()).toMatchObject({roles: [{name: 'administrator'}]})
  const created = await fetch(`${first.base}/v2025-02-19/data/mutate/production`, {
    method: 'POST',
    headers: {'content-type': 'application/json', cookie: session},
    body: JSON.stringify({mutations: [{create: {_id: 'forum.kept', _type: 'forum', name: 'Kept across restarts'}}]}),
  })
  expect(created.status).toBe(200)
  expect(await stop(first.child)).toBe(0)

  // Second start, with the reference site: the same sources reuse the build; the dataset is the one left behind.
  const second = await startDev(data, ['--as', 'editor'], {site: true})
  expect(second.output()).not.toContain('Building the Studio')
  expect(second.output()).toMatch(/Dataset\s+"production", 36 documents/)
  const editor = await fetch(`${second.base}/v2025-02-19/users/me`, {headers: {authorization: 'Bearer any-token'}})
  expect(await editor.json()).toMatchObject({roles: [{name: 'editor'}]})
  // The site prints its address once Next.js's dev server listens, and reads the lake's published content.
  await expect.poll(() => /Site ready: (http:\/\/localhost:\d+)\/en/.exec(second.output())?.[1], {timeout: 60_000, interval: 250}).toBeDefined()
  const site = /Site ready: (http:\/\/localhost:\d+)\/en/.exec(second.output())![1]!
  // (Its RSS feed: a route without React, the quickest for the dev server to compile.)
  const feed = await fetch(`${site.replace('localhost', '127.0.0.1')}/en/section/news/feed.xml`)
  expect(feed.status).toBe(200)
  expect(await feed.text()).toContain('<title>2023 Meeting of IP5 Deputy Heads of Office Held Online</title>')
  // Ctrl-C stops the site as well: nothing answers on its port any more.
  expect(await stop(second.child)).toBe(0)
  await expect(fetch(`${site.replace('localhost', '127.0.0.1')}/en/section/news/feed.xml`)).rejects.toThrow('fetch failed')
}, 180_000)

it('`npm run dev` refuses an unknown role and says which exist', async () => {
  const data = mkdtempSync(join(tmpdir(), 'dev-command-'))
  const child = spawn(process.execPath, ['scripts/dev.ts', '--as', 'owner', '--data', data], {cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, SANITY_STUDIO_PROJECT_ID: ''}})
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  expect(code).toBe(2)
  expect(stderr).toContain('--as owner: choose one of administrator, editor')
})

it('`npm run dev` with a hosted project id runs Sanity\'s own dev server instead of the local lake', async () => {
  const child = spawn(process.execPath, ['scripts/dev.ts', '--port', '3396'], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {...process.env, SANITY_STUDIO_PROJECT_ID: 'abc123', DO_NOT_TRACK: '1', NO_COLOR: '1'},
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      if (/running at http:\/\/localhost:3396/.test(output)) resolve()
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)))
  })
  expect(output).not.toContain('local Content Lake')
  // The hosted Studio is Sanity's dev server: it serves the Studio's page itself.
  expect((await fetch('http://localhost:3396/')).status).toBe(200)
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGINT')
  await exited
  // Stopping the command stops Sanity's server with it: the port is free again.
  await expect.poll(() => fetch('http://localhost:3396/').then(() => 'still serving', () => 'stopped'), {timeout: 10_000}).toBe('stopped')
}, 60_000)
