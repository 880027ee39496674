import {userHasRole} from 'sanity'

export const ADMINISTRATOR_ROLE = 'administrator'

type User = Parameters<typeof userHasRole>[0] | undefined

export function hasAnyRole(user: User, roles: readonly string[]): boolean {
  return roles.some((role) => userHasRole(user ?? null, role))
}
