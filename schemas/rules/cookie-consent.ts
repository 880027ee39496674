import {findDuplicates, type KeyedItem} from './duplicates.ts'
import type {RuleResult} from './result.ts'

export interface CookieCategoryLike extends KeyedItem {
  key?: {current?: string}
  title?: string
  strictlyNecessary?: boolean
  required?: boolean
  enabledByDefault?: boolean
}

export const MAX_CONSENT_DAYS = 395

/** The site must have one strictly-necessary category, and visitors cannot switch it off. */
/** The items of a list that are objects: a list of another type, or odd items in it, are Sanity's to report. */
function objectsIn(items: unknown): CookieCategoryLike[] {
  return Array.isArray(items) ? items.filter((item): item is CookieCategoryLike => typeof item === 'object' && item !== null && !Array.isArray(item)) : []
}

export function checkNecessaryCategory(categories: readonly CookieCategoryLike[] | undefined): RuleResult {
  if (categories !== undefined && !Array.isArray(categories)) return true
  const necessary = objectsIn(categories).filter((category) => category.strictlyNecessary)
  if (necessary.length === 0) {
    return 'Add a strictly necessary category (for example "necessary") for the cookies the site cannot work without'
  }
  if (necessary.length > 1) {
    return `Only one category can be strictly necessary, but ${necessary.length} are: merge them into one`
  }
  if (!necessary[0]!.required) {
    return `The strictly necessary category "${necessary[0]!.title ?? ''}" must be required: visitors cannot turn it off`
  }
  return true
}

/** Consent is opt-in (EDPB 05/2020): only strictly necessary cookies may be on before the visitor chooses. */
export function checkOffByDefault(category: CookieCategoryLike | undefined): RuleResult {
  if (!category?.enabledByDefault || category.strictlyNecessary) return true
  return 'Consent must be opt-in: turn "On by default" off for every category that is not strictly necessary'
}

export function duplicateCategoryKeys(categories: readonly CookieCategoryLike[] | undefined) {
  return findDuplicates(objectsIn(categories), (category) => {
    const key = category.key?.current
    return typeof key === 'string' ? key : undefined
  })
}

/** A cookie's category must name one of the policy's categories by its key. */
export function checkCookieCategory(
  categoryKey: string | undefined,
  categories: readonly CookieCategoryLike[] | undefined,
): RuleResult {
  if (typeof categoryKey !== 'string' || !categoryKey) return true
  const keys = objectsIn(categories)
    .map((category) => category.key?.current)
    .filter((key): key is string => typeof key === 'string' && key !== '')
  if (keys.includes(categoryKey)) return true
  return keys.length
    ? `There is no category "${categoryKey}": use one of ${keys.join(', ')}`
    : `There is no category "${categoryKey}": add the categories first`
}
