/** Host names that always mean this machine: a browser never sends them to anywhere else. */
function isLoopbackName(hostname: string): boolean {
  const name = hostname.toLowerCase()
  return name === 'localhost' || name.endsWith('.localhost') || name === '127.0.0.1' || name === '[::1]'
}

/** `host[:port]` as a Host header or `:authority` carries it; undefined when malformed. */
function splitHost(value: string): {hostname: string; port: string} | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(value)
  return match ? {hostname: match[1]!, port: match[2] ?? ''} : undefined
}

/**
 * Which hosts and browser origins the lake serves. Its own origins are https on a loopback name and the
 * lake's port (the Studio it serves, and the API under any project's `<id>.localhost`); other origins
 * only when the user names them (`--cors-origin`), such as a site in development.
 */
export class OriginPolicy {
  /** The port the server listens on, known once it listens. */
  port = 0
  private readonly extra: Set<string>

  constructor(extraOrigins: readonly string[] = []) {
    this.extra = new Set(extraOrigins.map((origin) => normalizeOrigin(origin)))
  }

  allowsHost(host: string): boolean {
    const parts = splitHost(host)
    return Boolean(parts && isLoopbackName(parts.hostname))
  }

  allowsOrigin(origin: string): boolean {
    return this.extra.has(origin.toLowerCase()) || this.isOwn(origin)
  }

  /** Whether an allowed origin is one the user named (a site), not the lake's own (its Studio). */
  isNamed(origin: string): boolean {
    return this.extra.has(origin.toLowerCase()) && !this.isOwn(origin)
  }

  private isOwn(origin: string): boolean {
    let url: URL
    try {
      url = new URL(origin)
    } catch {
      return false // "null" (sandboxed frames, files) and anything else that is not an origin
    }
    return url.protocol === 'https:' && isLoopbackName(url.hostname) && url.port === String(this.port) && origin === url.origin
  }
}

/** "http://localhost:3000/" → "http://localhost:3000"; refuses what is not an http(s) origin. */
export function normalizeOrigin(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`"${value}" is not an origin such as http://localhost:3000`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`"${value}" is not an http or https origin`)
  return url.origin.toLowerCase()
}
