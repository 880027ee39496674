/**
 * What the Studio (sanity 6.16) asks of the Content Lake, measured by the drift test in studio.test.ts.
 * A Sanity upgrade that calls a new endpoint, or stops calling one of these, fails that test: then check
 * what the new Studio needs, serve it in content-lake/ or list it here with the reason it may go unanswered.
 */

/** Hosted-only services the Studio asks for and carries on without when they answer 404. */
export const OPTIONAL_ENDPOINTS: {pattern: RegExp; why: string}[] = [
  {pattern: /^\/projects\/[^/]+$/, why: 'project and organisation details: used for members and plan features'},
  {pattern: /^\/projects\/[^/]+\/grants$/, why: 'project-level grants: dataset ACL (served) decides what a user may do'},
  {pattern: /^\/projects\/[^/]+\/user-applications$/, why: 'deployed Studio applications of the project'},
  {pattern: /^\/projects\/[^/]+\/datasets$/, why: 'the comments add-on dataset: comments are a hosted feature'},
  {pattern: /^\/access\/requests\/me$/, why: 'the user\'s requests for more access to the project: a hosted feature'},
  {pattern: /^\/subscriptions\/project\/[^/]+$/, why: 'the project\'s plan subscriptions: shown in plan and upsell notices'},
  {pattern: /^\/journey\//, why: 'plan limits, trials and announcements'},
  {pattern: /^\/help$/, why: 'the "new version available" check against Sanity\'s module server'},
  {pattern: /^\/intake\//, why: 'telemetry and feedback'},
  {pattern: /^\/socket\/[^/]+$/, why: 'presence (who else is editing): a websocket; the Studio shows no one'},
  {pattern: /^\/schedules\//, why: 'scheduled publishing, turned off in sanity.config.ts'},
  {pattern: /^\/access\/requests\/me$/, why: 'requests for more rights, asked when an editor opens a document the grants keep read-only: a hosted project feature (the Studio then shows no request button)'},
]

/** Endpoints without which the Studio cannot boot or edit: each must be called and answered. */
export const REQUIRED_ENDPOINTS = [
  '/users/me',
  '/projects/:projectId/datasets/:dataset/acl',
  '/data/query/:dataset',
  '/data/listen/:dataset',
  '/data/doc/:dataset/*',
  '/data/actions/:dataset',
]
