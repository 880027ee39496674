/**
 * `npm run build:package`: the plugin's ES modules and types into dist/. tsc writes into a fresh folder
 * that then takes dist/'s place, so a reader of dist/ (the site's build, `npm pack`, a test running
 * beside this) never sees it deleted or half written.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, renameSync, rmSync} from 'node:fs'
import {join, resolve} from 'node:path'

const root = resolve(import.meta.dirname, '..')
const dist = join(root, 'dist')
const scratch = join(root, 'node_modules/.cache/build-package')
const staging = join(scratch, `new-${process.pid}`)
const replaced = join(scratch, `old-${process.pid}`)

mkdirSync(scratch, {recursive: true})
rmSync(staging, {recursive: true, force: true})
try {
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', staging], {cwd: root, stdio: 'inherit'})
} catch {
  rmSync(staging, {recursive: true, force: true})
  process.exit(1)
}
if (existsSync(dist)) renameSync(dist, replaced)
renameSync(staging, dist)
rmSync(replaced, {recursive: true, force: true})
