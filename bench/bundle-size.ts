/**
 * Builds this Studio and a bare Studio of the same Sanity version (structure tool and Vision only)
 * in one run, and prints their total JavaScript, raw and gzipped, with the ratio. Target: at most 1.10.
 *
 *   npm run bench
 */
import {spawnSync} from 'node:child_process'
import {readdir, readFile, rm, symlink} from 'node:fs/promises'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {gzipSync} from 'node:zlib'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = join(root, 'bench/.out')
const sanityBin = join(root, 'node_modules/.bin/sanity')

interface Totals {
  files: number
  raw: number
  gzip: number
}

function build(cwd: string, outDir: string) {
  const started = performance.now()
  const result = spawnSync(process.execPath, [sanityBin, 'build', outDir, '--yes'], {
    cwd,
    env: {...process.env, DO_NOT_TRACK: '1', NO_COLOR: '1'},
    encoding: 'utf8',
  })
  if (result.status !== 0) {
    throw new Error(`sanity build in ${cwd} failed:\n${result.stdout}\n${result.stderr}`)
  }
  return (performance.now() - started) / 1000
}

async function javascriptTotals(dir: string): Promise<Totals> {
  const totals: Totals = {files: 0, raw: 0, gzip: 0}
  for (const entry of await readdir(dir, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || !/\.m?js$/.test(entry.name)) continue
    const bytes = await readFile(join(entry.parentPath, entry.name))
    totals.files += 1
    totals.raw += bytes.length
    totals.gzip += gzipSync(bytes, {level: 9}).length
  }
  return totals
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

await rm(out, {recursive: true, force: true})
// The CLI looks for the Studio's dependencies in its own node_modules: lend it the project's.
await rm(join(root, 'bench/bare-studio/node_modules'), {force: true})
await symlink(join(root, 'node_modules'), join(root, 'bench/bare-studio/node_modules'), 'dir')
const studios = [
  {name: 'bare (structure + vision)', cwd: join(root, 'bench/bare-studio'), dir: join(out, 'bare')},
  {name: 'ip-news', cwd: root, dir: join(out, 'ip-news')},
]
const rows = []
for (const studio of studios) {
  const seconds = build(studio.cwd, studio.dir)
  rows.push({...studio, seconds, ...(await javascriptTotals(studio.dir))})
}

const [bare, ipNews] = rows as [(typeof rows)[number], (typeof rows)[number]]
console.log('Studio JavaScript, built in the same run with the same Sanity version\n')
console.log(['studio'.padEnd(28), 'files'.padStart(6), 'raw'.padStart(12), 'gzip'.padStart(12), 'build'.padStart(8)].join(' '))
for (const row of rows) {
  console.log(
    [row.name.padEnd(28), String(row.files).padStart(6), kib(row.raw).padStart(12), kib(row.gzip).padStart(12), `${row.seconds.toFixed(1)} s`.padStart(8)].join(' '),
  )
}
const rawRatio = ipNews.raw / bare.raw
const gzipRatio = ipNews.gzip / bare.gzip
console.log(`\nratio ip-news / bare: raw ${rawRatio.toFixed(3)}, gzip ${gzipRatio.toFixed(3)} (target <= 1.10)`)
console.log(`added by the package: raw ${kib(ipNews.raw - bare.raw)}, gzip ${kib(ipNews.gzip - bare.gzip)}`)
