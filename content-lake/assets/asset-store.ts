import {createHash} from 'node:crypto'
import {closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync} from 'node:fs'
import {extname, join} from 'node:path'

import {imageSize} from 'image-size'

import {LakeError} from '../errors.ts'
import {LIMITS} from '../limits.ts'
import type {CommitOptions, Doc, DocumentStore} from '../store/document-store.ts'
import {fsyncDirectory} from '../store/fsync-directory.ts'
import {assertCompleteImage} from './image-check.ts'

export type AssetKind = 'images' | 'files'

const IMAGE_TYPES: Record<string, string> = {png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml', avif: 'image/avif', tiff: 'image/tiff'}

/**
 * Uploaded images and files: the bytes on disk under their SHA-1 (the Content Lake's asset ids are made
 * from it, so the same upload twice is one asset), and a `sanity.imageAsset` / `sanity.fileAsset`
 * document in the dataset that the Studio references.
 */
export class AssetStore {
  private readonly directory: string
  private readonly store: DocumentStore
  private readonly projectId: string
  private readonly dataset: string
  /** The lake's own origin, which asset URLs start with. */
  private readonly baseUrl: () => string

  constructor(options: {directory: string; store: DocumentStore; projectId: string; dataset: string; baseUrl: () => string}) {
    this.directory = options.directory
    this.store = options.store
    this.projectId = options.projectId
    this.dataset = options.dataset
    this.baseUrl = options.baseUrl
    mkdirSync(this.directory, {recursive: true})
  }

  /**
   * Stores the bytes and returns the asset document (an existing one when the same bytes came before).
   * The asset document is committed with `commit` (the uploader's identity and grants).
   */
  upload(kind: AssetKind, body: Buffer, meta: {filename?: string; contentType?: string; commit?: CommitOptions}): Doc {
    if (body.length === 0) throw new LakeError(400, 'emptyUpload', 'The upload is empty: send the file\'s bytes as the request body')
    const sha1 = createHash('sha1').update(body).digest('hex')
    const described = kind === 'images' ? describeImage(body) : describeFile(meta.filename, meta.contentType)
    const fileName = kind === 'images' ? `${sha1}-${described.width}x${described.height}.${described.extension}` : `${sha1}.${described.extension}`
    // PNG, WebP and GIF can carry transparency; this server does not decode pixels to find out.
    const mayHaveAlpha = ['png', 'webp', 'gif'].includes(described.extension)
    const id = kind === 'images' ? `image-${sha1}-${described.width}x${described.height}-${described.extension}` : `file-${sha1}-${described.extension}`
    const existing = this.store.get(id)
    if (existing) return existing
    const path = `${kind}/${this.projectId}/${this.dataset}/${fileName}`
    const asset: Doc = {
      _id: id,
      _type: kind === 'images' ? 'sanity.imageAsset' : 'sanity.fileAsset',
      assetId: sha1,
      sha1hash: sha1,
      extension: described.extension,
      mimeType: described.mimeType,
      size: body.length,
      ...(meta.filename ? {originalFilename: meta.filename} : {}),
      path,
      url: `${this.baseUrl()}/${path}`,
      uploadId: sha1.slice(0, 16),
      ...(kind === 'images'
        ? {
            metadata: {
              _type: 'sanity.imageMetadata',
              dimensions: {_type: 'sanity.imageDimensions', width: described.width, height: described.height, aspectRatio: described.width! / described.height!},
              hasAlpha: mayHaveAlpha,
              isOpaque: !mayHaveAlpha,
            },
          }
        : {}),
    }
    // The uploader's grants first; then the bytes, durable before any document points at them.
    meta.commit?.authorize?.({id, before: null, after: asset})
    this.writeDurably(fileName, body)
    this.store.commit([{id, after: asset}], meta.commit ?? {})
    return this.store.get(id)!
  }

  /** The stored bytes for a served path's file name, or undefined. */
  fileFor(fileName: string): {path: string; mimeType: string} | undefined {
    // Names are made here from a hex digest: anything else is not ours to serve.
    if (!/^[0-9a-f]{40}(-\d+x\d+)?\.[a-z0-9]+$/.test(fileName)) return undefined
    const path = join(this.directory, fileName)
    if (!existsSync(path)) return undefined
    const extension = extname(fileName).slice(1)
    return {path, mimeType: IMAGE_TYPES[extension] ?? 'application/octet-stream'}
  }

  private writeDurably(fileName: string, body: Buffer) {
    const target = join(this.directory, fileName)
    if (existsSync(target)) return
    const scratch = `${target}.${process.pid}.tmp`
    try {
      const fd = openSync(scratch, 'w')
      try {
        let written = 0
        while (written < body.length) written += writeSync(fd, body, written, body.length - written)
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
      renameSync(scratch, target)
      // The file's name must be on disk before the asset document that points at it.
      fsyncDirectory(this.directory)
    } catch (error) {
      rmSync(scratch, {force: true})
      throw new LakeError(507, 'storageFull', `The upload was not saved: ${(error as Error).message}`)
    }
  }
}

function describeImage(body: Buffer): {width: number; height: number; extension: string; mimeType: string} {
  let size: ReturnType<typeof imageSize>
  try {
    size = imageSize(body)
  } catch {
    throw new LakeError(400, 'invalidImage', 'The upload is not an image this server can read (PNG, JPEG, GIF, WebP, SVG, AVIF or TIFF)')
  }
  const extension = size.type === 'jpg' ? 'jpg' : (size.type ?? 'bin')
  if (!IMAGE_TYPES[extension]) throw new LakeError(400, 'invalidImage', `Images are PNG, JPEG, GIF, WebP, SVG, AVIF or TIFF, not ${extension}`)
  if (!(size.width >= 1 && size.height >= 1 && size.width <= LIMITS.imageSidePixels && size.height <= LIMITS.imageSidePixels)) {
    throw new LakeError(400, 'invalidImage', `The image claims to be ${size.width} x ${size.height} pixels: images are 1 to ${LIMITS.imageSidePixels} pixels a side`)
  }
  assertCompleteImage(extension, body)
  return {width: size.width, height: size.height, extension, mimeType: IMAGE_TYPES[extension] ?? 'application/octet-stream'}
}

function describeFile(filename: string | undefined, contentType: string | undefined): {width?: undefined; height?: undefined; extension: string; mimeType: string} {
  const fromName = filename ? extname(filename).slice(1).toLowerCase() : ''
  const extension = /^[a-z0-9]{1,10}$/.test(fromName) ? fromName : 'bin'
  return {extension, mimeType: contentType && /^[\w.+-]+\/[\w.+-]+$/.test(contentType) ? contentType : 'application/octet-stream'}
}
