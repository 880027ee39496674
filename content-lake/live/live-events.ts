import {LakeError} from '../errors.ts'
import {publishedIdOf} from '../store/document-ids.ts'
import type {DocumentStore} from '../store/document-store.ts'
import {syncTagsOfChange, typeTag} from './sync-tags.ts'

/** One write as the Live Content API reports it: an id to resume after, and the sync tags it touched. */
interface LiveEvent {
  id: string
  /** Tags of every change, drafts and versions included (for streams with includeDrafts). */
  tags: string[]
  /** Tags of the changes to published documents only (for the others). */
  publishedTags: string[]
}

export interface LiveStream {
  includeDrafts: boolean
  /** Writes one server-sent event (nothing once the stream is gone). */
  send: (event: string, data: unknown, id?: string) => void
}

// Events kept for clients that reconnect with Last-Event-ID: a few minutes of busy editing.
const KEPT_EVENTS = 1_000
// As many as listeners: each open page of a live site holds one.
const MAX_STREAMS = 1_000

const isPublishedId = (id: string) => publishedIdOf(id) === id

/**
 * The Live Content API (`/data/live/events/:dataset`): after each write, a `message` event with the
 * sync tags the write touched, to every open stream; streams without includeDrafts hear only of
 * changes to published documents. A client that reconnects with the id of the last event it saw gets
 * the events it missed, or `restart` (refetch everything) when they are no longer kept.
 */
export class LiveEvents {
  private readonly streams = new Set<LiveStream>()
  private readonly recent: LiveEvent[] = []
  /** The release versions of each published id that has any, as the store holds them. */
  private readonly versionIds = new Map<string, Set<string>>()

  constructor(store: DocumentStore) {
    for (const id of store.ids()) if (id.startsWith('versions.')) this.keepVersion(id, true)
    store.onTransaction((record, before) => {
      for (const change of record.changes) if (change.id.startsWith('versions.')) this.keepVersion(change.id, change.after !== null)
      const tags = new Set<string>()
      const publishedTags = new Set<string>()
      for (const change of record.changes) {
        for (const tag of syncTagsOfChange(change.id, before.get(change.id) ?? null, change.after)) {
          tags.add(tag)
          if (isPublishedId(change.id)) publishedTags.add(tag)
        }
        // A draft or version that comes or goes shows or hides the published document, draft or other
        // release's version under it (in the drafts and release perspectives, stacked ones included),
        // whose type may be another: a query of that type changes too. (Their ids share the change's id tag.)
        if (!isPublishedId(change.id)) {
          const publishedId = publishedIdOf(change.id)
          for (const id of [publishedId, `drafts.${publishedId}`, ...(this.versionIds.get(publishedId) ?? [])]) {
            const type = id === change.id ? undefined : store.get(id)?._type
            if (typeof type === 'string') tags.add(typeTag(type))
          }
        }
      }
      const event: LiveEvent = {id: record.transactionId, tags: [...tags], publishedTags: [...publishedTags]}
      this.recent.push(event)
      if (this.recent.length > KEPT_EVENTS) this.recent.shift()
      for (const stream of this.streams) this.deliver(stream, event)
    })
  }

  private keepVersion(id: string, stored: boolean) {
    const publishedId = publishedIdOf(id)
    const versions = this.versionIds.get(publishedId)
    if (stored) {
      if (versions) versions.add(id)
      else this.versionIds.set(publishedId, new Set([id]))
    } else if (versions?.delete(id) && versions.size === 0) this.versionIds.delete(publishedId)
  }

  get size() {
    return this.streams.size
  }

  /**
   * Opens a stream: `welcome`, then the events after `lastEventId` (or `restart` when they are no longer
   * kept), then every new write. Returns the function that closes it.
   */
  /** Throws 429 when no other stream may open (checked before the stream's response starts). */
  assertRoom() {
    if (this.streams.size >= MAX_STREAMS) {
      throw new LakeError(429, 'tooManyListeners', `The local Content Lake serves at most ${MAX_STREAMS} live event streams at once`)
    }
  }

  open(stream: LiveStream, lastEventId?: string): () => void {
    this.assertRoom()
    stream.send('welcome', {})
    if (lastEventId) {
      const index = this.recent.findIndex((event) => event.id === lastEventId)
      if (index === -1) stream.send('restart', {})
      else for (const event of this.recent.slice(index + 1)) this.deliver(stream, event)
    }
    this.streams.add(stream)
    return () => this.streams.delete(stream)
  }

  private deliver(stream: LiveStream, event: LiveEvent) {
    const tags = stream.includeDrafts ? event.tags : event.publishedTags
    if (tags.length > 0) stream.send('message', {tags}, event.id)
  }
}
