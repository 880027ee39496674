/**
 * The client that times the query table's HTTP columns for bench/content-lake-queries.ts, in a worker
 * thread of its own. A site's server reads the lake from a process of its own; the bench's thread holds
 * the whole dataset (plain groq-js and the in-process lake), and with a heap that large, parsing a
 * 6 MB answer there costs tens of milliseconds more in garbage collection, which is the bench's weight,
 * not the lake's. A thread has a heap of its own. It keeps a @sanity/client per lake (by port), each
 * connected before it is timed, and answers each request of the bench with the timings.
 */
import {parentPort} from 'node:worker_threads'

import type {SanityClient} from '@sanity/client'

import {benchClient, cases} from './lake-cases.ts'
import {timed, timedInTurn, type Timing} from './timing.ts'

export type TimingRequest =
  // The case's page on the lake at `port`, and its naive form in turn when it has one: `runs` times, and
  // more until `seconds` have passed.
  | {type: 'page'; id: number; port: number; name: string; runs: number; seconds: number}
  // The page after every request of the runs has been asked once (the result cache's figure).
  | {type: 'cached'; id: number; port: number; name: string; runs: number}

export type TimingReply = {id: number; page: Timing; naive?: Timing} | {id: number; failed: string}

// The lake's certificate is self-signed; the bench sets NODE_TLS_REJECT_UNAUTHORIZED and prints its warning once.
const emitWarning = process.emitWarning.bind(process)
process.emitWarning = ((warning: string | Error, ...rest: never[]) => {
  if (!String(warning).includes('NODE_TLS_REJECT_UNAUTHORIZED')) emitWarning(warning, ...rest)
}) as typeof process.emitWarning

const clients = new Map<number, SanityClient>()
async function clientOf(port: number) {
  let client = clients.get(port)
  if (!client) {
    client = benchClient(port)
    await client.request({url: '/ping'})
    clients.set(port, client)
  }
  return client
}

// A worker thread's port, not a window: there is no target origin.
// oxlint-disable-next-line unicorn/require-post-message-target-origin
const reply = (message: TimingReply) => parentPort!.postMessage(message)

parentPort!.on('message', async (request: TimingRequest) => {
  try {
    const c = cases.find((candidate) => candidate.name === request.name)
    if (!c) throw new Error(`no case named ${request.name}`)
    const client = await clientOf(request.port)
    const page = (i: number) => client.fetch(c.query, c.params(i))
    if (request.type === 'cached') {
      for (let i = 0; i <= request.runs; i++) await page(i)
      reply({id: request.id, page: await timed(page, request.runs)})
    } else if (c.naive) {
      const [timing, naive] = await timedInTurn(page, (i) => client.fetch(c.naive!, c.params(i)), request.runs, request.seconds)
      reply({id: request.id, page: timing, naive})
    } else reply({id: request.id, page: await timed(page, request.runs, request.seconds)})
  } catch (error) {
    reply({id: request.id, failed: (error as Error).message})
  }
})
