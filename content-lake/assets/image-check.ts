import {crc32} from 'node:zlib'

import {LakeError} from '../errors.ts'

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** A PNG's chunks, each with a correct CRC, from IHDR to IEND and nothing after. */
function pngProblem(body: Buffer): string | undefined {
  if (!body.subarray(0, 8).equals(PNG_SIGNATURE)) return 'it does not start with the PNG signature'
  let offset = 8
  let first = true
  while (offset + 12 <= body.length) {
    const length = body.readUInt32BE(offset)
    const type = body.toString('latin1', offset + 4, offset + 8)
    const end = offset + 12 + length
    if (end > body.length) return `its ${type} chunk is cut off`
    if (first && type !== 'IHDR') return 'its first chunk is not IHDR'
    if (crc32(body.subarray(offset + 4, offset + 8 + length)) !== body.readUInt32BE(offset + 8 + length)) return `its ${type} chunk is damaged (CRC mismatch)`
    first = false
    offset = end
    if (type === 'IEND') return offset === body.length ? undefined : 'it has bytes after its end'
  }
  return 'it ends before its IEND chunk (the file is cut off)'
}

function jpegProblem(body: Buffer): string | undefined {
  if (body[0] !== 0xff || body[1] !== 0xd8) return 'it does not start with a JPEG marker'
  // Some cameras pad after the end-of-image marker; the marker itself must be there.
  const tail = body.subarray(Math.max(0, body.length - 1024))
  for (let index = tail.length - 2; index >= 0; index--) if (tail[index] === 0xff && tail[index + 1] === 0xd9) return undefined
  return 'it has no end-of-image marker (the file is cut off)'
}

function gifProblem(body: Buffer): string | undefined {
  return body[body.length - 1] === 0x3b ? undefined : 'it has no GIF trailer (the file is cut off)'
}

function webpProblem(body: Buffer): string | undefined {
  if (body.toString('latin1', 0, 4) !== 'RIFF' || body.toString('latin1', 8, 12) !== 'WEBP') return 'it is not a RIFF WebP file'
  return body.readUInt32LE(4) + 8 <= body.length ? undefined : 'it is shorter than its header says (the file is cut off)'
}

function svgProblem(body: Buffer): string | undefined {
  const text = body.toString('utf8').trimEnd()
  return /<svg[\s>]/i.test(text) && (/<\/svg>$/i.test(text) || text.endsWith('/>')) ? undefined : 'it is not a complete SVG document'
}

const CHECKS: Record<string, (body: Buffer) => string | undefined> = {png: pngProblem, jpg: jpegProblem, gif: gifProblem, webp: webpProblem, svg: svgProblem}

/**
 * Refuses an image whose file is incomplete or damaged, where its header alone (all that image-size
 * reads) would pass: a truncated upload must not become an asset with made-up dimensions.
 */
export function assertCompleteImage(extension: string, body: Buffer) {
  const problem = CHECKS[extension]?.(body)
  if (problem) throw new LakeError(400, 'invalidImage', `The image cannot be stored: ${problem}. Upload the whole file again.`)
}
