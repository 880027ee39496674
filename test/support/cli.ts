import {spawn} from 'node:child_process'
import {fileURLToPath} from 'node:url'

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the project's own Sanity CLI with the Node that runs the tests (the project's Node 24). */
export function sanityCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return run(['node_modules/.bin/sanity', ...args], env)
}

/** Runs a data command as `npm run data:validate` / `npm run data:import` do: scripts/exec.ts keeps its exit status. */
export function dataCommand(script: 'validate-data' | 'import-data', args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return run(['scripts/exec.ts', `scripts/${script}.ts`, ...args], env)
}

function run(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: projectRoot,
      env: {...process.env, DO_NOT_TRACK: '1', NO_COLOR: '1', ...env},
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, stdout, stderr}))
  })
}
