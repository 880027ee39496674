import type {RuleResult} from './result.ts'

/**
 * A list that must hold at least one item, when it is there but empty (a missing list is the
 * "required" rule's to report). Values that are not lists are Sanity's to report.
 */
export function checkHasItems(items: unknown, message: string): RuleResult {
  return Array.isArray(items) && items.length === 0 ? message : true
}
