import {execFile} from 'node:child_process'
import {mkdir, writeFile} from 'node:fs/promises'
import {promisify} from 'node:util'

import {describe, expect, it} from 'vitest'

import {parseParamValue, referencedParams} from '../../offline/query-params.ts'
import {projectRoot} from '../support/cli.ts'

const exec = promisify(execFile)

/** `npm run query -- ...args`, run the way npm runs it: the project's Node on scripts/query.ts. */
async function query(...args: string[]) {
  try {
    const {stdout, stderr} = await exec(process.execPath, ['scripts/query.ts', ...args], {cwd: projectRoot})
    return {code: 0, stdout, stderr}
  } catch (error) {
    const failed = error as {code: number; stdout: string; stderr: string}
    return {code: failed.code, stdout: failed.stdout, stderr: failed.stderr}
  }
}

describe('npm run query', () => {
  it('evaluates a query with params against the seed and prints JSON', async () => {
    const result = await query('*[_type == "person" && slug.current == $slug][0]{givenName, familyName}', '--param', 'slug=liao-tao')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({givenName: 'Tao', familyName: 'Liao'})
  })

  it('reads JSON values: numbers, arrays, null', async () => {
    const result = await query('*[_type == "office" && st3Code in $codes] | order(st3Code asc) [0...$n].st3Code', '-p', 'codes=["CN","US","EP"]', '-p', 'n=2')
    expect(JSON.parse(result.stdout)).toEqual(['CN', 'EP'])
  })

  it("reports bad GROQ with the parser's position, and exits 1", async () => {
    const result = await query('*[_type == "x"')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Syntax error in GROQ query at position 13: Unexpected end of query')
    expect(result.stderr).toContain('               ^')
    expect(result.stdout).toBe('')
  })

  it('refuses a query whose $param is not given, as the Content Lake does', async () => {
    const result = await query('*[_type == $type]')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('The query uses $type: give it with --param name=value')
  })

  it('reads another file and applies the perspective', async () => {
    await mkdir(`${projectRoot}test/.tmp`, {recursive: true})
    const file = `${projectRoot}test/.tmp/query-perspective.ndjson`
    await writeFile(
      file,
      [
        {_id: 'office.xx', _type: 'office', name: 'Published name'},
        {_id: 'drafts.office.xx', _type: 'office', name: 'Draft name'},
      ]
        .map((doc) => JSON.stringify(doc))
        .join('\n'),
    )
    const published = await query('*[_type == "office"].name', '--file', file)
    expect(JSON.parse(published.stdout)).toEqual(['Published name'])
    const drafts = await query('*[_type == "office"].name', '--file', file, '--perspective', 'drafts')
    expect(JSON.parse(drafts.stdout)).toEqual(['Draft name'])
    const raw = await query('count(*[_type == "office"])', '--file', file, '--perspective', 'raw')
    expect(JSON.parse(raw.stdout)).toBe(2)
  })

  it('explains wrong arguments', async () => {
    expect((await query('*', '--perspective', 'previewDrafts')).stderr).toContain('Unknown perspective "previewDrafts"')
    expect((await query('*', '--param', 'novalue')).stderr).toContain('--param takes name=value, got "novalue"')
    expect((await query()).stderr).toContain('Usage: npm run query')
    expect((await query('*', '--file', 'nowhere.ndjson')).code).toBe(1)
  })
})

describe('query parameters', () => {
  it('reads JSON where it parses and text otherwise', () => {
    expect(parseParamValue('10')).toBe(10)
    expect(parseParamValue('null')).toBeNull()
    expect(parseParamValue('liao-tao')).toBe('liao-tao')
  })

  it('finds the $params a query uses, not "$" inside strings', () => {
    expect(referencedParams('*[slug.current == $slug && title match "$5 deal" && x == $slug][0...$limit]')).toEqual(['slug', 'limit'])
  })
})
