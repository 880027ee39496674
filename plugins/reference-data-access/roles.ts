import type {CurrentUser} from 'sanity'

export const ADMINISTRATOR_ROLE = 'administrator'

export function hasAnyRole(user: Pick<CurrentUser, 'roles'> | null | undefined, roles: readonly string[]): boolean {
  return (user?.roles ?? []).some((role) => roles.includes(role.name))
}
