import type {RuleResult} from './result.ts'

/** Text that is there but says nothing: spaces, tabs or line breaks only. An empty string is "missing", not blank. */
export function isBlank(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0 && value.trim() === ''
}

/** A required text whose value is only spaces is as missing as no value: say the same thing. */
export function checkNotBlank(value: unknown, message: string): RuleResult {
  return isBlank(value) ? message : true
}

/** Whether a value holds some text once surrounding space is removed; false for values that are not text. */
export function hasText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== ''
}

/** "1 article", "2 articles", "0 articles": a count with its noun in the right number. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`
}
