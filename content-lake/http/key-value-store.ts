import {LakeError} from '../errors.ts'
import {decodeComponent, readJsonBody, sendJson, type Request, type Response} from './responses.ts'

/**
 * The Studio's per-user settings (/users/me/keyvalue: list layouts, sort orders, seen announcements),
 * kept in memory: they are preferences, not content.
 */
// Far more settings than a Studio keeps; a bound so that no client fills the memory with them.
const MAX_KEYS = 10_000

export class KeyValueStore {
  private readonly values = new Map<string, unknown>()

  async handle(request: Request, response: Response, keys: string) {
    if (request.method === 'GET') {
      const wanted = decodeComponent(keys).split(',').filter(Boolean)
      return sendJson(request, response, 200, wanted.map((key) => ({key, value: this.values.get(key) ?? null})))
    }
    if (request.method === 'PUT' || request.method === 'POST' || request.method === 'PATCH') {
      const body = await readJsonBody(request)
      const entries = (Array.isArray(body) ? body : [body]) as {key?: unknown; value?: unknown}[]
      // All or nothing: every entry is checked before any is kept.
      if (entries.some((entry) => typeof entry?.key !== 'string')) throw new LakeError(400, 'invalidKeyValue', 'Send [{"key": "...", "value": ...}]')
      const added = new Set(entries.map((entry) => entry.key as string).filter((key) => !this.values.has(key)))
      if (this.values.size + added.size > MAX_KEYS) throw new LakeError(413, 'tooManyKeys', `The settings store holds at most ${MAX_KEYS} keys`)
      for (const entry of entries) this.values.set(entry.key as string, entry.value ?? null)
      return sendJson(request, response, 200, entries.map((entry) => ({key: entry.key, value: entry.value ?? null})))
    }
    throw new LakeError(405, 'methodNotAllowed', `${request.method} is not allowed on the key-value store`)
  }
}
