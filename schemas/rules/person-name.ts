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
/** The trimmed text of a name part; a part of another type (a number from an import) counts as absent. */
const textOf = (part: unknown): string | undefined => (typeof part === 'string' ? part.trim() : undefined)

export function formatPersonName(parts: PersonNameParts | undefined): string {
  const given = textOf(parts?.givenName)
  const family = textOf(parts?.familyName)
  const ordered = parts?.nameOrder === 'familyFirst' ? [family, given] : [given, family]
  return ordered.filter(Boolean).join(' ')
}

/** A name to sort by: family name first whatever the display order. */
export function sortableName(parts: PersonNameParts | undefined): string {
  return [textOf(parts?.familyName), textOf(parts?.givenName)].filter(Boolean).join(', ')
}

export function checkHasName(parts: PersonNameParts | undefined): RuleResult {
  // A name part of the wrong type gets Sanity's type message at that field; here it only does not count.
  const given = parts?.givenName
  const family = parts?.familyName
  if ((given !== undefined && typeof given !== 'string') || (family !== undefined && typeof family !== 'string')) return true
  return textOf(given) || textOf(family) ? true : 'Enter a family name, a given name or both'
}

/**
 * The title a person's preview shows: the Latin-script name with the native one in brackets
 * ("Liao Tao (廖涛)"), or the native name alone when it is all there is ("王林", not "(王林)").
 */
export function personTitle(parts: (PersonNameParts & {nativeName?: unknown}) | undefined): string | undefined {
  const name = formatPersonName(parts)
  const native = textOf(parts?.nativeName)
  if (name && native) return `${name} (${native})`
  return name || native || undefined
}
