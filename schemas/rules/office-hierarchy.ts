import type {OfficeKind} from '../constants/office-kinds.ts'
import type {RuleResult} from './result.ts'

/** Departments sit inside an office and have no ST.3 code of their own. */
export function checkSt3Required(kind: OfficeKind | undefined, code: string | undefined): RuleResult {
  if (kind === 'department' || code) return true
  return 'Enter the WIPO ST.3 code: every office except a department has one'
}

/** Intergovernmental bodies are not of one country; their seat is described in the headquarters field. */
export function checkCountryAllowed(kind: OfficeKind | undefined, country: string | undefined): RuleResult {
  if (kind !== 'intergovernmental' || !country) return true
  return 'Intergovernmental organisations have no country: clear this field and give the seat under Headquarters'
}

export function checkParentRequired(kind: OfficeKind | undefined, parentId: string | undefined): RuleResult {
  if (kind !== 'department' || parentId) return true
  return 'Choose the office this department belongs to'
}

/**
 * Follows parent links from `parentId` and returns the chain that leads back to `officeId`
 * (for example ["office.a", "office.b", "office.a"]), or undefined when there is no cycle.
 * `parentOf` maps each office id to its parent's id.
 */
export function findParentCycle(
  officeId: string,
  parentId: string | undefined,
  parentOf: ReadonlyMap<string, string | undefined>,
): string[] | undefined {
  const chain = [officeId]
  const visited = new Set(chain)
  let current = parentId
  while (current !== undefined) {
    chain.push(current)
    if (current === officeId) return chain
    // A cycle further up that does not pass through this office is reported on those offices.
    if (visited.has(current)) return undefined
    visited.add(current)
    current = parentOf.get(current)
  }
  return undefined
}

export function checkNoParentCycle(
  officeId: string,
  parentId: string | undefined,
  parentOf: ReadonlyMap<string, string | undefined>,
  nameOf: (id: string) => string = (id) => id,
): RuleResult {
  if (parentId === officeId) return 'An office cannot be its own parent: choose the office it belongs to'
  const cycle = findParentCycle(officeId, parentId, parentOf)
  if (!cycle) return true
  return `This parent makes a loop (${cycle.map(nameOf).join(' → ')}): choose an office higher up instead`
}
