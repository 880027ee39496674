import {defineQuery} from 'groq'

/** The cookie banner and policy, from the singleton's fixed id ("cookiePolicy"). */
export const cookiePolicyQuery = defineQuery(`*[_id == "cookiePolicy"][0] {
  bannerText,
  acceptLabel,
  rejectLabel,
  preferencesLabel,
  policyLinkLabel,
  privacyStatementUrl,
  policy,
  version,
  effectiveDate,
  consentLifetimeDays,
  categories[] {"key": key.current, title, description, strictlyNecessary, required, enabledByDefault},
  cookies[] {name, provider, party, category, purpose, duration}
}`)
