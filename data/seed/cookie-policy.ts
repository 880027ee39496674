import {COOKIE_POLICY_ID} from '../../schemas/constants/ids.ts'
import {paragraph, type SeedCookiePolicy} from './helpers.ts'

/** The banner of the seed page, with the reject button the law asks for beside "I accept". */
export const cookiePolicy: SeedCookiePolicy = {
  _id: COOKIE_POLICY_ID,
  _type: 'cookiePolicy',
  bannerText:
    'This website uses cookies to enhance your experience and to help us improve the site. Please see our Privacy Statement for further information. You can change your cookie settings at any time.',
  acceptLabel: 'I accept',
  rejectLabel: 'Reject all',
  preferencesLabel: 'Cookie settings',
  policyLinkLabel: 'Cookie Policy',
  privacyStatementUrl: '/privacy',
  policy: [
    paragraph('intro', 'This policy explains which cookies the site sets, what they are for and how long they are kept.'),
    paragraph('choice', 'Only strictly necessary cookies are set before you choose. You can change your choice at any time under Cookie settings.'),
  ],
  version: 1,
  effectiveDate: '2024-01-01',
  consentLifetimeDays: 182,
  categories: [
    {
      _key: 'necessary',
      _type: 'cookieCategory',
      key: {_type: 'slug', current: 'necessary'},
      title: 'Strictly necessary',
      description: 'Remember your cookie choice and keep the site secure. The site cannot work without them.',
      strictlyNecessary: true,
      required: true,
      enabledByDefault: true,
    },
    {
      _key: 'analytics',
      _type: 'cookieCategory',
      key: {_type: 'slug', current: 'analytics'},
      title: 'Analytics',
      description: 'Count visits and see which pages are read, so we can improve the site.',
      strictlyNecessary: false,
      required: false,
      enabledByDefault: false,
    },
  ],
  cookies: [
    {
      _key: 'consent',
      _type: 'cookieDeclaration',
      name: 'cc_cookie',
      provider: 'This site',
      party: 'first',
      category: 'necessary',
      purpose: 'Stores your cookie choice and the policy version you answered.',
      duration: '182 days',
    },
    {
      _key: 'analytics',
      _type: 'cookieDeclaration',
      name: '_pk_id.*',
      provider: 'This site (Matomo)',
      party: 'first',
      category: 'analytics',
      purpose: 'Tells visits apart to count them.',
      duration: '13 months',
    },
  ],
}
