import {createReadStream, existsSync, statSync} from 'node:fs'
import {extname, join, normalize, resolve, sep} from 'node:path'

import {corsHeaders, type Request, type Response} from './responses.ts'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
}

/**
 * Serves a built Studio (`sanity build`) from the same origin as the API, so a person accepts one
 * certificate. Paths outside the folder are refused; unknown paths get index.html (the Studio routes).
 */
export function serveStudio(root: string, request: Request, response: Response): void {
  const base = resolve(root)
  const path = decodeURIComponent(new URL(request.url, 'https://localhost').pathname)
  const file = resolve(join(base, normalize(path)))
  const inside = file === base || file.startsWith(base + sep)
  const target = inside && existsSync(file) && statSync(file).isFile() ? file : join(base, 'index.html')
  response.writeHead(200, {
    'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
    'cache-control': target.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
    ...corsHeaders(request),
  })
  createReadStream(target).pipe(response as unknown as NodeJS.WritableStream)
}
