import type {RuleResult} from './result.ts'

/** An image that has been uploaded needs alternative text; an empty image field needs none. */
export function checkAltText(alt: string | undefined, image: {asset?: unknown} | undefined): RuleResult {
  if (!image?.asset || alt?.trim()) return true
  return 'Describe the image for readers who cannot see it (alternative text)'
}
