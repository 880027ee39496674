/**
 * The visitor's cookie choice, in the cookie the policy declares for it (`cc_cookie`): the policy version
 * answered and the categories allowed. A choice for an older version does not count: the banner asks again.
 */
export const CONSENT_COOKIE = 'cc_cookie'

export interface Consent {
  version: number
  categories: string[]
}

export function parseConsent(value: string | undefined | null): Consent | undefined {
  if (!value) return undefined
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(value))
    if (!parsed || typeof parsed !== 'object') return undefined
    const {version, categories} = parsed as Record<string, unknown>
    if (typeof version !== 'number' || !Array.isArray(categories) || !categories.every((item) => typeof item === 'string')) return undefined
    return {version, categories}
  } catch {
    return undefined
  }
}

export function consentCookie(consent: Consent, lifetimeDays: number): string {
  const maxAge = Math.max(1, Math.round(lifetimeDays * 86_400))
  return `${CONSENT_COOKIE}=${encodeURIComponent(JSON.stringify(consent))}; Path=/; Max-Age=${maxAge}; SameSite=Lax`
}

/** Whether `consent` answers the policy in force (its version). */
export const answers = (consent: Consent | undefined, version: number | null | undefined) => consent !== undefined && consent.version === (version ?? 0)
