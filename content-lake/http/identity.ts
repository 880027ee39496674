import {EVERY_DOCUMENT, PUBLIC_DOCUMENTS, readsEverything, type Grant} from '../access/grants.ts'
import {LakeError} from '../errors.ts'
import type {Request} from './responses.ts'

export interface LakeUser {
  id: string
  name: string
  email: string
  role: string
  roles: {name: string; title: string}[]
  /** The dataset grants `/acl` reports and every write is checked against. */
  grants: Grant[]
}

/** The roles the local Content Lake knows, from most to least able. */
export const LOCAL_ROLES = ['administrator', 'editor'] as const
export type LocalRole = (typeof LOCAL_ROLES)[number]
export type LocalUsers = Record<LocalRole, LakeUser>

/**
 * The people the local Content Lake knows: one per role the Studio treats differently. These are
 * Sanity's built-in roles (an editor may write every document); a content model narrows the editor's
 * grants by passing its own users (see local-studio/roles.ts).
 */
export const LOCAL_USERS: LocalUsers = {
  administrator: {
    id: 'local-admin',
    name: 'Local administrator',
    email: 'admin@localhost',
    role: 'administrator',
    roles: [{name: 'administrator', title: 'Administrator'}],
    grants: [{filter: EVERY_DOCUMENT, permissions: ['read', 'create', 'update', 'history', 'manage']}],
  },
  editor: {
    id: 'local-editor',
    name: 'Local editor',
    email: 'editor@localhost',
    role: 'editor',
    roles: [{name: 'editor', title: 'Editor'}],
    grants: [{filter: EVERY_DOCUMENT, permissions: ['read', 'create', 'update', 'history']}],
  },
}

/**
 * Who a page of an origin the user named (`--cors-origin`, a site in development) acts as when it sends
 * a token (a site's draft mode, with its read token): a reader. The hosted lake lets such an origin in
 * without the Studio user's cookie, so its pages never write as the person logged in to the Studio.
 */
export const SITE_VISITOR: LakeUser = {
  id: 'local-site-visitor',
  name: 'A page of another origin',
  email: 'visitor@localhost',
  role: 'viewer',
  roles: [{name: 'viewer', title: 'Viewer'}],
  grants: [{filter: EVERY_DOCUMENT, permissions: ['read']}],
}

/**
 * Who a request without credentials is (no token, no Studio session), as the hosted lake treats one on a
 * public dataset: it reads the documents whose ids are root paths (no ".": never drafts, versions or
 * `article.x`-style ids) and writes nothing.
 */
export const ANONYMOUS: LakeUser = {
  id: '',
  name: 'A request without a token',
  email: '',
  role: 'anonymous',
  roles: [],
  grants: [{filter: PUBLIC_DOCUMENTS, permissions: ['read']}],
}

export function isLocalRole(value: string): value is LocalRole {
  return (LOCAL_ROLES as readonly string[]).includes(value)
}

/** Whether `role` has no more rights than `ceiling` (roles are listed most able first). */
export function isWithin(role: LocalRole, ceiling: LocalRole): boolean {
  return LOCAL_ROLES.indexOf(role) >= LOCAL_ROLES.indexOf(ceiling)
}

/** Refuses users whose grants this lake could not enforce: it filters writes, not reads. */
export function assertEnforceable(users: LocalUsers) {
  for (const user of Object.values(users)) {
    if (!readsEverything(user.grants)) {
      throw new Error(`The local Content Lake enforces write grants only: give ${user.name} a grant {filter: '${EVERY_DOCUMENT}', permissions: ['read', ...]}`)
    }
  }
}

/** The cookie a browser carries to act as another local user (set by /local/act-as/<role>). */
export const ACT_AS_COOKIE = 'sanity-local-user'

/** The cookie the lake gives a browser that opens its Studio: the local stand-in for a Studio login. */
export const SESSION_COOKIE = 'sanity-local-session'

/** The value of a cookie the request carries, if any. */
function cookieOf(request: Request, wanted: string): string | undefined {
  for (const cookie of String(request.headers.cookie ?? '').split(';')) {
    const [name, value] = cookie.trim().split('=')
    if (name === wanted && value) return value
  }
  return undefined
}

/** Whether the request carries a bearer token (any: the local lake has no token store to check it against). */
export function hasToken(request: Request): boolean {
  return /^Bearer\s+\S/i.test(String(request.headers.authorization ?? ''))
}

/**
 * Who makes this request. With a token or the Studio's session cookie: the server's role, or a lesser
 * one the browser chose with the act-as cookie (which can only lower rights, never raise them). Without
 * either: ANONYMOUS. Pages of an origin the user named read as SITE_VISITOR with a token, anonymously
 * without one.
 */
export function userOf(request: Request, {users, serverRole, session, namedOrigin}: {users: LocalUsers; serverRole: LocalRole; session: string; namedOrigin: boolean}): LakeUser {
  if (namedOrigin) return hasToken(request) ? SITE_VISITOR : ANONYMOUS
  if (!hasToken(request) && cookieOf(request, SESSION_COOKIE) !== session) return ANONYMOUS
  const actAs = cookieOf(request, ACT_AS_COOKIE)
  if (actAs && isLocalRole(actAs) && isWithin(actAs, serverRole)) return users[actAs]
  return users[serverRole]
}

/** Refuses what a request without credentials may not do (everything but reading published root-path documents). */
export function assertAuthenticated(user: LakeUser, what: string) {
  if (user === ANONYMOUS) {
    throw new LakeError(401, 'unauthorized', `${what} needs a token (Authorization: Bearer <token>) or the Studio's session: this request has neither`)
  }
}
