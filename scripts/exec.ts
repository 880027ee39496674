/**
 * Runs a TypeScript script the way `sanity exec` does, with Vite's module runner (so the Studio's
 * config and its .tsx files load), but keeps the script's exit status: `sanity exec` turns every
 * non-zero status into 1, and the data commands document 1 and 2 apart.
 *
 *   node scripts/exec.ts scripts/validate-data.ts [arguments...]
 */
import {resolve} from 'node:path'

import {runnerImport} from 'vite'

const [script, ...args] = process.argv.slice(2)
if (!script) {
  console.error('Usage: node scripts/exec.ts <script.ts> [arguments...]')
  process.exit(2)
}
const scriptPath = resolve(script)
// The script reads its arguments from process.argv as if it had been started directly.
process.argv = [process.argv[0]!, scriptPath, ...args]
await runnerImport(scriptPath, {logLevel: 'error', resolve: {tsconfigPaths: true}, root: process.cwd()})
