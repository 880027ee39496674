/**
 * Validates an NDJSON file offline with Sanity's own validation and the Studio's schema, and checks that
 * every reference resolves inside the file. Exits 1 when there is an error.
 *
 *   npm run data:validate [-- file.ndjson]     (default: data/seed.ndjson)
 *
 * Runs under `sanity exec`, which loads sanity.config.ts the way the CLI does.
 */
import {relative, resolve} from 'node:path'

import {readNdjson} from '../offline/ndjson.ts'
import {validateDocuments, type Problem} from '../offline/validate-documents.ts'

const args = process.argv.slice(2).filter((arg) => arg !== '--')
if (args.length > 1 || args.some((arg) => arg.startsWith('-'))) {
  console.error('Usage: npm run data:validate [-- file.ndjson]')
  process.exit(2)
}
const file = resolve(args[0] ?? 'data/seed.ndjson')

let documents
try {
  documents = await readNdjson(file)
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}

const started = performance.now()
let lastReport = 0
const problems = await validateDocuments(documents, {
  onProgress: (done, total) => {
    // Progress on stderr, about once a second, so large files show they are moving.
    const now = performance.now()
    if (done === total || now - lastReport > 1000) {
      lastReport = now
      process.stderr.write(`validated ${done} of ${total} documents\n`)
    }
  },
})
const seconds = ((performance.now() - started) / 1000).toFixed(1)

const count = (level: Problem['level']) => problems.filter((problem) => problem.level === level).length
for (const problem of problems) {
  console.log(`${problem.level.padEnd(7)} ${problem.documentId} ${problem.path || '(document)'}: ${problem.message}`)
}
console.log(
  `${relative(process.cwd(), file)}: ${documents.length} documents, ${count('error')} errors, ${count('warning')} warnings (${seconds} s)`,
)
// exitCode, not exit(): let piped output drain before the process ends.
process.exitCode = count('error') > 0 ? 1 : 0
