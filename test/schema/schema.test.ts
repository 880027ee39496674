import {readFile} from 'node:fs/promises'

import {describe, expect, it} from 'vitest'

import {projectRoot, sanityCli} from '../support/cli.ts'
import {workspaceFor} from '../support/workspace.ts'

type ExtractedType = {name: string; type: string; attributes?: Record<string, {value: unknown}>}

describe('schema', () => {
  it('compiles with no errors or warnings in the Studio workspace', async () => {
    const workspace = await workspaceFor()
    const problems = (workspace.schema._validation ?? []).flatMap((group) =>
      group.problems.map((problem) => `${group.path.map((segment) => segment.name).join(' > ')}: ${problem.severity} ${problem.message}`),
    )
    expect(problems).toEqual([])
    for (const type of ['article', 'office', 'person', 'event', 'forum', 'cookiePolicy']) {
      expect(workspace.schema.get(type)?.jsonType).toBe('object')
    }
  })

  it('passes `sanity schema validate --level error`', async () => {
    const result = await sanityCli(['schema', 'validate', '--level', 'error'])
    expect(result.stdout + result.stderr).toMatch(/0 errors/)
    expect(result.code).toBe(0)
  }, 120_000)

  it('extracts the six document types and the translation plugin\'s metadata, with the references between them', async () => {
    const schema = JSON.parse(await readFile(`${projectRoot}/schema.json`, 'utf8')) as ExtractedType[]
    const documents = schema.filter((type) => type.type === 'document' && !type.name.startsWith('sanity.')).map((type) => type.name)
    expect(documents.toSorted()).toEqual(['article', 'cookiePolicy', 'event', 'forum', 'office', 'person', 'translation.metadata'])

    // Reference targets reachable from a type, following the inline object types it uses.
    const byName = new Map(schema.map((type) => [type.name, type]))
    const targets = (name: string, seen = new Set<string>()): string[] => {
      seen.add(name)
      const found = new Set<string>()
      for (const [, inline] of JSON.stringify(byName.get(name)).matchAll(/"type":"inline","name":"([\w.]+)"/g)) {
        if (inline!.endsWith('.reference')) found.add(inline!.slice(0, -'.reference'.length))
        else if (!seen.has(inline!)) for (const target of targets(inline!, seen)) found.add(target)
      }
      return [...found].filter((target) => !target.startsWith('sanity.')).toSorted()
    }
    expect(targets('article')).toEqual(['article', 'event', 'office', 'person'])
    expect(targets('office')).toEqual(['office'])
    expect(targets('person')).toEqual(['office'])
    expect(targets('forum')).toEqual(['office'])
    expect(targets('event')).toEqual(['forum', 'office', 'person'])
    expect(targets('cookiePolicy')).toEqual(['article', 'event', 'office', 'person'])
    expect(targets('translation.metadata')).toEqual(['article'])
  })
})
