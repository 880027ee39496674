import type {AttendanceMode} from '../constants/event-kinds.ts'
import type {RuleResult} from './result.ts'

export function needsLocation(mode: AttendanceMode | undefined): boolean {
  return mode === 'inPerson' || mode === 'hybrid'
}

export function needsVideoNote(mode: AttendanceMode | undefined): boolean {
  return mode === 'online' || mode === 'hybrid'
}

/** People come to an in-person or hybrid event somewhere: say where. */
export function checkLocation(mode: AttendanceMode | undefined, location: {city?: string; venue?: string} | undefined): RuleResult {
  if (!needsLocation(mode) || location?.city || location?.venue) return true
  return 'Give the venue or city: this event is attended in person'
}
