import type {RuleResult} from './result.ts'

/** Slugs end up in page addresses: at most this long, which is also what "Generate" makes. */
export const MAX_SLUG_LENGTH = 96

// Words of lowercase (or caseless) letters and digits joined by single hyphens: "ip5-deputy-heads-2023".
// "Generate" writes ASCII; a slug typed by hand in another script ("专利", "münchen") is a valid address too.
const word = String.raw`[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{Nd}]+`
const slugPattern = new RegExp(`^${word}(?:-${word})*$`, 'u')

/** What "Generate" would make of a text: "IP5 Deputy Heads Meeting!" → "ip5-deputy-heads-meeting". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '')
}

/**
 * A slug is lowercase words joined by hyphens, at most 96 characters. Anything that is not a slug
 * object with a text `current` is left to Sanity's own slug checks, which name the problem.
 */
export function checkSlug(slug: unknown): RuleResult {
  if (typeof slug !== 'object' || slug === null) return true
  const current = (slug as {current?: unknown}).current
  if (typeof current !== 'string' || current.trim() === '') return true
  if (current.length > MAX_SLUG_LENGTH) {
    return `Shorten the slug to ${MAX_SLUG_LENGTH} characters or fewer (it has ${current.length}): generate it again from the title`
  }
  if (slugPattern.test(current)) return true
  const suggestion = slugify(current)
  return `"${current}" cannot be used in an address: use lowercase letters, digits and single hyphens${suggestion ? `, for example ${suggestion}` : ''}`
}

/**
 * A missing slug, with the field's own message. Not `required()`: a required slug makes Sanity also
 * check the slug's inner `current` field, and the editor read the problem twice ("Current slug:
 * Required"). A slug object without `current` gets Sanity's own "Slug must have a value" instead.
 */
export function checkSlugPresent(slug: unknown, message: string): RuleResult {
  return slug === undefined || slug === null ? message : true
}
