import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'

import {LakeError} from '../errors.ts'
import {LIMITS} from '../limits.ts'
import type {DocumentStore} from '../store/document-store.ts'

export type WorkerRequest =
  | {type: 'changes'; changes: {id: string; after: unknown}[]}
  | {type: 'query'; id: number; query: string; params: Record<string, unknown>; perspective: unknown; timeoutMs: number}

export type WorkerReply = {type: 'result'; id: number; json: string; ms: number} | {type: 'error'; id: number; status: number; errorType: string; message: string}

interface Job {
  id: number
  request: Extract<WorkerRequest, {type: 'query'}>
  resolve: (answer: {json: string; ms: number}) => void
  reject: (error: LakeError) => void
  timer?: NodeJS.Timeout
}

interface Slot {
  worker: Worker
  job?: Job
}

export interface QueryPoolOptions {
  /** Worker threads; by default one per core, at least two, so one slow query never holds every query. */
  size?: number
  /** How long a query may run (LIMITS.queryTimeoutMs by default). */
  timeoutMs?: number
  /** Queries waiting for a worker; past this the lake answers 429 (clients retry later). */
  maxQueued?: number
}

// A worker whose query runs past its limit by this much is stuck outside groq-js's synchronous work:
// it is replaced by a new one.
const GRACE_MS = 2_000

// Room for a copy of a large dataset (50,000 documents take about 400 MB) and a query's working set.
const WORKER_HEAP_MB = 2048

/**
 * Answers queries in worker threads, each with its own copy of the dataset. Every transaction is sent
 * to every worker before any later query, so a query sees every write acknowledged before it was
 * asked. A query runs in an idle worker only (never queued behind another in a worker), so a runaway
 * query holds one worker for at most its time limit while the others go on answering.
 */
export class QueryPool {
  private readonly store: DocumentStore
  private readonly size: number
  readonly timeoutMs: number
  private readonly maxQueued: number
  private readonly slots: Slot[] = []
  private readonly queue: Job[] = []
  private nextId = 1
  private closed = false
  private readonly unsubscribe: () => void

  constructor(store: DocumentStore, options: QueryPoolOptions = {}) {
    this.store = store
    this.size = Math.max(1, options.size ?? Math.max(2, Math.min(4, availableParallelism())))
    this.timeoutMs = options.timeoutMs ?? LIMITS.queryTimeoutMs
    this.maxQueued = options.maxQueued ?? 1_000
    this.unsubscribe = store.onTransaction((record) => {
      const message: WorkerRequest = {type: 'changes', changes: record.changes.map(({id, after}) => ({id, after}))}
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker thread, not a window
      for (const slot of this.slots) slot.worker.postMessage(message)
    })
  }

  /** The query's result as JSON text (serialised in the worker), and how long it took there. */
  query(query: string, params: Record<string, unknown>, perspective: unknown): Promise<{json: string; ms: number}> {
    if (this.closed) return Promise.reject(new LakeError(503, 'shuttingDown', 'The local Content Lake is stopping'))
    if (this.queue.length >= this.maxQueued) {
      return Promise.reject(new LakeError(429, 'tooManyQueries', `More than ${this.maxQueued} queries are waiting: try again shortly`))
    }
    return new Promise((resolve, reject) => {
      const id = this.nextId++
      this.queue.push({id, resolve, reject, request: {type: 'query', id, query, params, perspective, timeoutMs: this.timeoutMs}})
      this.dispatch()
    })
  }

  private dispatch() {
    while (this.queue.length > 0) {
      let slot = this.slots.find((candidate) => !candidate.job)
      if (!slot && this.slots.length < this.size) slot = this.spawn()
      if (!slot) return
      const job = this.queue.shift()!
      slot.job = job
      job.timer = setTimeout(() => this.replaceStuck(slot), this.timeoutMs + GRACE_MS)
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker thread, not a window
      slot.worker.postMessage(job.request)
    }
  }

  private spawn(): Slot {
    // The dataset as it is now; transactions after this reach the worker as messages, in order.
    const worker = new Worker(new URL('./query-worker.ts', import.meta.url), {
      workerData: {documents: this.store.all()},
      // A query whose result cannot fit ends its worker, not the process.
      resourceLimits: {maxOldGenerationSizeMb: WORKER_HEAP_MB},
    })
    const slot: Slot = {worker}
    worker.on('message', (reply: WorkerReply) => {
      const job = slot.job
      if (!job || job.id !== reply.id) return
      clearTimeout(job.timer)
      slot.job = undefined
      if (reply.type === 'result') job.resolve({json: reply.json, ms: reply.ms})
      else job.reject(new LakeError(reply.status, reply.errorType, reply.message))
      this.dispatch()
    })
    worker.on('error', (error: NodeJS.ErrnoException) =>
      this.retire(
        slot,
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new LakeError(422, 'queryTooLarge', `The query needed more than ${WORKER_HEAP_MB} MB to evaluate: slice it or project fewer fields`)
          : new LakeError(500, 'internalError', `A query worker failed: ${error.message}`),
      ),
    )
    worker.on('exit', () => this.retire(slot, new LakeError(500, 'internalError', 'A query worker stopped')))
    // Workers never keep the process alive on their own: closing the server is enough.
    worker.unref()
    this.slots.push(slot)
    return slot
  }

  /** A query that did not come back after its limit and grace: the worker is ended and replaced. */
  private replaceStuck(slot: Slot) {
    this.retire(slot, new LakeError(408, 'queryTimeout', `The query ran longer than ${this.timeoutMs} ms and was stopped`))
    void slot.worker.terminate()
  }

  private retire(slot: Slot, error: LakeError) {
    const index = this.slots.indexOf(slot)
    if (index === -1) return
    this.slots.splice(index, 1)
    if (slot.job) {
      clearTimeout(slot.job.timer)
      slot.job.reject(error)
      slot.job = undefined
    }
    if (!this.closed) this.dispatch()
  }

  async close() {
    this.closed = true
    this.unsubscribe()
    for (const job of this.queue.splice(0)) job.reject(new LakeError(503, 'shuttingDown', 'The local Content Lake is stopping'))
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()))
  }
}
