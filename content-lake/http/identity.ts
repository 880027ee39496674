import {EVERY_DOCUMENT, readsEverything, type Grant} from '../access/grants.ts'
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
 * Who a page of an origin the user named (`--cors-origin`, a site in development) acts as: a reader.
 * The hosted lake lets such an origin in without credentials unless told otherwise, so its pages read
 * and never write as the person logged in to the Studio; here they may read everything (this lake has no
 * anonymous reads) and write nothing.
 */
export const SITE_VISITOR: LakeUser = {
  id: 'local-site-visitor',
  name: 'A page of another origin',
  email: 'visitor@localhost',
  role: 'viewer',
  roles: [{name: 'viewer', title: 'Viewer'}],
  grants: [{filter: EVERY_DOCUMENT, permissions: ['read']}],
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

/**
 * Who makes this request: the server's role, or a lesser one the browser chose with the act-as cookie.
 * The cookie can only give fewer rights than the server was started with, never more.
 */
export function userOf(request: Request, users: LocalUsers, serverRole: LocalRole): LakeUser {
  const cookies = String(request.headers.cookie ?? '').split(';')
  for (const cookie of cookies) {
    const [name, value] = cookie.trim().split('=')
    if (name === ACT_AS_COOKIE && value && isLocalRole(value) && isWithin(value, serverRole)) return users[value]
  }
  return users[serverRole]
}
