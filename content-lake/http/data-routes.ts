import {planActions, type DocumentAction} from '../actions/document-actions.ts'
import {LakeError} from '../errors.ts'
import {ListenerHub} from '../listeners/listener-hub.ts'
import {planMutations, type ApiMutation} from '../mutations/apply-mutations.ts'
import {StoreQueries, type Perspective} from '../query/query-store.ts'
import type {DocumentStore} from '../store/document-store.ts'
import {corsHeaders, readJsonBody, sendJson, type Request, type Response} from './responses.ts'

const PERSPECTIVES: Perspective[] = ['raw', 'published', 'drafts']

function perspectiveOf(search: URLSearchParams): Perspective {
  const value = search.get('perspective') ?? 'raw'
  // The Studio sends stacks like "drafts,release1": the first known name decides here.
  const known = value.split(',').find((name): name is Perspective => PERSPECTIVES.includes(name as Perspective))
  if (!known) throw new LakeError(400, 'invalidPerspective', `Unknown perspective "${value}": use raw, published or drafts`)
  return known
}

/** `$name=<json>` query-string parameters, as @sanity/client sends them with GET. */
function paramsFromSearch(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, value] of search) {
    if (!key.startsWith('$')) continue
    try {
      params[key.slice(1)] = JSON.parse(value)
    } catch {
      throw new LakeError(400, 'invalidParam', `Parameter ${key} is not valid JSON`)
    }
  }
  return params
}

const OPERATION_OF: Record<string, string> = {create: 'create', createVersion: 'create', createOrReplace: 'update', createIfNotExists: 'create', patch: 'update', delete: 'delete'}

export class DataRoutes {
  private readonly store: DocumentStore
  private readonly queries: StoreQueries
  readonly listeners: ListenerHub
  readonly dataset: string

  constructor(store: DocumentStore, dataset: string) {
    this.store = store
    this.queries = new StoreQueries(store)
    this.listeners = new ListenerHub(store)
    this.dataset = dataset
  }

  /** Server-sent events: `welcome`, then a `mutation` per matching document change. */
  listen(request: Request, response: Response, dataset: string, search: URLSearchParams, identity: string) {
    this.checkDataset(dataset)
    const query = search.get('query')
    if (!query) throw new LakeError(400, 'queryMissing', 'Give the query to listen to in the "query" parameter')
    const send = (event: string, data: unknown) => response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
    const stop = this.listeners.add(
      {
        query,
        params: paramsFromSearch(search),
        includeResult: search.get('includeResult') !== 'false',
        includePreviousRevision: search.get('includePreviousRevision') === 'true',
        identity,
      },
      send,
    )
    response.writeHead(200, {'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...corsHeaders(request)})
    send('welcome', {listenerName: `local-${Math.random().toString(36).slice(2)}`})
    // A comment now and then keeps proxies and idle timers from closing the stream.
    const keepAlive = setInterval(() => response.write(':\n\n'), 25_000)
    const end = () => {
      clearInterval(keepAlive)
      stop()
    }
    request.once('close', end)
    response.once('close', end)
  }

  private checkDataset(name: string | undefined) {
    if (name !== this.dataset) throw new LakeError(404, 'datasetNotFound', `Dataset "${name}" not found: this local Content Lake serves "${this.dataset}"`)
  }

  async query(request: Request, response: Response, dataset: string, search: URLSearchParams) {
    this.checkDataset(dataset)
    let query = search.get('query')
    let params = paramsFromSearch(search)
    if (request.method === 'POST') {
      const body = (await readJsonBody(request)) as {query?: unknown; params?: Record<string, unknown>}
      query = typeof body.query === 'string' ? body.query : query
      params = {...params, ...body.params}
    }
    if (!query) throw new LakeError(400, 'queryMissing', 'Give the query in the "query" parameter or the JSON body')
    const started = performance.now()
    const result = await this.queries.query(query, params, perspectiveOf(search))
    sendJson(request, response, 200, {query, result: result ?? null, ms: Math.round(performance.now() - started)})
  }

  doc(request: Request, response: Response, dataset: string, ids: string) {
    this.checkDataset(dataset)
    const wanted = ids.split(',').map((id) => decodeURIComponent(id)).filter(Boolean)
    const documents = wanted.map((id) => this.store.get(id)).filter((doc) => doc !== undefined)
    const omitted = wanted.filter((id) => !this.store.get(id)).map((id) => ({id, reason: 'existence'}))
    sendJson(request, response, 200, {documents, omitted})
  }

  async actions(request: Request, response: Response, dataset: string) {
    this.checkDataset(dataset)
    const body = (await readJsonBody(request)) as {actions?: DocumentAction[]; transactionId?: string}
    const record = this.store.commit(planActions(this.store, body.actions as DocumentAction[]), typeof body.transactionId === 'string' ? body.transactionId : undefined)
    sendJson(request, response, 200, {transactionId: record.transactionId})
  }

  async mutate(request: Request, response: Response, dataset: string, search: URLSearchParams) {
    this.checkDataset(dataset)
    const body = (await readJsonBody(request)) as {mutations?: ApiMutation[]; transactionId?: string}
    const mutations = body.mutations
    if (!Array.isArray(mutations)) throw new LakeError(400, 'invalidMutation', 'Send {"mutations": [...]}')
    const changes = planMutations(this.store, mutations)
    const record = this.store.commit(changes, typeof body.transactionId === 'string' ? body.transactionId : undefined)
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
}
