import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'

import {LakeError} from '../errors.ts'
import {LIMITS} from '../limits.ts'
import type {DocumentStore} from '../store/document-store.ts'
import type {IndexEntry} from '../store/indexes.ts'
import {decodeSnapshotEntries, decodeSnapshotHead, type SnapshotIndex} from '../store/snapshot-index.ts'
import {jsonFaithful} from './json-faithful.ts'
import type {SourceMapMode} from './source-map.ts'

export type WorkerRequest =
  | {type: 'changes'; changes: {id: string; after: unknown}[]}
  | {type: 'query'; id: number; query: string; params: Record<string, unknown>; perspective: unknown; timeoutMs: number; sourceMap?: SourceMapMode}

export type WorkerReply =
  | {type: 'ready'}
  // encodeSnapshotHead's and snapshotEntriesInSteps's bytes, transferred: the head before `ready`, the entries after.
  | {type: 'snapshotIndex'; bytes: Uint8Array}
  | {type: 'snapshotEntries'; bytes: Uint8Array}
  // The result and source map as UTF-8 JSON, each in an ArrayBuffer of its own that the worker transfers.
  | {type: 'result'; id: number; json: Uint8Array; syncTags: string[]; ms: number; sourceMap?: Uint8Array}
  | {type: 'error'; id: number; status: number; errorType: string; message: string}

interface Job {
  id: number
  request: Extract<WorkerRequest, {type: 'query'}>
  resolve: (answer: Answer) => void
  reject: (error: LakeError) => void
  timer?: NodeJS.Timeout
  /** Requests waiting for it that have not gone away: a queued job no one waits for any more is dropped. */
  waiters: number
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
  /** Bytes of results kept for repeated queries until the next write (0 turns the cache off). */
  cacheBytes?: number
  /** A worker already loading the dataset (preloadQueryWorker), taken as the first one. */
  preloaded?: PreloadedWorker
}

/** A query worker started before its pool, and whether it has finished loading. */
export interface PreloadedWorker {
  worker: Worker
  readonly ready: boolean
  /** It stopped before the pool took it (a failure the pool had no handler for yet): the pool starts another. */
  readonly exited: boolean
  /** What it found in the snapshot, for DocumentStore.openWithSnapshotIndex; undefined if it stopped first. */
  readonly snapshotIndex: Promise<SnapshotIndex | undefined>
  /** Settles once the index's entries have come (or the worker stopped first). */
  readonly entriesArrived: Promise<void>
}

/**
 * Starts a query worker loading a data folder before the store is opened, so the two load side by
 * side on two cores instead of one after the other. Only for a dataset that opening will not rewrite
 * (no --reset, not seeded now): nothing may compact the files until the pool takes the worker over.
 */
export function preloadQueryWorker(directory: string): PreloadedWorker {
  const worker = startWorker(directory, {snapshotIndex: true})
  let indexed: (index: SnapshotIndex | undefined) => void = () => {}
  const snapshotIndex = new Promise<SnapshotIndex | undefined>((resolve) => (indexed = resolve))
  // The entries come after `ready`, and are decoded when the store's indexes are first read.
  let entryBytes: Uint8Array | undefined
  let entries: IndexEntry[] | undefined
  let arrived: () => void = () => {}
  const entriesArrived = new Promise<void>((resolve) => (arrived = resolve))
  const entriesOf = (count: number) => () => {
    if (entryBytes) {
      entries = decodeSnapshotEntries(entryBytes, count)
      entryBytes = undefined
    }
    return entries
  }
  const preloaded = {worker, ready: false, exited: false, snapshotIndex, entriesArrived}
  // Heard now, as the pool may attach its own handlers after the worker is ready (or has failed).
  const heard = (reply: WorkerReply) => {
    if (reply.type === 'snapshotIndex') {
      const head = decodeSnapshotHead(reply.bytes)
      indexed(head && {...head, entries: entriesOf(head.ids.length)})
    }
    if (reply.type === 'ready') {
      preloaded.ready = true
      indexed(undefined) // (it always sends its index first: this never replaces it)
    }
    if (reply.type === 'snapshotEntries') {
      entryBytes = reply.bytes
      arrived()
      worker.off('message', heard)
    }
  }
  worker.on('message', heard)
  worker.on('error', () => {})
  worker.once('exit', () => {
    preloaded.exited = true
    indexed(undefined)
    arrived()
  })
  // It never keeps the process alive on its own, also when start-up fails before the pool exists.
  worker.unref()
  return preloaded
}

function startWorker(directory: string, {snapshotIndex = false} = {}): Worker {
  return new Worker(new URL('./query-worker.ts', import.meta.url), {
    workerData: {directory, snapshotIndex},
    // A query whose result cannot fit ends its worker, not the process. A small young generation keeps
    // each copy of the dataset from holding a large nursery it rarely needs.
    resourceLimits: {maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB},
  })
}

/** A query's answer as the worker serialised it: UTF-8 JSON bytes, written to responses as they are. */
export class Answer {
  /** The result as UTF-8 JSON. */
  readonly resultBytes: Buffer
  /** What the result depends on, for the Live Content API (see live/sync-tags.ts). */
  readonly syncTags: string[]
  /** How long the worker took; 0 for an answer from the cache. */
  readonly ms: number
  /** The content source map as UTF-8 JSON, when the query asked for one. */
  readonly sourceMapBytes?: Buffer
  /** Whether the answer came from the result cache. */
  readonly cached: boolean
  /**
   * Whole response bodies made of a cached answer (see DataRoutes.query), as they are and gzipped, by the
   * text before the result (which differs with the query echo); null while one is being compressed.
   * Dropped with the answer at the next write.
   */
  readonly bodies = new Map<string, Buffer>()
  readonly gzipped = new Map<string, Buffer | null>()
  /** The bytes of those bodies. */
  private bodyBytes = 0
  /** Told of the bytes a cached answer's bodies add, so the cache counts them against its limit. */
  onGrow: ((bytes: number) => void) | undefined

  constructor(resultBytes: Buffer, syncTags: string[], ms: number, sourceMapBytes?: Buffer, cached = false) {
    this.resultBytes = resultBytes
    this.syncTags = syncTags
    this.ms = ms
    if (sourceMapBytes) this.sourceMapBytes = sourceMapBytes
    this.cached = cached
  }

  /** The result as JSON text. */
  get json(): string {
    return this.resultBytes.toString('utf8')
  }

  /** What the answer holds in memory: result, source map and the bodies made of them. */
  get bytes(): number {
    return this.resultBytes.length + (this.sourceMapBytes?.length ?? 0) + this.bodyBytes
  }

  /** Keeps a whole response body made of this answer (null: being compressed). */
  keepBody(kind: 'plain' | 'gzip', head: string, body: Buffer | null) {
    const kept = kind === 'plain' ? this.bodies : this.gzipped
    kept.set(head, body as Buffer)
    if (!body) return
    this.bodyBytes += body.length
    this.onGrow?.(body.length)
  }

  /** The same answer as the cache gives it back (the same bytes, no evaluation time). */
  asCached(): Answer {
    return new Answer(this.resultBytes, this.syncTags, 0, this.sourceMapBytes, true)
  }
}

/** A worker's bytes as a Buffer over the same memory (no copy). */
const bufferOf = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

// A worker whose query runs past its limit by this much is stuck outside groq-js's synchronous work:
// it is replaced by a new one.
const GRACE_MS = 2_000

// Room for a copy of a large dataset (50,000 documents take about 400 MB) and a query's working set.
const WORKER_HEAP_MB = 2048
const WORKER_YOUNG_MB = 48

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
  // Results by query, parameters and perspective, valid until the next transaction (oldest first).
  private readonly cache = new Map<string, Answer>()
  private cachedBytes = 0
  private readonly maxCacheBytes: number
  // The same query asked again while it runs waits for that run instead of starting another.
  private readonly running = new Map<string, {answer: Promise<Answer>; job: Job | undefined}>()

  constructor(store: DocumentStore, options: QueryPoolOptions = {}) {
    this.store = store
    this.size = Math.max(1, options.size ?? Math.max(2, Math.min(4, availableParallelism())))
    this.timeoutMs = options.timeoutMs ?? LIMITS.queryTimeoutMs
    this.maxQueued = options.maxQueued ?? 1_000
    this.maxCacheBytes = options.cacheBytes ?? 64 * 1024 * 1024
    this.unsubscribe = store.onTransaction((record) => {
      // A write makes every cached or running answer stale for the queries that come after it.
      this.cache.clear()
      this.cachedBytes = 0
      this.running.clear()
      const message: WorkerRequest = {type: 'changes', changes: record.changes.map(({id, after}) => ({id, after}))}
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker thread, not a window
      for (const slot of this.slots) slot.worker.postMessage(message)
    })
    // One worker starts loading the dataset now (or already has), so the first query does not wait for
    // it; the others start when queries need them.
    this.spawn(options.preloaded)
  }

  /**
   * The query's result as JSON text (serialised in the worker), and how long it took there. Answers are
   * kept until the next write: asked again with the same parameters and perspective, the same text
   * comes back without evaluating.
   */
  query(query: string, params: Record<string, unknown>, perspective: unknown, sourceMap?: SourceMapMode, signal?: AbortSignal): Promise<Answer> {
    // now() answers differently from one moment to the next: such queries are always evaluated, as are
    // parameters whose JSON text another value shares (Infinity writes as null): the key must tell them apart.
    if (this.maxCacheBytes === 0 || /\bnow\s*\(/.test(query) || !jsonFaithful(params)) return this.evaluate(query, params, perspective, sourceMap, signal).answer
    const key = JSON.stringify(sourceMap ? [query, params, perspective, sourceMap] : [query, params, perspective])
    const hit = this.cache.get(key)
    if (hit) {
      this.cache.delete(key) // most recently used goes last
      this.cache.set(key, hit)
      return Promise.resolve(hit)
    }
    const running = this.running.get(key)
    if (running) {
      if (running.job) this.waitFor(running.job, signal)
      return running.answer
    }
    const evaluation = this.evaluate(query, params, perspective, sourceMap, signal)
    const {answer} = evaluation
    this.running.set(key, evaluation)
    const forget = () => {
      if (this.running.get(key) === evaluation) this.running.delete(key)
    }
    const settle = async () => {
      try {
        const result = await answer
        // Still current only if no write came while it ran (the write cleared `running`).
        if (this.running.get(key) === evaluation) this.remember(key, result)
      } catch {
        // The caller gets the error; nothing is kept.
      } finally {
        forget()
      }
    }
    void settle()
    return answer
  }

  /**
   * Counts a request waiting for a job until its signal says the request has gone (its client closed the
   * stream or connection): a job still queued when none waits any more is dropped, so requests sent and
   * reset at once cannot fill the workers' time. (One already running finishes, within the time limit.)
   */
  private waitFor(job: Job, signal: AbortSignal | undefined) {
    job.waiters++
    if (!signal) return
    const gone = () => {
      job.waiters--
      const queued = this.queue.indexOf(job)
      if (job.waiters > 0 || queued === -1) return
      this.queue.splice(queued, 1)
      job.reject(new LakeError(499, 'clientClosedRequest', 'The client closed the request before its query ran'))
    }
    if (signal.aborted) gone()
    else signal.addEventListener('abort', gone, {once: true})
  }

  private remember(key: string, answer: Answer) {
    const bytes = answer.bytes + key.length
    if (bytes > this.maxCacheBytes / 4) return
    // Kept as it is given back: marked cached, with no evaluation time.
    const kept = answer.asCached()
    this.cache.set(key, kept)
    this.cachedBytes += bytes
    // The bodies the server makes of it later count too, while it is still in the cache.
    kept.onGrow = (grown) => {
      if (this.cache.get(key) !== kept) return
      this.cachedBytes += grown
      this.evictOverLimit()
    }
    this.evictOverLimit()
  }

  /** Drops the least recently used answers until the cache is within its limit. */
  private evictOverLimit() {
    for (const [oldKey, old] of this.cache) {
      if (this.cachedBytes <= this.maxCacheBytes) break
      this.cache.delete(oldKey)
      this.cachedBytes -= old.bytes + oldKey.length
    }
  }

  private evaluate(query: string, params: Record<string, unknown>, perspective: unknown, sourceMap?: SourceMapMode, signal?: AbortSignal): {answer: Promise<Answer>; job: Job | undefined} {
    if (this.closed) return {answer: Promise.reject(new LakeError(503, 'shuttingDown', 'The local Content Lake is stopping')), job: undefined}
    if (this.queue.length >= this.maxQueued) {
      return {answer: Promise.reject(new LakeError(429, 'tooManyQueries', `More than ${this.maxQueued} queries are waiting: try again shortly`)), job: undefined}
    }
    let job: Job | undefined
    const answer = new Promise<Answer>((resolve, reject) => {
      const id = this.nextId++
      job = {id, resolve, reject, waiters: 0, request: {type: 'query', id, query, params, perspective, timeoutMs: this.timeoutMs, ...(sourceMap ? {sourceMap} : {})}}
      this.queue.push(job)
    })
    this.waitFor(job!, signal)
    this.dispatch()
    return {answer, job}
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

  private spawn(preloaded?: PreloadedWorker): Slot {
    // The worker reads the dataset from disk (no compaction meanwhile); transactions from now on reach
    // it as messages, in order.
    const release = this.store.readLease()
    const usable = preloaded && !preloaded.exited ? preloaded : undefined
    const worker = usable?.worker ?? startWorker(this.store.directory)
    if (usable?.ready) release()
    const slot: Slot = {worker}
    worker.once('exit', release)
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'ready') return release()
      if (reply.type === 'snapshotIndex' || reply.type === 'snapshotEntries') return // for the store opening (preloadQueryWorker)
      const job = slot.job
      if (!job || job.id !== reply.id) return
      clearTimeout(job.timer)
      slot.job = undefined
      if (reply.type === 'result') job.resolve(new Answer(bufferOf(reply.json), reply.syncTags, reply.ms, reply.sourceMap && bufferOf(reply.sourceMap)))
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
