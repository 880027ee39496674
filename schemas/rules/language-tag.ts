import type {RuleResult} from './result.ts'

/** BCP 47 language tags, checked and canonicalised by the platform's own Intl implementation. */
export function canonicalLanguageTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0]
  } catch {
    return undefined
  }
}

export function checkLanguageTag(tag: string | undefined): RuleResult {
  if (tag === undefined || tag === '') return true
  const canonical = canonicalLanguageTag(tag)
  if (!canonical) {
    return `"${tag}" is not a BCP 47 language tag: use a code such as en, zh-Hans, ko or de-AT`
  }
  return canonical === tag ? true : `Write the language tag as ${canonical}`
}
