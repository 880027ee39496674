import type {RuleResult} from './result.ts'

/** "drafts.cookiePolicy" and "versions.r1.cookiePolicy" are versions of "cookiePolicy". */
export function publishedIdOf(id: string): string {
  if (id.startsWith('drafts.')) return id.slice('drafts.'.length)
  if (id.startsWith('versions.')) return id.split('.').slice(2).join('.')
  return id
}

/** A singleton lives under its fixed id only: a second document of its type is refused. */
export function checkSingletonId(documentId: unknown, fixedId: string, title: string): RuleResult {
  if (typeof documentId !== 'string' || publishedIdOf(documentId) === fixedId) return true
  return `There is one ${title}, kept at the id "${fixedId}": edit that document instead (this one has the id "${documentId}")`
}
