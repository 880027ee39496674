/**
 * Where only an office makes sense (an event's host, a delegation's office, an article's offices, a
 * forum's members), the reference search leaves the departments out: they crowded out their office.
 * A department keeps its place where it belongs: among a delegation's members, as a position's office.
 */
export const officesOnly = {filter: '!defined(parent) && kind != "department"'} as const

/** What an editor does when the office is not there: offices are reference data, kept by administrators. */
export const MISSING_OFFICE_HINT = 'Not in the list? Offices are kept by administrators: ask one to add it.'
