import type {RuleResult} from './result.ts'


const publishedAtOf = (document: unknown) => (document as {publishedAt?: unknown} | null | undefined)?.publishedAt
const isDate = (value: unknown): value is string => typeof value === 'string' && value !== ''

/**
 * The publication time to write as an article is published, or undefined to leave the draft as it is:
 * the editor's own value wins, then the time it was first published (a cleared field on a later
 * publish gets its first date back), and only then the moment of publishing.
 */
export function publishedAtOnPublish(draft: unknown, published: unknown, now: Date): string | undefined {
  if (isDate(publishedAtOf(draft))) return undefined
  const first = publishedAtOf(published)
  return isDate(first) ? first : now.toISOString()
}

/**
 * A draft may wait without a publication time: Publish sets it. A published document, or a version in
 * a release (a release publishes without the Publish button), needs one.
 */
export function checkPublishedAtPresent(value: unknown, documentId: string | undefined): RuleResult {
  if (value !== undefined && value !== null && value !== '') return true
  if (documentId?.startsWith('drafts.')) return true
  return documentId?.startsWith('versions.')
    ? 'Set the publication date and time: a release publishes the article without filling it in'
    : 'Set the publication date and time'
}
