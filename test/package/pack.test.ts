import {execFile} from 'node:child_process'
import {mkdir, readFile, rm, writeFile} from 'node:fs/promises'
import {promisify} from 'node:util'

import {createWorkspaceFromConfig, defineConfig} from 'sanity'
import {beforeAll, describe, expect, it} from 'vitest'

import {createInMemoryClient} from '../../offline/in-memory-client.ts'
import {projectRoot} from '../support/cli.ts'
import {editor} from '../support/users.ts'

const run = promisify(execFile)
const scratch = `${projectRoot}test/.tmp/pack`
// The host studio sits inside the project, so the packed plugin resolves `sanity` and React from the project.
const hostStudio = `${scratch}/host-studio`

type PackedFile = {path: string}

describe('the npm package', () => {
  let files: string[] = []

  beforeAll(async () => {
    await rm(scratch, {recursive: true, force: true})
    await mkdir(`${hostStudio}/node_modules/sanity-plugin-ip-news`, {recursive: true})
    // `npm pack` runs the prepack build, as publishing would.
    const {stdout} = await run('npm', ['pack', '--json', '--pack-destination', scratch], {cwd: projectRoot})
    const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as {filename: string; files: PackedFile[]}[]
    files = packed!.files.map((file) => file.path)
    await run('tar', ['-xzf', `${scratch}/${packed!.filename}`, '-C', `${hostStudio}/node_modules/sanity-plugin-ip-news`, '--strip-components=1'])
  }, 120_000)

  it('ships the built plugin with its types, and no sources, tests or studio config', () => {
    expect(files).toEqual(
      expect.arrayContaining(['package.json', 'README.md', 'dist/plugins/ip-news/index.js', 'dist/plugins/ip-news/index.d.ts', 'dist/schemas/index.js']),
    )
    expect(files.filter((file) => !file.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE'].includes(file))).toEqual([])
    expect(files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([])
  })

  it('gives another studio the whole model with one line', async () => {
    await writeFile(`${hostStudio}/package.json`, JSON.stringify({name: 'host-studio', private: true, type: 'module'}))
    const {ipNews} = (await import(`${hostStudio}/node_modules/sanity-plugin-ip-news/dist/plugins/ip-news/index.js`)) as typeof import('../../plugins/ip-news/index.ts')
    const config = defineConfig({name: 'host', projectId: 'abc123', dataset: 'production', plugins: [ipNews()]})
    const workspace = await createWorkspaceFromConfig({...config, currentUser: editor, getClient: () => createInMemoryClient([])})

    for (const type of ['article', 'office', 'person', 'event', 'forum', 'cookiePolicy']) expect(workspace.schema.has(type)).toBe(true)
    expect(workspace.tools.map((tool) => tool.name)).toContain('content')
    expect(workspace.templates.map((template) => template.schemaType)).not.toContain('cookiePolicy')
    expect(workspace.document.resolveNewDocumentOptions({type: 'global'}).map((option) => option.templateId)).toEqual(['article', 'event'])
  })

  it('declares sanity, React and styled-components as peers, not as its own copies', async () => {
    const manifest = JSON.parse(await readFile(`${hostStudio}/node_modules/sanity-plugin-ip-news/package.json`, 'utf8')) as {
      dependencies: Record<string, string>
      peerDependencies: Record<string, string>
    }
    expect(Object.keys(manifest.peerDependencies).toSorted()).toEqual(['react', 'sanity', 'styled-components'])
    expect(Object.keys(manifest.dependencies)).not.toContain('sanity')
  })
})
