import {createReadStream, existsSync, statSync} from 'node:fs'
import {extname, join, normalize, resolve, sep} from 'node:path'

import type {AssetStore} from '../assets/asset-store.ts'
import {LakeError} from '../errors.ts'
import {corsHeaders, decodeComponent, type Request, type Response} from './responses.ts'

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
export function serveStudio(root: string, request: Request, response: Response, extraHeaders: Record<string, string> = {}): void {
  const base = resolve(root)
  const path = decodeComponent(new URL(request.url, 'https://localhost').pathname)
  const file = resolve(join(base, normalize(path)))
  const inside = file === base || file.startsWith(base + sep)
  const target = inside && existsSync(file) && statSync(file).isFile() ? file : join(base, 'index.html')
  response.writeHead(200, {
    'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    // The Studio is never framed by another site.
    'x-frame-options': 'SAMEORIGIN',
    'cache-control': target.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
    ...corsHeaders(request),
    ...extraHeaders,
  })
  createReadStream(target).pipe(response as unknown as NodeJS.WritableStream)
}

/**
 * An uploaded image or file, as Sanity's CDN serves it. Image transformation parameters (w, h, fit,
 * auto=format) are ignored: the original is sent, which browsers scale.
 */
export function serveAsset(assets: AssetStore, request: Request, response: Response, fileName: string): void {
  const file = assets.fileFor(fileName)
  if (!file) throw new LakeError(404, 'assetNotFound', `No uploaded asset is named ${fileName}`)
  response.writeHead(200, {
    'content-type': file.mimeType,
    // Uploads share the Studio's origin: an SVG or HTML upload must never run script there. The sandbox
    // gives the file an opaque origin of its own and `default-src 'none'` lets it load nothing.
    'content-security-policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox",
    'x-content-type-options': 'nosniff',
    ...(file.mimeType.startsWith('image/') ? {} : {'content-disposition': 'attachment'}),
    // Names are content hashes: the bytes behind one never change.
    'cache-control': 'public, max-age=31536000, immutable',
    'content-length': String(statSync(file.path).size),
    ...corsHeaders(request),
  })
  if (request.method === 'HEAD') {
    response.end()
    return
  }
  createReadStream(file.path).pipe(response as unknown as NodeJS.WritableStream)
}
