import {LIMITS} from '../limits.ts'
import {corsHeaders, type Request, type Response} from './responses.ts'

/** Bytes written to a response that its client has not read yet (HTTP/2 stream or HTTP/1.1 socket). */
function bufferedBytes(response: Response): number {
  const stream = (response as {stream?: {writableLength?: number}}).stream
  return stream?.writableLength ?? response.writableLength ?? 0
}

export interface EventStream {
  /** Writes one server-sent event (with an id a client can resume after); nothing once the stream is gone. */
  send: (event: string, data: unknown, id?: string) => void
  /** Writes a last event telling the client why, then ends the stream. */
  end: (event?: string, data?: unknown) => void
}

/**
 * Starts a server-sent event stream (listeners, live events). A client that does not read would make
 * the server hold every event for it: past LIMITS.listenerBufferBytes unread, the stream is destroyed
 * (EventSource and @sanity/client reconnect and start again from a fresh state). `onClose` runs once,
 * however the stream ends.
 */
export function openEventStream(request: Request, response: Response, onClose: () => void): EventStream {
  let closed = false
  const close = () => {
    if (closed) return
    closed = true
    clearInterval(keepAlive)
    onClose()
  }
  const gone = () => response.writableEnded || response.destroyed
  const send = (event: string, data: unknown, id?: string) => {
    if (gone()) return
    response.write(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
    if (bufferedBytes(response) > LIMITS.listenerBufferBytes) {
      close()
      response.destroy()
    }
  }
  response.writeHead(200, {'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...corsHeaders(request)})
  // A comment now and then keeps proxies and idle timers from closing the stream.
  const keepAlive = setInterval(() => {
    if (!gone()) response.write(':\n\n')
  }, 25_000)
  request.once('close', close)
  response.once('close', close)
  return {
    send,
    end: (event, data) => {
      close()
      if (gone()) return
      if (event) response.write(`event: ${event}\ndata: ${JSON.stringify(data ?? {})}\n\n`)
      response.end()
    },
  }
}
