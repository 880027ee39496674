import type {RuleResult} from './result.ts'

export type NameOrder = 'givenFirst' | 'familyFirst'

export interface PersonNameParts {
  givenName?: string
  familyName?: string
  nameOrder?: NameOrder
  honorific?: string
}

/**
 * The name as the person writes it in Latin script: "Liao Tao" and "Katsura Masanori" put the
 * family name first, "Christoph Ernst" the given name. Stored once as parts, displayed from them.
 */
export function formatPersonName(parts: PersonNameParts | undefined): string {
  const given = parts?.givenName?.trim()
  const family = parts?.familyName?.trim()
  const ordered = parts?.nameOrder === 'familyFirst' ? [family, given] : [given, family]
  return ordered.filter(Boolean).join(' ')
}

/** A name to sort by: family name first whatever the display order. */
export function sortableName(parts: PersonNameParts | undefined): string {
  return [parts?.familyName?.trim(), parts?.givenName?.trim()].filter(Boolean).join(', ')
}

export function checkHasName(parts: PersonNameParts | undefined): RuleResult {
  return parts?.givenName?.trim() || parts?.familyName?.trim()
    ? true
    : 'Enter a family name, a given name or both'
}
