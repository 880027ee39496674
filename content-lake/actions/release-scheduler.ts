import type {CheckedChange, DocumentStore} from '../store/document-store.ts'
import {planActions, type PlanContext} from './document-actions.ts'
import {RELEASE_TYPE, releaseIdOfDocument} from './release-actions.ts'

/**
 * How a scheduled release's publishing is checked (the release document's id given), as a commit's
 * `authorize`: the grants of whoever scheduled it, and of whoever last wrote each version; undefined
 * when who scheduled it is not known.
 */
export type ScheduledPublisher = (releaseDocumentId: string) => ((change: CheckedChange) => void) | undefined

/**
 * Publishes scheduled releases when their time comes, as the hosted lake does: every `everyMs` it runs
 * `release.publish` for each release whose `publishAt` has passed, checked by `publisherOf` (an editor's
 * version may not replace an office even though the lake publishes it). A
 * release that cannot be published (a version refused by those grants or by referential integrity, say)
 * goes back to active with the reason in `error`, so the Releases tool shows it and it is not tried again
 * until scheduled again.
 */
export function scheduleReleases(store: DocumentStore, context: PlanContext, publisherOf: ScheduledPublisher, everyMs = 10_000): () => void {
  const tick = () => {
    const now = Date.now()
    // A copy: each commit takes the release out of the type index and puts it back, which a live Set iteration would visit again.
    for (const id of Array.from(store.idsOfType(RELEASE_TYPE))) {
      const release = store.get(id)
      if (release?.state !== 'scheduled' || typeof release.publishAt !== 'string' || Date.parse(release.publishAt) > now) continue
      try {
        const authorize = publisherOf(id)
        if (!authorize) throw new Error('who scheduled it is no longer known (history keeps the newest transactions only): schedule it again')
        // The release its document's id names (what publisherOf checked), never its `name` field, which a write could change.
        store.commit(planActions(store, [{actionType: 'sanity.action.release.publish', releaseId: releaseIdOfDocument(id)}], context), {author: 'system', authorize})
      } catch (error) {
        const {_rev, _createdAt, _updatedAt, ...rest} = release
        try {
          store.commit([{id, after: {...rest, state: 'active', error: {message: `Scheduled publishing failed: ${(error as Error).message}`}}, ifRevisionId: _rev}], {author: 'system'})
        } catch (failure) {
          console.error(`Release "${id}" could not be published or marked failed:`, failure)
        }
      }
    }
  }
  const timer = setInterval(tick, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
