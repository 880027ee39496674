import type {RuleResult} from './result.ts'

/**
 * "//evil.example/privacy" passes Sanity's `allowRelative`, yet a browser reads it as an address on
 * another site (so does "/\evil.example"). A path on this site starts with a single slash.
 */
export function checkNotProtocolRelative(url: unknown): RuleResult {
  if (typeof url !== 'string' || !/^\s*[/\\]{2}/.test(url)) return true
  return `"${url}" leads to another site: enter a path on this site with a single leading / (such as /privacy), or a full https:// address`
}
