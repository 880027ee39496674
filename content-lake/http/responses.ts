import type {Http2ServerRequest, Http2ServerResponse} from 'node:http2'

import {LakeError} from '../errors.ts'
import {assertNesting, LIMITS} from '../limits.ts'

export type Request = Http2ServerRequest
export type Response = Http2ServerResponse

// Requests whose Origin the server allows (its own origin, or one the user named): set by the server.
const corsAllowed = new WeakSet<Request>()

/** Marks a request as coming from an origin that may read the answer with credentials. */
export function allowCors(request: Request) {
  corsAllowed.add(request)
}

/** Headers on every answer: no content sniffing (an answer is only ever what its content type says). */
const BASE_HEADERS = {'x-content-type-options': 'nosniff'}

/** CORS for an allowed origin (the Studio's own, or one configured), with credentials (cookie-mode login). */
export function corsHeaders(request: Request): Record<string, string> {
  const origin = request.headers.origin
  return origin && corsAllowed.has(request)
    ? {
        'access-control-allow-origin': origin,
        'access-control-allow-credentials': 'true',
        // Whatever the Studio asks to send (its client adds tracing and tag headers over time).
        'access-control-allow-headers': String(request.headers['access-control-request-headers'] ?? 'authorization, content-type'),
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
        vary: 'origin',
        ...BASE_HEADERS,
      }
    : {...BASE_HEADERS}
}

export function sendJson(request: Request, response: Response, status: number, body: unknown, extraHeaders: Record<string, string> = {}) {
  sendJsonText(request, response, status, JSON.stringify(body), extraHeaders)
}

/** An answer already serialised. */
export function sendJsonText(request: Request, response: Response, status: number, text: string, extraHeaders: Record<string, string> = {}) {
  sendJsonChunks(request, response, status, [text], extraHeaders)
}

/** Parts of a body, text and UTF-8 bytes (a query worker's result), as one buffer. */
export function bodyOf(chunks: (string | Buffer)[]): Buffer {
  return chunks.length === 1 && typeof chunks[0] !== 'string' ? chunks[0]! : Buffer.concat(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk)))
}

/**
 * An answer serialised in parts, text and UTF-8 bytes (a query worker's result), written as one buffer
 * with its length (one write: parts written one by one could wait on each other's acknowledgement).
 */
export function sendJsonChunks(request: Request, response: Response, status: number, chunks: (string | Buffer)[], extraHeaders: Record<string, string> = {}) {
  if (response.headersSent || response.destroyed) return
  const body = bodyOf(chunks)
  response.writeHead(status, {'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...corsHeaders(request), ...extraHeaders, 'content-length': String(body.length)})
  response.end(body)
}

/** decodeURIComponent with a 400 for a malformed escape such as `%E0%A4%A`. */
export function decodeComponent(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    throw new LakeError(400, 'invalidPath', `"${value.slice(0, 200)}" is not validly percent-encoded`)
  }
}

/** Errors in the Content Lake's shape, so @sanity/client reports the message. */
export function sendError(request: Request, response: Response, error: unknown) {
  if (error instanceof LakeError) {
    // An HTTP/1.1 body left unread (too large) would be taken for the next request: close instead.
    const close: Record<string, string> = error.status === 413 && request.httpVersionMajor === 1 ? {connection: 'close'} : {}
    sendJson(request, response, error.status, {error: {description: error.message, type: error.type}, statusCode: error.status}, close)
    return
  }
  console.error(error)
  sendJson(request, response, 500, {error: {description: 'Internal error in the local Content Lake', type: 'internalError'}, statusCode: 500})
}

/** The whole request body, refused with 413 past `limit` bytes. */
export async function readBody(request: Request, limit: number = LIMITS.bodyBytes): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw new LakeError(413, 'payloadTooLarge', `Request bodies are limited to ${limit} bytes`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/**
 * Bodies that change or read data come as `application/json` only: a page on another site can send
 * `text/plain` or form bodies without asking, but not JSON.
 */
function assertJsonContentType(request: Request) {
  const type = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/json') {
    throw new LakeError(415, 'unsupportedMediaType', `Send the request body as JSON with "content-type: application/json" (got ${type ? `"${type}"` : 'no content type'})`)
  }
}

/** The JSON body, checked for type, syntax and nesting. An empty body is `{}`. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const body = await readBody(request)
  if (body.length === 0) return {}
  assertJsonContentType(request)
  let value: unknown
  try {
    value = JSON.parse(body.toString('utf8'))
  } catch (error) {
    throw new LakeError(400, 'invalidJson', `The request body is not valid JSON: ${(error as Error).message}`)
  }
  // The envelope ({"mutations": [{"create": ...}]}) adds a few levels above the documents it carries.
  assertNesting(value, 'The request body', LIMITS.nestingDepth + 8)
  return value
}

/** A JSON body that must be an object, such as {"mutations": [...]}; `null`, arrays and numbers get 400. */
export async function readJsonObject(request: Request, example: string): Promise<Record<string, unknown>> {
  const value = await readJsonBody(request)
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new LakeError(400, 'invalidRequestBody', `The request body must be a JSON object: ${example}`)
  return value as Record<string, unknown>
}
