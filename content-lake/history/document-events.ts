import type {Doc} from '../store/document-store.ts'

/** One transaction's changes to the documents of one group (a published id, its draft and versions). */
export interface HistoryTransaction {
  transactionId: string
  timestamp: string
  author: string
  changes: {id: string; before: Doc | null; after: Doc | null}[]
}

type VariantType = 'published' | 'draft' | 'version'

/** An event of the hosted lake's document events index, as the Studio's history panel reads it. */
export type DocumentEvent = {type: string; documentId: string; timestamp: string; author: string; documentVariantType: VariantType; [key: string]: unknown}

const variantOf = (id: string): VariantType => (id.startsWith('drafts.') ? 'draft' : id.startsWith('versions.') ? 'version' : 'published')
const releaseOf = (id: string) => (id.startsWith('versions.') ? {releaseId: id.split('.')[1]} : {})

/**
 * The document events of a group from its transactions (oldest first), newest first as the hosted
 * index lists them: a draft or version appearing is `createDocumentVersion`; one that goes while the
 * published document is written is `publishDocumentVersion`; the published document going while a
 * draft appears (or by a release's `_system.delete`) is `unpublishDocument`; everything going at once
 * is `deleteDocumentGroup`; a draft or version going alone is `deleteDocumentVersion`; the published
 * document written without a draft (live edit, a script) is `createLiveDocument`/`updateLiveDocument`.
 * Edits of drafts are not events here: the Studio makes them from the transactions.
 */
export function documentEvents(publishedId: string, transactions: HistoryTransaction[]): DocumentEvent[] {
  const events: DocumentEvent[] = []
  for (const {transactionId, timestamp, author, changes} of transactions) {
    const base = {documentId: publishedId, timestamp, author}
    const published = changes.find((change) => change.id === publishedId)
    const versions = changes.filter((change) => change.id !== publishedId)
    const gone = versions.filter((change) => change.before && !change.after)
    const appeared = versions.filter((change) => !change.before && change.after)
    const publishedWritten = Boolean(published?.after)
    const publishedGone = Boolean(published?.before && !published.after)

    // A release publishing a version marked `_system.delete` unpublishes the document.
    const unpublishedBy = gone.find((change) => (change.before?._system as {delete?: unknown} | undefined)?.delete === true)
    if (publishedGone && unpublishedBy) {
      events.push({type: 'unpublishDocument', ...base, versionId: unpublishedBy.id, versionRevisionId: unpublishedBy.before?._rev, ...releaseOf(unpublishedBy.id), documentVariantType: 'published'})
      continue
    }
    if (publishedGone && appeared.length === 0 && versions.every((change) => !change.after)) {
      events.push({type: 'deleteDocumentGroup', ...base, documentVariantType: 'published'})
      continue
    }
    for (const change of appeared) {
      if (publishedGone) continue
      events.push({type: 'createDocumentVersion', ...base, versionId: change.id, versionRevisionId: transactionId, ...releaseOf(change.id), documentVariantType: variantOf(change.id)})
    }
    if (publishedWritten) {
      const source = gone[0]
      if (source) {
        events.push({
          type: 'publishDocumentVersion',
          ...base,
          revisionId: transactionId,
          versionId: source.id,
          versionRevisionId: source.before?._rev,
          ...releaseOf(source.id),
          publishCause: source.id.startsWith('versions.') ? 'release.publish' : 'document.publish',
          documentVariantType: 'published',
        })
      } else {
        events.push({type: published?.before ? 'updateLiveDocument' : 'createLiveDocument', ...base, revisionId: transactionId, documentVariantType: 'published'})
      }
    }
    if (publishedGone) {
      const draft = appeared[0] ?? gone[0]
      events.push({type: 'unpublishDocument', ...base, versionId: draft?.id ?? `drafts.${publishedId}`, versionRevisionId: transactionId, ...(draft ? releaseOf(draft.id) : {}), documentVariantType: 'published'})
    }
    for (const change of gone) {
      if (publishedWritten && change === gone[0]) continue
      if (publishedGone && change === gone[0] && appeared.length === 0) continue
      events.push({type: 'deleteDocumentVersion', ...base, versionId: change.id, versionRevisionId: change.before?._rev, ...releaseOf(change.id), documentVariantType: variantOf(change.id)})
    }
  }
  return events.toReversed()
}
