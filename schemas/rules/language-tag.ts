import type {RuleResult} from './result.ts'

const languageNames = new Intl.DisplayNames(['en'], {type: 'language', fallback: 'none'})

/** BCP 47 language tags, checked and canonicalised by the platform's own Intl implementation. */
export function canonicalLanguageTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0]
  } catch {
    return undefined
  }
}

/** The English name of the tag's language ("Chinese (Simplified)"), or undefined for an unknown language. */
export function languageName(tag: string): string | undefined {
  const canonical = canonicalLanguageTag(tag)
  return canonical ? languageNames.of(canonical) : undefined
}

export function checkLanguageTag(tag: unknown): RuleResult {
  // Not text: Sanity's type check names the expected type.
  if (typeof tag !== 'string' || tag === '') return true
  const canonical = canonicalLanguageTag(tag)
  // Well-formed is not enough: "english" is a well-formed tag of no language.
  if (!canonical || !languageNames.of(canonical.split('-')[0]!)) {
    return `"${tag}" is not a BCP 47 language tag: use a code such as en, zh-Hans, ko or de-AT`
  }
  return canonical === tag ? true : `Write the language tag as ${canonical}`
}
