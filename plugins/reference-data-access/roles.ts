import {userHasRole, type CurrentUser} from 'sanity'

export const ADMINISTRATOR_ROLE = 'administrator'

export function hasAnyRole(user: CurrentUser | null | undefined, roles: readonly string[]): boolean {
  return roles.some((role) => userHasRole(user ?? null, role))
}
