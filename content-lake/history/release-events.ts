import type {HistoryTransaction} from './document-events.ts'

/** An event of the hosted lake's release events index, as the Releases tool's activity panel reads it. */
export type ReleaseEvent = {type: string; timestamp: string; author: string; releaseName: string; [key: string]: unknown}

const STATE_EVENTS: Record<string, string> = {archived: 'archiveRelease', published: 'publishRelease', scheduled: 'scheduleRelease'}

/**
 * The events of a release from the transactions of its release document and versions (oldest first),
 * newest first: created, edited (metadata), scheduled, unscheduled, published, archived, unarchived,
 * and each document added to it or discarded from it outside those.
 */
export function releaseEvents(releaseId: string, transactions: HistoryTransaction[]): ReleaseEvent[] {
  const releaseDocumentId = `_.releases.${releaseId}`
  const events: ReleaseEvent[] = []
  for (const {timestamp, author, changes} of transactions) {
    const base = {timestamp, author, releaseName: releaseId}
    const release = changes.find((change) => change.id === releaseDocumentId)
    const before = release?.before
    const after = release?.after
    // Publishing, archiving and unarchiving move every version at once: that is the release's event alone.
    const settling = Boolean(before && after && before.state !== after.state)
    if (release && !before && after) events.push({type: 'createRelease', ...base})
    else if (before && after && before.state !== after.state) {
      const type = STATE_EVENTS[String(after.state)] ?? (before.state === 'archived' ? 'unarchiveRelease' : 'unscheduleRelease')
      events.push({type, ...base, ...(after.publishAt ? {publishAt: after.publishAt} : {})})
    } else if (before && after && JSON.stringify(before.metadata) !== JSON.stringify(after.metadata)) {
      events.push({type: 'editRelease', ...base, change: after.metadata})
    }
    for (const change of settling ? [] : changes) {
      if (change.id === releaseDocumentId) continue
      const documentId = change.id.split('.').slice(2).join('.')
      const documentType = (change.after ?? change.before)?._type
      if (!change.before && change.after) events.push({type: 'addDocumentToRelease', ...base, documentId, documentType, versionId: change.id})
      else if (change.before && !change.after) events.push({type: 'discardDocumentFromRelease', ...base, documentId, documentType, versionId: change.id})
    }
  }
  return events.toReversed()
}
