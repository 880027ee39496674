import {spawn} from 'node:child_process'
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {expect, it} from 'vitest'

import {projectRoot} from '../support/cli.ts'

// The local certificate is self-signed; this test process talks only to its own server on 127.0.0.1.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'

it('`npm run lake` seeds its data folder, serves the seed and stops on Ctrl-C', async () => {
  const data = mkdtempSync(join(tmpdir(), 'lake-command-'))
  const child = spawn(process.execPath, ['scripts/content-lake.ts', '--port', '0', '--data', data], {cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit']})
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Local Content Lake: (https:\/\/localhost:\d+) \(project "local", dataset "production", 35 documents\)/.exec(output)
      if (match) resolve(match[1]!.replace('localhost', '127.0.0.1'))
    })
    child.once('exit', () => reject(new Error(`exited early: ${output}`)))
  })
  const response = await fetch(`${url}/v2025-02-19/data/query/production?query=${encodeURIComponent('count(*[_type == "office"])')}`)
  expect((await response.json()) as {result: number}).toMatchObject({result: 22})
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  child.kill('SIGINT')
  expect(await exited).toBe(0)
}, 30_000)
