import type {RuleResult} from './result.ts'

const regionNames = new Intl.DisplayNames(['en'], {type: 'region', fallback: 'none'})

// Codes ICU names that are not assigned ISO 3166-1 countries: user-assigned ranges and exceptional reservations.
const notCountries = /^(AA|Q[M-Z]|X[A-Z]|ZZ|EU|EZ|UN)$/

/** The English name of an ISO 3166-1 alpha-2 country code, or undefined when it is not one. */
export function countryName(code: string | undefined): string | undefined {
  if (!code || !/^[A-Z]{2}$/.test(code) || notCountries.test(code)) return undefined
  return regionNames.of(code)
}

export function checkCountryCode(code: unknown): RuleResult {
  // Not text: Sanity's type check names the expected type.
  if (typeof code !== 'string' || code === '') return true
  if (countryName(code)) return true
  const upper = code.toUpperCase()
  if (upper !== code && countryName(upper)) return `Write country codes in capitals: ${upper}`
  return `"${code}" is not an ISO 3166-1 country code: enter two capital letters, for example CN or DE`
}
