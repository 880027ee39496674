import {createSecureServer, type Http2SecureServer} from 'node:http2'

import {LakeError} from '../errors.ts'
import type {DocumentStore} from '../store/document-store.ts'
import {DataRoutes} from './data-routes.ts'
import {corsHeaders, sendError, sendJson, type Request, type Response} from './responses.ts'
import {ACT_AS_COOKIE, grantsOf, isLocalRole, userOf, type LocalRole} from './identity.ts'
import {KeyValueStore} from './key-value-store.ts'
import {serveStudio} from './static-files.ts'

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
  /** Who the browser is, unless it carries the act-as cookie: the administrator by default. */
  defaultRole?: LocalRole
}

// API versions prefix every path: /v1, /v2021-06-07, /vX.
const VERSION_PREFIX = /^\/v(\d+|\d{4}-\d{2}-\d{2}|X)(?=\/)/

/**
 * The part of Sanity's HTTP API that @sanity/client and the Studio use, over HTTP/2 with TLS (HTTP/1.1
 * too, for Node clients), on the loopback address only.
 */
export function createLakeServer(options: LakeServerOptions): Promise<{server: Http2SecureServer; port: number; close: () => Promise<void>}> {
  const data = new DataRoutes(options.store, options.dataset)
  const keyValues = new KeyValueStore()

  const handle = async (request: Request, response: Response) => {
    if (request.method === 'OPTIONS') {
      response.writeHead(204, corsHeaders(request))
      response.end()
      return
    }
    const url = new URL(request.url, 'https://localhost')
    const user = userOf(request, options.defaultRole ?? 'administrator')
    const actAs = /^\/local\/act-as\/([a-z]+)$/.exec(url.pathname)
    if (actAs && request.method === 'GET') return actAsRole(response, actAs[1]!)
    const studioDir = typeof options.studioDir === 'function' ? options.studioDir() : options.studioDir
    if (studioDir && request.method === 'GET' && !VERSION_PREFIX.test(url.pathname)) return serveStudio(studioDir, request, response)
    const path = url.pathname.replace(VERSION_PREFIX, '')
    const [, first, second, third, ...rest] = path.split('/')
    if (first === 'users' && second === 'me' && third === 'keyvalue') return keyValues.handle(request, response, rest.join('/'))
    if (first === 'users' && second === 'me' && !third) return sendJson(request, response, 200, user)
    if (first === 'ping') return sendJson(request, response, 200, {status: 'ok'})
    if (first === 'data' && second === 'query' && third && (request.method === 'GET' || request.method === 'POST')) return data.query(request, response, third, url.searchParams)
    if (first === 'data' && second === 'doc' && third && request.method === 'GET') return data.doc(request, response, third, rest.join('/'))
    if (first === 'data' && second === 'listen' && third && request.method === 'GET') return data.listen(request, response, third, url.searchParams, user.id)
    if (first === 'data' && second === 'mutate' && third && request.method === 'POST') return data.mutate(request, response, third, url.searchParams)
    if (first === 'data' && second === 'actions' && third && request.method === 'POST') return data.actions(request, response, third)
    if (first === 'projects' && rest.at(-1) === 'acl') {
      return sendJson(request, response, 200, grantsOf(user))
    }
    throw new LakeError(404, 'notFound', `${request.method} ${url.pathname} is not served by the local Content Lake`)
  }

  /** Lets a browser act as another local user (a cookie for this host), then opens the Studio. */
  const actAsRole = (response: Response, role: string) => {
    if (!isLocalRole(role)) throw new LakeError(404, 'unknownRole', `No local user has the role "${role}": use administrator or editor`)
    response.writeHead(303, {location: '/', 'set-cookie': `${ACT_AS_COOKIE}=${role}; Path=/; Secure; SameSite=Lax`})
    response.end()
  }

  const server = createSecureServer({...options.certificate, allowHTTP1: true}, (request, response) => {
    handle(request, response).catch((error: unknown) => sendError(request, response, error))
  })
  // Keep-alive connections would hold close() open: track them to end them.
  const sockets = new Set<import('node:net').Socket>()
  server.on('secureConnection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  const close = () =>
    new Promise<void>((done) => {
      server.close(() => done())
      for (const socket of sockets) socket.destroy()
    })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : options.port
      resolve({server, port, close})
    })
  })
}
