import {gzip} from 'node:zlib'

import {authorizeChange} from '../access/grants.ts'
import {releaseDocumentId} from '../actions/release-actions.ts'
import {planActions, type DocumentAction} from '../actions/document-actions.ts'
import {LakeError} from '../errors.ts'
import {assertNesting, LIMITS} from '../limits.ts'
import {ListenerHub} from '../listeners/listener-hub.ts'
import {LiveEvents} from '../live/live-events.ts'
import {planMutations, type ApiMutation} from '../mutations/apply-mutations.ts'
import {expandMutationsByQuery} from '../mutations/mutations-by-query.ts'
import {assertValidId, newTransactionId, publishedIdOf} from '../store/document-ids.ts'
import {apiVersionOfPath, isRootPathId, parsePerspective, publicOnly, type Perspective} from '../query/perspectives.ts'
import {QueryPool, type QueryPoolOptions} from '../query/query-pool.ts'
import {sourceMapModeOf} from '../query/source-map.ts'
import type {CommitOptions, Doc, DocumentChange, DocumentStore} from '../store/document-store.ts'
import type {AssetStore} from '../assets/asset-store.ts'
import type {HistoryLog} from '../history/history-log.ts'
import {openEventStream, type EventStream} from './event-stream.ts'
import {ANONYMOUS, type LakeUser} from './identity.ts'
import {bodyOf, corsHeaders, decodeComponent, readBody, readJsonObject, sendJson, sendJsonChunks, type Request, type Response} from './responses.ts'

/**
 * The perspective of a query: raw, published, drafts (or its older name previewDrafts), a release id or
 * a stack (`r1,drafts`, `["r1","drafts"]`); without one, the default of the API version in the path
 * (`raw` before v2025-02-19, `published` from then on).
 */
function perspectiveOf(search: URLSearchParams, user: LakeUser, url?: URL): Perspective {
  const perspective = parsePerspective(search, url ? apiVersionOfPath(url.pathname) : undefined)
  return user === ANONYMOUS ? publicOnly(perspective) : perspective
}

/** `$name=<json>` query-string parameters, as @sanity/client sends them with GET. */
function paramsFromSearch(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, value] of search) {
    if (!key.startsWith('$')) continue
    let parsed: unknown
    try {
      parsed = JSON.parse(value)
    } catch {
      throw new LakeError(400, 'invalidParam', `Parameter ${key} is not valid JSON`)
    }
    assertNesting(parsed, `Parameter ${key}`)
    // Defined, not assigned: `$__proto__` is a parameter of that name, as in a POSTed {"params": {...}}.
    Object.defineProperty(params, key.slice(1), {value: parsed, enumerable: true, writable: true, configurable: true})
  }
  return params
}

/** The `params` object of a POSTed query. */
function paramsFromBody(value: unknown): Record<string, unknown> {
  if (value === undefined) return {}
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new LakeError(400, 'invalidParam', '"params" must be an object of parameter values: {"params": {"slug": "..."}}')
  return value as Record<string, unknown>
}

/** A client-chosen transaction id, when the body gives a usable one. */
function transactionIdOf(body: {transactionId?: unknown}): {transactionId?: string} {
  if (body.transactionId === undefined) return {}
  if (typeof body.transactionId !== 'string' || !/^[\w.-]{1,128}$/.test(body.transactionId)) {
    throw new LakeError(400, 'invalidTransactionId', 'transactionId must be 1 to 128 letters, digits, "_", "-" or "."')
  }
  return {transactionId: body.transactionId}
}

// Cached answers this large go gzipped to clients that accept it (@sanity/client sends `accept-encoding:
// gzip, deflate`): compressed once, off the main thread, they cost far less to send on every request after
// (TLS and the socket's copies of 5 MB for the sitemap). Smaller ones and fresh answers go as they are.
const GZIP_FROM_BYTES = 32 * 1024

/** Whether a request's accept-encoding takes gzip (and does not refuse it with q=0). */
function acceptsGzip(request: Request): boolean {
  const header = request.headers['accept-encoding']
  if (typeof header !== 'string') return false
  return header.split(',').some((part) => {
    const [name, ...options] = part.split(';').map((piece) => piece.trim().toLowerCase())
    return (name === 'gzip' || name === '*') && !options.some((option) => /^q=0(\.0*)?$/.test(option.replaceAll(' ', '')))
  })
}

const OPERATION_OF: Record<string, string> = {create: 'create', createVersion: 'create', createOrReplace: 'update', createIfNotExists: 'create', patch: 'update', delete: 'delete'}

export class DataRoutes {
  private readonly store: DocumentStore
  readonly queries: QueryPool
  readonly listeners: ListenerHub
  readonly live: LiveEvents
  readonly dataset: string

  constructor(store: DocumentStore, dataset: string, queryOptions: QueryPoolOptions = {}) {
    this.store = store
    this.queries = new QueryPool(store, queryOptions)
    this.listeners = new ListenerHub(store)
    this.live = new LiveEvents(store)
    this.dataset = dataset
  }

  /** What a write by `user` commits with: its author, and the user's grants checked on every change. */
  private writeOptions(user: LakeUser, body: {transactionId?: unknown}): CommitOptions {
    return {author: user.id, authorize: (change) => authorizeChange(user, change), ...transactionIdOf(body)}
  }

  /** Server-sent events: `welcome`, then a `mutation` per matching document change. */
  listen(request: Request, response: Response, dataset: string, search: URLSearchParams, user: LakeUser) {
    this.checkDataset(dataset)
    const query = search.get('query')
    if (!query) throw new LakeError(400, 'queryMissing', 'Give the query to listen to in the "query" parameter')
    let stream: EventStream | undefined
    // Registered first: a query the lake cannot listen with is refused (400) before the stream opens.
    const stop = this.listeners.add(
      {
        query,
        params: paramsFromSearch(search),
        // @sanity/client sends only true options: an absent one is off, as on the hosted API.
        includeResult: search.get('includeResult') === 'true',
        includePreviousRevision: search.get('includePreviousRevision') === 'true',
        includeMutations: search.get('includeMutations') !== 'false',
        identity: user.id,
        // Without credentials, only changes of root-path documents are heard (what such a request reads).
        publicOnly: user === ANONYMOUS,
      },
      (event, data) => stream?.send(event, data),
      (reason) => stream?.end('channelError', {message: reason}),
    )
    stream = openEventStream(request, response, stop)
    stream.send('welcome', {listenerName: `local-${Math.random().toString(36).slice(2)}`})
  }

  /**
   * The Live Content API: `welcome`, then a `message` with the sync tags of each write (of published
   * documents only, unless `includeDrafts=true`); `Last-Event-ID` resumes after the last event seen.
   */
  liveEvents(request: Request, response: Response, dataset: string, search: URLSearchParams, user: LakeUser) {
    this.checkDataset(dataset)
    // Drafts' and versions' tags are for those who may read drafts, as hosted (next-sanity sends a token with it).
    if (search.get('includeDrafts') === 'true' && user === ANONYMOUS) throw new LakeError(401, 'unauthorized', 'includeDrafts=true needs a token that may read drafts (Authorization: Bearer <token>)')
    this.live.assertRoom()
    const lastEventId = request.headers['last-event-id']
    let close = () => {}
    const stream = openEventStream(request, response, () => close())
    close = this.live.open({includeDrafts: search.get('includeDrafts') === 'true', send: stream.send}, typeof lastEventId === 'string' ? lastEventId : undefined)
  }

  private checkDataset(name: string | undefined) {
    if (name !== this.dataset) throw new LakeError(404, 'datasetNotFound', `Dataset "${name}" not found: this local Content Lake serves "${this.dataset}"`)
  }

  async query(request: Request, response: Response, dataset: string, search: URLSearchParams, user: LakeUser, url?: URL) {
    this.checkDataset(dataset)
    let query = search.get('query')
    let params = paramsFromSearch(search)
    if (request.method === 'POST') {
      const body = await readJsonObject(request, '{"query": "*[...]", "params": {...}}')
      query = typeof body.query === 'string' ? body.query : query
      params = {...params, ...paramsFromBody(body.params)}
    }
    if (!query) throw new LakeError(400, 'queryMissing', 'Give the query in the "query" parameter or the JSON body')
    // `resultSourceMap=true|withKeyArraySelector` (what @sanity/client sends, also for stega) adds the content source map.
    // A client that goes away (closes the connection or resets its HTTP/2 stream) takes its query out of the queue.
    const gone = new AbortController()
    response.once('close', () => {
      if (!response.headersSent) gone.abort()
    })
    const answer = await this.queries.query(query, params, perspectiveOf(search, user, url), sourceMapModeOf(search.get('resultSourceMap')), gone.signal)
    // As hosted: the query is echoed unless `returnQuery=false`; `syncTags` name what the result depends
    // on for the Live Content API. The lake answers after every acknowledged write, so `lastLiveEventId`
    // (at least as new as that event) always holds; `tag` and `cacheMode` concern the hosted CDN.
    // The result (and source map) go out as the worker's bytes, around them the rest of the body:
    // {"query":...,"result":<result>,"resultSourceMap":<map>,"syncTags":[...],"ms":n}
    const head = search.get('returnQuery') === 'false' ? '{"result":' : `{"query":${JSON.stringify(query)},"result":`
    const tail = `,"syncTags":${JSON.stringify(answer.syncTags)},"ms":${Math.round(answer.ms)}}`
    const parts = answer.sourceMapBytes ? [head, answer.resultBytes, ',"resultSourceMap":', answer.sourceMapBytes, tail] : [head, answer.resultBytes, tail]
    if (!answer.cached) return sendJsonChunks(request, response, 200, parts)
    // A cached answer's body is the same for every request with the same head ("ms" is 0): made once.
    let body = answer.bodies.get(head)
    if (!body) answer.keepBody('plain', head, (body = bodyOf(parts)))
    if (body.length >= GZIP_FROM_BYTES && acceptsGzip(request)) {
      // The same body, gzipped once it has been compressed (the first requests get it as it is meanwhile).
      const gzipped = answer.gzipped.get(head)
      if (gzipped) return sendJsonChunks(request, response, 200, [gzipped], {'content-encoding': 'gzip'})
      if (gzipped === undefined) {
        answer.keepBody('gzip', head, null)
        gzip(body, (error, zipped) => {
          if (error) answer.gzipped.delete(head)
          else answer.keepBody('gzip', head, zipped)
        })
      }
    }
    sendJsonChunks(request, response, 200, [body])
  }

  doc(request: Request, response: Response, dataset: string, ids: string, user: LakeUser) {
    this.checkDataset(dataset)
    const wanted = ids.split(',').map(decodeComponent).filter(Boolean)
    // Without credentials a document whose id is not a root path is omitted for "permission", as hosted.
    const documents: Doc[] = []
    const omitted: {id: string; reason: 'permission' | 'existence'}[] = []
    for (const id of wanted) {
      // Each read once: a document the main thread keeps in the snapshot file is read and parsed from it.
      const doc = user !== ANONYMOUS || isRootPathId(id) ? this.store.get(id) : null
      if (doc) documents.push(doc)
      else omitted.push({id, reason: doc === null ? 'permission' : 'existence'})
    }
    sendJson(request, response, 200, {documents, omitted})
  }

  async actions(request: Request, response: Response, dataset: string, user: LakeUser, history: HistoryLog) {
    this.checkDataset(dataset)
    const body = await readJsonObject(request, '{"actions": [...]}')
    const context = {lastContent: (id: string) => history.lastContent(id)}
    const changes = planActions(this.store, body.actions as DocumentAction[], context)
    // Scheduling a release is publishing it later, with the grants of whoever schedules it (as the
    // scheduler checks them then): refused now, with the reason, where publishing it now would be.
    for (const action of body.actions as DocumentAction[]) {
      // (A release this request creates is checked when it is published: its versions by their writers.)
      if (action.actionType !== 'sanity.action.release.schedule' || !this.store.get(releaseDocumentId(String(action.releaseId)))) continue
      const publishing = planActions(this.store, [{actionType: 'sanity.action.release.publish', releaseId: action.releaseId}], context)
      this.store.commit(publishing, {...this.writeOptions(user, {}), dryRun: true, referentialIntegrity: false})
    }
    // A dry run (the Studio checks a release action this way) answers as the commit would, and changes nothing.
    const record = this.store.commit(changes, {...this.writeOptions(user, body), dryRun: body.dryRun === true})
    sendJson(request, response, 200, {transactionId: record.transactionId})
  }

  async mutate(request: Request, response: Response, dataset: string, search: URLSearchParams, user: LakeUser) {
    this.checkDataset(dataset)
    const body = await readJsonObject(request, '{"mutations": [...]}')
    if (!Array.isArray(body.mutations)) throw new LakeError(400, 'invalidMutation', 'Send {"mutations": [...]}')
    const {mutations, changes} = await this.planWithQueries(body.mutations as ApiMutation[])
    if (changes.length === 0) return sendJson(request, response, 200, {transactionId: newTransactionId(), results: []})
    // `dryRun=true`: every check, the answer the commit would give, and nothing written.
    const record = this.store.commit(changes, {...this.writeOptions(user, body), dryRun: search.get('dryRun') === 'true'})
    const returnDocuments = search.get('returnDocuments') === 'true'
    const afterById = new Map(record.changes.map((change) => [change.id, change.after]))
    const results = mutations.map((mutation, index) => {
      const kind = Object.keys(mutation)[0]!
      const target = mutation[kind] as {_id?: string; id?: string; document?: {_id?: string}}
      const id = target.id ?? target._id ?? target.document?._id ?? record.changes[index]?.id
      return {id, operation: OPERATION_OF[kind], ...(returnDocuments && id ? {document: afterById.get(id) ?? null} : {})}
    })
    sendJson(request, response, 200, {
      transactionId: record.transactionId,
      results,
      ...(search.get('returnIds') === 'true' ? {documentIds: record.changes.map((change) => change.id)} : {}),
      ...(returnDocuments ? {documents: record.changes.map((change) => change.after).filter(Boolean)} : {}),
    })
  }

  /**
   * Plans mutations, those by query included: their queries run (in the query pool, with its time
   * limit) over the dataset as it is when the transaction is planned. A transaction committed while
   * they ran means planning again, so the queries and the plan see the same dataset.
   */
  private async planWithQueries(given: ApiMutation[]): Promise<{mutations: ApiMutation[]; changes: DocumentChange[]}> {
    for (let attempt = 0; ; attempt++) {
      const version = this.store.version
      const mutations = await expandMutationsByQuery(given, async (query, params) => JSON.parse((await this.queries.query(query, params, 'raw')).json))
      // Queries that select nothing leave nothing to do: not an error, as hosted.
      if (this.store.version === version) return {mutations, changes: mutations.length === 0 && given.length > 0 ? [] : planMutations(this.store, mutations)}
      if (attempt >= 4) throw new LakeError(409, 'conflict', 'The documents selected by the mutation queries kept changing while they were read: try again')
    }
  }

  /** The history panel's transaction log: NDJSON, one transaction a line. */
  transactions(request: Request, response: Response, dataset: string, ids: string, search: URLSearchParams, history: HistoryLog) {
    this.checkDataset(dataset)
    const limit = Number(search.get('limit') ?? 100)
    const rows = history.transactionRows(splitIds(ids), {
      limit: Number.isInteger(limit) && limit > 0 ? Math.min(limit, 1000) : 100,
      reverse: search.get('reverse') === 'true',
      fromTransaction: search.get('fromTransaction') ?? undefined,
      toTransaction: search.get('toTransaction') ?? undefined,
      withEffects: search.get('effectFormat') === 'mendoza',
      withMutations: search.get('excludeMutations') !== 'true' && search.get('excludeContent') !== 'true',
    })
    response.writeHead(200, {'content-type': 'application/x-ndjson', 'cache-control': 'no-store', ...corsHeaders(request)})
    response.end(rows.map((row) => `${JSON.stringify(row)}\n`).join(''))
  }

  /**
   * The document events index of the history panel (created, published, unpublished, deleted), newest
   * first, `limit` at a time; `nextCursor` is the offset of the next page ('' after the last).
   */
  documentEvents(request: Request, response: Response, dataset: string, id: string, search: URLSearchParams, history: HistoryLog) {
    this.checkDataset(dataset)
    assertValidId(id)
    const {page, nextCursor} = pageOf(history.events(publishedIdOf(id)), search)
    sendJson(request, response, 200, {events: {[id]: page}, nextCursor})
  }

  /** The release events index of the Releases tool's activity panel, newest first, paged like documentEvents. */
  releaseEvents(request: Request, response: Response, dataset: string, releaseId: string, search: URLSearchParams, history: HistoryLog) {
    this.checkDataset(dataset)
    const {page, nextCursor} = pageOf(history.releaseEvents(releaseId), search)
    sendJson(request, response, 200, {events: page, nextCursor})
  }

  /**
   * Who refers to a document: `/data/references/:dataset/documents/:id/to`, read by the Studio's delete
   * and unpublish dialogs. This lake has one dataset, so there are never cross-dataset references; with
   * `excludeInternalReferences=true` (what the Studio asks, it queries the internal ones itself) the
   * list is empty, otherwise it names the documents of this dataset that refer to the id.
   */
  references(request: Request, response: Response, dataset: string, id: string, search: URLSearchParams) {
    this.checkDataset(dataset)
    assertValidId(id)
    const internal = search.get('excludeInternalReferences') === 'true' ? [] : [...this.store.indexes.idsReferencing(id)].toSorted()
    const references = internal.map((documentId) => ({documentId, datasetName: this.dataset}))
    sendJson(request, response, 200, {totalCount: references.length, references})
  }

  /** Documents as they were at a revision or a time, for the history panel's "compare" view. */
  documentsAt(request: Request, response: Response, dataset: string, ids: string, search: URLSearchParams, history: HistoryLog) {
    this.checkDataset(dataset)
    const at = {revision: search.get('revision') ?? undefined, time: search.get('time') ?? undefined, lastRevision: search.get('lastRevision') === 'true'}
    const documents = splitIds(ids)
      .map((id) => history.documentAt(id, at, this.store.get(id)))
      .filter((doc) => doc !== null)
    sendJson(request, response, 200, {documents})
  }

  /** An image or file upload: the bytes are the body, the file name and type come from the query and headers. */
  async upload(request: Request, response: Response, params: Record<string, string>, url: URL, user: LakeUser, assets: AssetStore) {
    this.checkDataset(params.dataset)
    const kind = params.kind
    if (kind !== 'images' && kind !== 'files') throw new LakeError(404, 'notFound', `Upload to /assets/images or /assets/files, not /assets/${kind}`)
    const body = await readBody(request, LIMITS.uploadBytes)
    const document = assets.upload(kind, body, {
      filename: url.searchParams.get('filename') ?? undefined,
      contentType: typeof request.headers['content-type'] === 'string' ? request.headers['content-type'] : undefined,
      commit: this.writeOptions(user, {}),
    })
    sendJson(request, response, 200, {document})
  }
}

/** Bytes written to a response but not yet taken by the client (HTTP/2 keeps them on the stream). */
/** `limit` events from the `nextCursor` offset; the next page's cursor, '' after the last. */
function pageOf<T>(events: T[], search: URLSearchParams): {page: T[]; nextCursor: string} {
  const limit = Number(search.get('limit') ?? 100)
  const size = Number.isInteger(limit) && limit > 0 ? Math.min(limit, 1000) : 100
  const offset = Math.max(0, Number.parseInt(search.get('nextCursor') ?? '0', 10) || 0)
  return {page: events.slice(offset, offset + size), nextCursor: offset + size < events.length ? String(offset + size) : ''}
}

const splitIds = (ids: string) => ids.split(',').map((id) => id.trim()).filter(Boolean)
