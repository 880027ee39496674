/** The fixed document id of the cookie-policy singleton. Sites query it by this id. */
export const COOKIE_POLICY_ID = 'cookiePolicy'

/** Document types that make up the reference data administrators keep. */
export const REFERENCE_DATA_TYPES = ['office', 'person', 'forum'] as const

/** The API version the Studio-side code (validation, structure, views) queries with. */
export const STUDIO_API_VERSION = '2025-02-19'
