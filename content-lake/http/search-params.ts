import {isUtf8} from 'node:buffer'

// Each ASCII character's value as a hex digit, or -1.
const HEX_DIGIT = new Int8Array(128).fill(-1)
for (let digit = 0; digit < 16; digit++) {
  HEX_DIGIT['0123456789abcdef'.charCodeAt(digit)] = digit
  HEX_DIGIT['0123456789ABCDEF'.charCodeAt(digit)] = digit
}
const hexDigit = (code: number) => (code < 128 ? HEX_DIGIT[code]! : -1)

/**
 * One name or value of an `application/x-www-form-urlencoded` string, decoded as URLSearchParams decodes
 * it (`+` a space, `%XX` a byte, the bytes UTF-8), or undefined where that needs URLSearchParams's own
 * rules: a character past ASCII, or bytes that are not UTF-8 (replaced there character by character).
 */
function decodeFormComponent(text: string, bytes: Buffer): string | undefined {
  let length = 0
  for (let index = 0; index < text.length; index++) {
    let code = text.charCodeAt(index)
    if (code > 0x7f) return undefined
    if (code === 0x2b) code = 0x20
    else if (code === 0x25 && index + 2 < text.length) {
      const high = hexDigit(text.charCodeAt(index + 1))
      const low = hexDigit(text.charCodeAt(index + 2))
      if (high >= 0 && low >= 0) {
        code = (high << 4) | low
        index += 2
      }
    }
    bytes[length++] = code
  }
  const decoded = bytes.subarray(0, length)
  return isUtf8(decoded) ? decoded.toString('utf8') : undefined
}

/**
 * A URL's query string as URLSearchParams reads it, decoded faster: URLSearchParams decodes in JavaScript
 * a character at a time, about 20 µs for the 3.5 KB that @sanity/client sends for a page's 2 KB query,
 * and a site asks such queries on every request. Anything the fast path cannot decode exactly as
 * URLSearchParams would is left to URLSearchParams.
 */
export function searchParamsOf(url: URL): URLSearchParams {
  const search = url.search.slice(1)
  if (search.length < 256) return url.searchParams
  // Decoding only shortens a component: a buffer of the whole string holds any one of them.
  const bytes = Buffer.allocUnsafe(search.length)
  const pairs: [string, string][] = []
  for (const part of search.split('&')) {
    if (part === '') continue
    const equals = part.indexOf('=')
    const name = decodeFormComponent(equals === -1 ? part : part.slice(0, equals), bytes)
    const value = equals === -1 ? '' : decodeFormComponent(part.slice(equals + 1), bytes)
    if (name === undefined || value === undefined) return url.searchParams
    pairs.push([name, value])
  }
  return new URLSearchParams(pairs)
}
