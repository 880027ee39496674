import type {Request} from './responses.ts'

export interface LakeUser {
  id: string
  name: string
  email: string
  role: string
  roles: {name: string; title: string}[]
}

/** The people the local Content Lake knows: one per role the Studio treats differently. */
export const LOCAL_USERS = {
  administrator: {
    id: 'local-admin',
    name: 'Local administrator',
    email: 'admin@localhost',
    role: 'administrator',
    roles: [{name: 'administrator', title: 'Administrator'}],
  },
  editor: {
    id: 'local-editor',
    name: 'Local editor',
    email: 'editor@localhost',
    role: 'editor',
    roles: [{name: 'editor', title: 'Editor'}],
  },
} satisfies Record<string, LakeUser>

export type LocalRole = keyof typeof LOCAL_USERS

export function isLocalRole(value: string): value is LocalRole {
  return Object.hasOwn(LOCAL_USERS, value)
}

/** The cookie a browser carries to act as another local user (set by /local/act-as/<role>). */
export const ACT_AS_COOKIE = 'sanity-local-user'

/** Who makes this request: the browser's act-as cookie if it names a known role, else the server's default. */
export function userOf(request: Request, fallback: LocalRole): LakeUser {
  const cookies = String(request.headers.cookie ?? '').split(';')
  for (const cookie of cookies) {
    const [name, value] = cookie.trim().split('=')
    if (name === ACT_AS_COOKIE && value && isLocalRole(value)) return LOCAL_USERS[value]
  }
  return LOCAL_USERS[fallback]
}

/** Dataset grants in the shape of /projects/:id/datasets/:dataset/acl. Both roles may write every document:
 * which types an editor may change is the Studio's rule (plugins/reference-data-access), as on a hosted
 * project without custom roles. */
export function grantsOf(user: LakeUser) {
  const permissions = user.role === 'administrator' ? ['read', 'create', 'update', 'history', 'manage'] : ['read', 'create', 'update', 'history']
  return [{filter: '_id in path("**")', permissions}]
}
