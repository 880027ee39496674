/**
 * One load client of bench/content-lake-queries.ts, in a worker thread of its own: its own
 * @sanity/client (and so its own connection), its own event loop parsing its own answers, so a client
 * reading the 5.2 MB sitemap delays no other client. It opens its connection, says `ready`, and on
 * `start` loops for `seconds`: the weighted mix from `offset` in steps of `stride` (as the clients of one
 * thread do), or the heavy query. It answers with its latencies in ms.
 */
import {parentPort, workerData} from 'node:worker_threads'

import {benchClient, cases, loopHeavy, loopMix} from './lake-cases.ts'

export interface LoadClientData {
  port: number
  /** The first request of the mix this client asks, and how far it steps (the number of clients). */
  offset: number
  stride: number
  /** Loop the heavy query instead of the mix (its latencies are not counted). */
  heavy: boolean
}

export type LoadClientReply = {type: 'ready'} | {type: 'done'; latencies: number[]} | {type: 'failed'; message: string}

// The lake's certificate is self-signed; this client talks only to the lake the bench started on 127.0.0.1
// (the bench sets NODE_TLS_REJECT_UNAUTHORIZED, which a worker inherits). The warning that says so is
// printed by the bench once, not again by each client.
const emitWarning = process.emitWarning.bind(process)
process.emitWarning = ((warning: string | Error, ...rest: never[]) => {
  if (!String(warning).includes('NODE_TLS_REJECT_UNAUTHORIZED')) emitWarning(warning, ...rest)
}) as typeof process.emitWarning

const {port, offset, stride, heavy} = workerData as LoadClientData
const cookiePolicy = cases.find((c) => c.name === 'cookie policy')!
const client = benchClient(port)
// A worker thread's port, not a window: there is no target origin.
// oxlint-disable-next-line unicorn/require-post-message-target-origin
const reply = (message: LoadClientReply) => parentPort!.postMessage(message)

try {
  // The connection (TLS handshake included) is opened before the clock starts, as a site's server keeps
  // one open, and the client's code is compiled by a few small requests (the clients of one thread share
  // code the bench's warm-up has compiled).
  await client.request({url: '/ping'})
  for (let i = 0; i < 20; i++) await client.fetch(cookiePolicy.query, cookiePolicy.params(i))
  reply({type: 'ready'})
} catch (error) {
  reply({type: 'failed', message: (error as Error).message})
}

parentPort!.once('message', async ({seconds}: {seconds: number}) => {
  const latencies: number[] = []
  const end = performance.now() + seconds * 1000
  try {
    if (heavy) await loopHeavy(client, end)
    else await loopMix(client, {offset, stride, end, latencies})
    reply({type: 'done', latencies})
  } catch (error) {
    reply({type: 'failed', message: (error as Error).message})
  }
})
