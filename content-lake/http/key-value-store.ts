import {LakeError} from '../errors.ts'
import {readJsonBody, sendJson, type Request, type Response} from './responses.ts'

/**
 * The Studio's per-user settings (/users/me/keyvalue: list layouts, sort orders, seen announcements),
 * kept in memory: they are preferences, not content.
 */
export class KeyValueStore {
  private readonly values = new Map<string, unknown>()

  async handle(request: Request, response: Response, keys: string) {
    if (request.method === 'GET') {
      const wanted = decodeURIComponent(keys).split(',').filter(Boolean)
      return sendJson(request, response, 200, wanted.map((key) => ({key, value: this.values.get(key) ?? null})))
    }
    if (request.method === 'PUT' || request.method === 'POST' || request.method === 'PATCH') {
      const body = await readJsonBody(request)
      const entries = (Array.isArray(body) ? body : [body]) as {key?: unknown; value?: unknown}[]
      for (const entry of entries) {
        if (typeof entry?.key !== 'string') throw new LakeError(400, 'invalidKeyValue', 'Send [{"key": "...", "value": ...}]')
        this.values.set(entry.key, entry.value ?? null)
      }
      return sendJson(request, response, 200, entries.map((entry) => ({key: entry.key, value: entry.value ?? null})))
    }
    throw new LakeError(405, 'methodNotAllowed', `${request.method} is not allowed on the key-value store`)
  }
}
