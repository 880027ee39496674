import {describe, expect, it} from 'vitest'

import {checkNoParentCycle, findParentCycle} from '../../schemas/rules/office-hierarchy.ts'

describe('findParentCycle', () => {
  const parents = new Map<string, string | undefined>([
    ['dept', 'cnipa'],
    ['cnipa', undefined],
    ['a', 'b'],
    ['b', 'c'],
    ['c', 'a'],
  ])

  it('finds no cycle in a plain hierarchy', () => {
    expect(findParentCycle('dept', 'cnipa', parents)).toBeUndefined()
    expect(findParentCycle('new', 'dept', parents)).toBeUndefined()
  })

  it('returns the chain that leads back to the office', () => {
    expect(findParentCycle('cnipa', 'dept', parents)).toEqual(['cnipa', 'dept', 'cnipa'])
    expect(findParentCycle('a', 'b', parents)).toEqual(['a', 'b', 'c', 'a'])
  })

  it('stops on a loop further up that does not include the office', () => {
    expect(findParentCycle('x', 'a', parents)).toBeUndefined()
  })

  it('names the offices in the message', () => {
    const names: Record<string, string> = {cnipa: 'CNIPA', dept: 'Cooperation'}
    expect(checkNoParentCycle('cnipa', 'dept', parents, (id) => names[id] ?? id)).toBe(
      'This parent makes a loop (CNIPA → Cooperation → CNIPA): choose an office higher up instead',
    )
    expect(checkNoParentCycle('cnipa', 'cnipa', parents)).toBe('An office cannot be its own parent: choose the office it belongs to')
    expect(checkNoParentCycle('dept', 'cnipa', parents)).toBe(true)
    expect(checkNoParentCycle('dept', undefined, parents)).toBe(true)
  })
})
