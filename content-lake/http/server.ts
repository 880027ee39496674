import {createHmac} from 'node:crypto'
import {createSecureServer, type Http2SecureServer} from 'node:http2'
import {join} from 'node:path'

import {authorizeChange} from '../access/grants.ts'
import {releaseIdOfDocument} from '../actions/release-actions.ts'
import {scheduleReleases} from '../actions/release-scheduler.ts'
import {AssetStore} from '../assets/asset-store.ts'
import {HistoryLog, KEEP_TRANSACTIONS} from '../history/history-log.ts'

import {LakeError} from '../errors.ts'
import {LIMITS} from '../limits.ts'
import {publishedIdOf} from '../store/document-ids.ts'
import type {CheckedChange, DocumentStore} from '../store/document-store.ts'
import type {QueryPoolOptions} from '../query/query-pool.ts'
import {DataRoutes} from './data-routes.ts'
import {allowCors, corsHeaders, decodeComponent, sendError, sendJson, type Request, type Response} from './responses.ts'
import {ACT_AS_COOKIE, ANONYMOUS, assertAuthenticated, assertEnforceable, isLocalRole, isWithin, LOCAL_USERS, SESSION_COOKIE, SITE_VISITOR, userOf, type LakeUser, type LocalRole, type LocalUsers} from './identity.ts'
import {OriginPolicy} from './origins.ts'
import {KeyValueStore} from './key-value-store.ts'
import {serveAsset, serveStudio} from './static-files.ts'
import {searchParamsOf} from './search-params.ts'

export interface LakeServerOptions {
  store: DocumentStore
  projectId: string
  dataset: string
  certificate: {cert: Buffer; key: Buffer}
  /** Port to listen on; 0 picks a free one. Always on the loopback address. */
  port: number
  /** A built Studio to serve from the same origin (paths without an API version prefix); a function when
   * `npm run dev` swaps in a rebuilt one. */
  studioDir?: string | (() => string)
  /** Who the browser is, unless it carries the act-as cookie for a lesser role: the administrator by default. */
  defaultRole?: LocalRole
  /** The users of each role with their grants (LOCAL_USERS, Sanity's built-in roles, by default). */
  users?: LocalUsers
  /** Other origins that may call the API from a browser with credentials, such as a local site's. */
  corsOrigins?: string[]
  /** Query workers and the query time limit. */
  queries?: QueryPoolOptions
  /** Where uploaded images and files go: `assets` in the store's folder by default. */
  assetsDir?: string
  /** How often scheduled releases whose time has come are published (10 s by default). */
  scheduledReleasesEveryMs?: number
  /** How many of the newest transactions history keeps (KEEP_TRANSACTIONS by default; tests ask for fewer). */
  historyKeep?: number
  /** Told of every request once it is answered: the drift test records the endpoints the Studio calls. */
  onRequest?: (request: ServedRequest) => void
}

// API versions prefix every path: /v1, /v2021-06-07, /vX.
const VERSION_PREFIX = /^\/v(\d+|\d{4}-\d{2}-\d{2}|X)(?=\/)/

type Params = Record<string, string>
interface Route {
  methods: string[]
  /** The endpoint as the API documents it, `:name` for a path segment, `*` for the rest. */
  pattern: string
  handle: (request: Request, response: Response, params: Params, context: {url: URL; user: LakeUser}) => unknown
}

// Each pattern's parts, split once rather than on every request.
const patternParts = new Map<string, string[]>()

/** Matches a path against a route pattern; the params by name, or undefined. */
function matchPattern(pattern: string, path: string): Params | undefined {
  let want = patternParts.get(pattern)
  if (!want) patternParts.set(pattern, (want = pattern.split('/')))
  const have = path.split('/')
  const params: Params = {}
  for (const [index, part] of want.entries()) {
    if (part === '*') {
      params.rest = have.slice(index).join('/')
      return params
    }
    const value = have[index]
    if (value === undefined) return undefined
    if (!part.startsWith(':')) {
      if (part !== value) return undefined
    } else if (value === '') return undefined
    else params[part.slice(1)] = decodeComponent(value)
  }
  return have.length === want.length ? params : undefined
}

export interface ServedRequest {
  method: string
  /** The matched route pattern, or the path itself when no route served it. */
  endpoint: string
  served: boolean
  status: number
}

/**
 * The part of Sanity's HTTP API that @sanity/client and the Studio use, over HTTP/2 with TLS (HTTP/1.1
 * too, for Node clients), on the loopback address only.
 */
export function createLakeServer(options: LakeServerOptions): Promise<{server: Http2SecureServer; port: number; close: () => Promise<void>}> {
  const users = options.users ?? LOCAL_USERS
  assertEnforceable(users)
  const serverRole = options.defaultRole ?? 'administrator'
  const origins = new OriginPolicy(options.corsOrigins ?? [])
  const data = new DataRoutes(options.store, options.dataset, options.queries)
  const keyValues = new KeyValueStore()
  const history = new HistoryLog(options.store, {keep: options.historyKeep})
  // A scheduled release is published with the grants of whoever scheduled it, and each document with
  // those of whoever last wrote its version too: anyone may add to a scheduled release, but an editor's
  // version may not replace an office when the release goes out.
  const userWithId = (id: string | undefined) => Object.values(users).find((candidate) => candidate.id === id)
  const publisherOf = (releaseDocumentId: string) => {
    const scheduler = userWithId(history.scheduledBy(releaseDocumentId))
    const releaseId = releaseIdOfDocument(releaseDocumentId)
    return scheduler && ((change: CheckedChange) => {
      authorizeChange(scheduler, change)
      // The documents the versions become (not the versions it deletes, nor the release document).
      if (publishedIdOf(change.id) !== change.id || change.id.startsWith('_.')) return
      const versionId = `versions.${releaseId}.${change.id}`
      const writer = userWithId(history.lastAuthor(versionId))
      // Unknown once history has let the write go (it keeps the newest transactions): refused, not let through.
      if (!writer) throw new LakeError(403, 'permissionDenied', `Who last wrote "${versionId}" is no longer known (history keeps the newest ${options.historyKeep ?? KEEP_TRANSACTIONS} transactions): save it again, or publish the release yourself`)
      if (writer !== scheduler) authorizeChange(writer, change)
    })
  }
  const stopScheduler = scheduleReleases(options.store, {lastContent: (id) => history.lastContent(id)}, publisherOf, options.scheduledReleasesEveryMs)
  // Asset URLs are made from the lake's own origin, never from a request's Host header.
  const assets = new AssetStore({
    directory: options.assetsDir ?? join(options.store.directory, 'assets'),
    store: options.store,
    projectId: options.projectId,
    dataset: options.dataset,
    baseUrl: () => `https://localhost:${origins.port}`,
  })
  // An anonymous request learns nothing about users: `{}`, as the hosted /users/me answers one.
  const publicUser = ({grants: _grants, ...user}: LakeUser) => (user.id === ANONYMOUS.id ? {} : user)
  // The Studio's session: given to the browser that opens the Studio here. Derived from the certificate's
  // key (readable by this user alone), so it outlives a restart and no other process can guess it.
  const session = createHmac('sha256', options.certificate.key).update('sanity-local-session').digest('base64url')
  const sessionCookie = `${SESSION_COOKIE}=${session}; Path=/; Secure; HttpOnly; SameSite=Strict`
  // What a request without credentials may not do at all: 401 before anything is read or written.
  const authenticated =
    (what: string, handle: Route['handle']): Route['handle'] =>
    (request, response, params, context) => {
      assertAuthenticated(context.user, what)
      return handle(request, response, params, context)
    }

  const routes: Route[] = [
    {methods: ['GET'], pattern: '/users/me', handle: (request, response, _, {user}) => sendJson(request, response, 200, publicUser(user))},
    {
      methods: ['GET', 'PUT', 'POST', 'PATCH'],
      pattern: '/users/me/keyvalue/*',
      handle: authenticated("The Studio's settings", (request, response, params, {user}) => {
        if (request.method !== 'GET' && user === SITE_VISITOR) throw new LakeError(403, 'permissionDenied', `${user.name} may not change the Studio user's settings`)
        return keyValues.handle(request, response, params.rest!)
      }),
    },
    // The project features the Studio turns on from this list: this lake serves Content Releases.
    {methods: ['GET'], pattern: '/features', handle: (request, response) => sendJson(request, response, 200, ['contentReleases'])},
    // Release limits (plan quotas on the hosted lake): none here, the Releases tool may always create one.
    {methods: ['GET'], pattern: '/projects/:projectId/new-content-release-allowed', handle: (request, response) => sendJson(request, response, 200, {orgMeteredActiveReleaseCount: 0, orgActiveReleaseLimit: null, datasetReleaseLimit: LIMITS.releases})},
    // The Studio reads the shard a dataset lives on from this for its latency reports: one here, no header.
    {methods: ['GET'], pattern: '/data/ping/:dataset', handle: (request, response) => sendJson(request, response, 200, {status: 'ok'})},
    {methods: ['GET'], pattern: '/ping', handle: (request, response) => sendJson(request, response, 200, {status: 'ok'})},
    {methods: ['GET'], pattern: '/projects/:projectId/datasets/:dataset/acl', handle: (request, response, _, {user}) => sendJson(request, response, 200, user.grants)},
    {methods: ['GET', 'POST'], pattern: '/data/query/:dataset', handle: (request, response, params, {url, user}) => data.query(request, response, params.dataset!, searchParamsOf(url), user, url)},
    {methods: ['GET'], pattern: '/data/doc/:dataset/*', handle: (request, response, params, {user}) => data.doc(request, response, params.dataset!, params.rest!, user)},
    {methods: ['GET'], pattern: '/data/listen/:dataset', handle: (request, response, params, {url, user}) => data.listen(request, response, params.dataset!, url.searchParams, user)},
    {methods: ['GET'], pattern: '/data/live/events/:dataset', handle: (request, response, params, {url, user}) => data.liveEvents(request, response, params.dataset!, url.searchParams, user)},
    {methods: ['POST'], pattern: '/data/mutate/:dataset', handle: authenticated('Writing', (request, response, params, {url, user}) => data.mutate(request, response, params.dataset!, url.searchParams, user))},
    {methods: ['POST'], pattern: '/data/actions/:dataset', handle: authenticated('Writing', (request, response, params, {user}) => data.actions(request, response, params.dataset!, user, history))},
    {methods: ['GET'], pattern: '/data/history/:dataset/transactions/:ids', handle: authenticated('History', (request, response, params, {url}) => data.transactions(request, response, params.dataset!, params.ids!, url.searchParams, history))},
    {methods: ['GET'], pattern: '/data/history/:dataset/documents/:ids', handle: authenticated('History', (request, response, params, {url}) => data.documentsAt(request, response, params.dataset!, params.ids!, url.searchParams, history))},
    {methods: ['GET'], pattern: '/data/history/:dataset/events/documents/:id', handle: authenticated('History', (request, response, params, {url}) => data.documentEvents(request, response, params.dataset!, params.id!, url.searchParams, history))},
    {methods: ['GET'], pattern: '/data/history/:dataset/events/releases/:releaseId', handle: authenticated('History', (request, response, params, {url}) => data.releaseEvents(request, response, params.dataset!, params.releaseId!, url.searchParams, history))},
    {methods: ['GET'], pattern: '/data/references/:dataset/documents/:id/to', handle: authenticated('Listing references', (request, response, params, {url}) => data.references(request, response, params.dataset!, params.id!, url.searchParams))},
    {methods: ['POST'], pattern: '/assets/:kind/:dataset', handle: authenticated('Uploading', (request, response, params, {url, user}) => data.upload(request, response, params, url, user, assets))},
  ]
  // Asset files are addressed without an API version, as on Sanity's CDN.
  const assetFiles: Route[] = [
    {methods: ['GET', 'HEAD'], pattern: '/images/:projectId/:dataset/:file', handle: (request, response, params) => serveAsset(assets, request, response, params.file!)},
    {methods: ['GET', 'HEAD'], pattern: '/files/:projectId/:dataset/:file', handle: (request, response, params) => serveAsset(assets, request, response, params.file!)},
  ]

  const route = (method: string, path: string, candidates: Route[]) => {
    for (const candidate of candidates) {
      const params = matchPattern(candidate.pattern, path)
      if (params && candidate.methods.includes(method)) return {candidate, params}
    }
    return undefined
  }

  const handle = async (request: Request, response: Response) => {
    // Only names that resolve to this machine: a page on another site cannot reach the lake by renaming
    // its own host to 127.0.0.1 (DNS rebinding).
    const host = String(request.headers[':authority'] ?? request.headers.host ?? '')
    if (!origins.allowsHost(host)) throw new LakeError(421, 'unknownHost', `This local Content Lake answers for localhost, *.localhost, 127.0.0.1 and [::1] only, not "${host.slice(0, 200)}"`)
    // A browser names the page that sends a request: pages of other origins may not use the lake at all
    // (not even with a form, which needs no CORS), so no other site can write with this user's cookie.
    const origin = request.headers.origin
    // @sanity/client asks this when an event stream fails, to tell a refused origin from other failures:
    // it answers any page, and says only whether that page's origin may use the lake.
    if (request.method === 'GET' && /^\/v[^/]+\/check\/cors(\?|$)/.test(request.url ?? '')) {
      const allowed = origin === undefined || origins.allowsOrigin(String(origin))
      return sendJson(request, response, 200, {result: {allowed, withCredentials: allowed}}, {'access-control-allow-origin': '*'})
    }
    if (origin !== undefined) {
      if (!origins.allowsOrigin(String(origin))) {
        throw new LakeError(403, 'originNotAllowed', `Requests from ${String(origin).slice(0, 200)} are not allowed: start the lake with --cors-origin ${String(origin).slice(0, 200)} to allow that origin`)
      }
      allowCors(request)
    }
    if (request.method === 'OPTIONS') {
      response.writeHead(204, corsHeaders(request))
      response.end()
      return
    }
    const url = new URL(request.url, 'https://localhost')
    // Pages of the origins the user named read only: a site needs no more, and must not write as the Studio's user.
    const user = userOf(request, {users, serverRole, session, namedOrigin: origin !== undefined && origins.isNamed(String(origin))})
    const versioned = VERSION_PREFIX.test(url.pathname)
    const path = url.pathname.replace(VERSION_PREFIX, '')
    const found = versioned ? route(request.method, path, routes) : route(request.method, path, assetFiles)
    // Only the API's requests: the Studio's own files are not part of the API.
    if (options.onRequest && (versioned || found)) {
      const entry = {method: request.method, endpoint: found?.candidate.pattern ?? path, served: Boolean(found)}
      response.once('close', () => options.onRequest?.({...entry, status: response.statusCode}))
    }
    if (found) return found.candidate.handle(request, response, found.params, {url, user})
    if (!versioned && request.method === 'GET') {
      const actAs = /^\/local\/act-as\/([a-z]+)$/.exec(url.pathname)
      if (actAs) return actAsRole(response, actAs[1]!)
      const studioDir = typeof options.studioDir === 'function' ? options.studioDir() : options.studioDir
      if (studioDir) return serveStudio(studioDir, request, response, {'set-cookie': sessionCookie})
    }
    throw new LakeError(404, 'notFound', `${request.method} ${url.pathname} is not served by the local Content Lake`)
  }

  /** Lets a browser act as another local user (a cookie for this host) and logs it in, then opens the Studio. */
  const actAsRole = (response: Response, role: string) => {
    if (!isLocalRole(role)) throw new LakeError(404, 'unknownRole', `No local user has the role "${role}": use administrator or editor`)
    if (!isWithin(role, serverRole)) throw new LakeError(403, 'roleNotAllowed', `This lake was started as ${serverRole}: a browser may act with fewer rights, not as ${role}`)
    // Acting as someone is logging in as them: the Studio's session comes with the role.
    response.writeHead(303, {location: '/', 'set-cookie': [`${ACT_AS_COOKIE}=${role}; Path=/; Secure; SameSite=Lax`, sessionCookie]})
    response.end()
  }

  const server = createSecureServer({...options.certificate, allowHTTP1: true}, (request, response) => {
    handle(request, response).catch((error: unknown) => sendError(request, response, error))
  })
  // An HTTP/1.1 request the parser cannot take (a URL or headers past Node's 16 KB limit) gets an answer,
  // not a reset connection.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: import('node:net').Socket) => {
    if (!socket.writable) return socket.destroy()
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request'
    socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`)
  })
  // Keep-alive connections would hold close() open: track them to end them.
  const sockets = new Set<import('node:net').Socket>()
  server.on('secureConnection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  const close = async () => {
    stopScheduler()
    await data.queries.close()
    await new Promise<void>((done) => {
      server.close(() => done())
      for (const socket of sockets) socket.destroy()
    })
  }
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : options.port
      origins.port = port
      resolve({server, port, close})
    })
  })
}
