import {rootPathId} from '../migrations/seed-ids-to-root-paths/root-path-id.ts'

/**
 * What to tell whoever starts the lake on a dataset loaded from an earlier seed, whose documents have
 * dotted ids (`office.cn`): requests without a token, the reference site's among them, cannot read
 * them, so its pages come out empty. Undefined when no document is on such an id.
 */
export function earlierSeedWarning(ids: Iterable<string>): string | undefined {
  const dotted: string[] = []
  let count = 0
  for (const id of ids) {
    if (!rootPathId(id)) continue
    count++
    if (dotted.length < 3) dotted.push(id)
  }
  if (count === 0) return undefined
  return [
    `This dataset has ${count} document${count === 1 ? '' : 's'} on dotted ids (${dotted.join(', ')}${count > dotted.length ? ', ...' : ''}), as earlier seeds made them.`,
    'Requests without a token (the reference site, a public dataset) cannot read them. To reseed: npm run dev -- --reset',
    '(local edits are lost); a hosted dataset moves them with: npx sanity migration run seed-ids-to-root-paths',
  ].join('\n')
}
