import type {RuleResult} from './result.ts'

/** An image that has been uploaded needs alternative text; an empty image field needs none. */
export function checkAltText(alt: unknown, image: {asset?: unknown} | undefined): RuleResult {
  // Alternative text of another type gets Sanity's type message; only missing or blank text is ours.
  if (!image?.asset || (alt !== undefined && typeof alt !== 'string') || (typeof alt === 'string' && alt.trim())) return true
  return 'Describe the image for readers who cannot see it (alternative text)'
}
