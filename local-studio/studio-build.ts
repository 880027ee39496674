import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {setTimeout as sleep} from 'node:timers/promises'
import {join, relative} from 'node:path'

/** What the Studio bundle is made of: a change to any of these needs a new build. */
export const STUDIO_SOURCES = ['schemas', 'plugins', 'studio', 'queries', 'jsonld', 'sanity.config.ts', 'sanity.cli.ts', 'package-lock.json']

function filesUnder(root: string, path: string): string[] {
  const full = join(root, path)
  if (!existsSync(full)) return []
  if (statSync(full).isFile()) return [full]
  return readdirSync(full, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .toSorted()
}

/**
 * A short digest of every Studio source file's path and content, and of the SANITY_STUDIO_* variables
 * (the build inlines them: another dataset is another build).
 */
export function studioSourceHash(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash('sha256')
  for (const name of Object.keys(env).filter((key) => key.startsWith('SANITY_STUDIO_') && key !== 'SANITY_STUDIO_API_HOST').toSorted()) {
    hash.update(`${name}=${env[name]}`).update('\0')
  }
  for (const file of STUDIO_SOURCES.flatMap((path) => filesUnder(root, path))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0')
  }
  return hash.digest('hex').slice(0, 16)
}

export interface StudioBuild {
  directory: string
  /** True when this call ran `sanity build`; false when an earlier build of the same sources was reused. */
  built: boolean
  ms: number
}

/**
 * A Studio built for the local Content Lake (`SANITY_STUDIO_API_HOST=origin`: it asks the server that
 * serves it, whatever the port), kept in `<cacheDir>/<source hash>` and reused while the sources are the
 * same. Builds go to a temporary folder first and are renamed into place, so a reader never sees half a
 * build; a lock file beside it makes a second process that wants the same build wait for the first.
 * `env` adds SANITY_STUDIO_* variables to the process's own (a test's site on another port:
 * SANITY_STUDIO_PREVIEW_URL); they are part of the hash.
 */
export async function ensureStudioBuild(root: string, cacheDir: string, log: (line: string) => void = () => {}, env: Record<string, string> = {}): Promise<StudioBuild> {
  const started = performance.now()
  const buildEnv = {...process.env, ...env}
  const directory = join(cacheDir, studioSourceHash(root, buildEnv))
  const reused = () => ({directory, built: false, ms: performance.now() - started})
  if (existsSync(join(directory, 'index.html'))) return reused()
  mkdirSync(cacheDir, {recursive: true})
  // One process builds a given Studio at a time: others wait for its build instead of making their own.
  const lock = `${directory}.lock`
  while (!takeLock(lock)) {
    await sleep(250)
    if (existsSync(join(directory, 'index.html'))) return reused()
  }
  try {
    if (existsSync(join(directory, 'index.html'))) return reused()
    const scratch = `${directory}.building-${process.pid}-${Date.now()}`
    log('Building the Studio (sanity build)…')
    await runSanityBuild(root, scratch, buildEnv)
    // A build of another process that took a stale lock may have landed meanwhile: keep that one.
    if (existsSync(join(directory, 'index.html'))) rmSync(scratch, {recursive: true, force: true})
    else renameSync(scratch, directory)
    pruneOtherBuilds(cacheDir, directory)
    return {directory, built: true, ms: performance.now() - started}
  } finally {
    rmSync(lock, {force: true})
  }
}

/** Takes the build lock, or takes it over from a process that died holding it; false while another holds it. */
function takeLock(lock: string): boolean {
  try {
    writeFileSync(lock, String(process.pid), {flag: 'wx'})
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  let holder: number
  try {
    holder = Number(readFileSync(lock, 'utf8'))
  } catch {
    return false // released meanwhile: try again
  }
  if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) return false
  rmSync(lock, {force: true})
  return false
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function runSanityBuild(root: string, outDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    // process.execPath: the project's Node 24 (npm run puts it first on PATH); the system Node is too old.
    const child = spawn(process.execPath, [join(root, 'node_modules/.bin/sanity'), 'build', outDir, '--yes'], {
      cwd: root,
      env: {...env, SANITY_STUDIO_API_HOST: 'origin', DO_NOT_TRACK: '1', NO_COLOR: '1'},
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) return resolve()
      rmSync(outDir, {recursive: true, force: true})
      reject(new Error(`sanity build failed (exit ${code}):\n${output}`))
    })
  })
}

/** Older builds are only disk space: the newest build is the one served. */
function pruneOtherBuilds(cacheDir: string, keep: string) {
  for (const entry of readdirSync(cacheDir)) {
    const path = join(cacheDir, entry)
    // Builds in progress and their locks belong to other processes.
    if (path !== keep && !entry.includes('.building-') && !entry.endsWith('.lock')) rmSync(path, {recursive: true, force: true})
  }
}
