import type {Http2ServerRequest, Http2ServerResponse} from 'node:http2'

import {LakeError} from '../errors.ts'

export type Request = Http2ServerRequest
export type Response = Http2ServerResponse

/** CORS for the Studio's origin, with credentials (cookie-mode login). */
export function corsHeaders(request: Request): Record<string, string> {
  const origin = request.headers.origin
  return origin
    ? {
        'access-control-allow-origin': origin,
        'access-control-allow-credentials': 'true',
        // Whatever the Studio asks to send (its client adds tracing and tag headers over time).
        'access-control-allow-headers': String(request.headers['access-control-request-headers'] ?? 'authorization, content-type'),
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
        vary: 'origin',
      }
    : {}
}

export function sendJson(request: Request, response: Response, status: number, body: unknown, extraHeaders: Record<string, string> = {}) {
  const text = JSON.stringify(body)
  response.writeHead(status, {'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...corsHeaders(request), ...extraHeaders})
  response.end(text)
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

// Larger than any document the Studio sends; a body past it is refused before it is parsed.
export const MAX_BODY_BYTES = 10 * 1024 * 1024

/** The whole request body, refused with 413 past `limit` bytes. */
export async function readBody(request: Request, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw new LakeError(413, 'payloadTooLarge', `Request bodies are limited to ${limit} bytes`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

export async function readJsonBody(request: Request): Promise<unknown> {
  const text = (await readBody(request)).toString('utf8')
  if (!text) return {}
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new LakeError(400, 'invalidJson', `The request body is not valid JSON: ${(error as Error).message}`)
  }
}
