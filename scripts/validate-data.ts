/**
 * Validates an NDJSON file offline with Sanity's own validation and the Studio's schema, and checks the
 * file itself: documents in it, valid and unique ids, known types, references that resolve inside it.
 *
 *   npm run data:validate [-- file.ndjson] [--json] [--allow-unknown-types]     (default: data/seed.ndjson)
 *
 * Exit status: 0 the file is valid (warnings allowed), 1 it has errors, 2 usage error or a file that
 * cannot be read as NDJSON. `--json` prints one entry per problem: documentId, path, level, message.
 * Runs through scripts/exec.ts (as `npm run data:validate` does), which loads sanity.config.ts the way
 * `sanity exec` does but keeps the exit status; under `sanity exec` itself every failure exits 1.
 */
import {relative, resolve} from 'node:path'
import {parseArgs} from 'node:util'

import {readFailure, readNdjson, type Doc} from '../offline/ndjson.ts'
import {progressBar} from '../offline/progress.ts'
import {hasErrors, validateDocuments, type Problem} from '../offline/validate-documents.ts'

const usage = 'Usage: npm run data:validate [-- file.ndjson] [--json] [--allow-unknown-types]'

let parsed
try {
  parsed = parseArgs({
    allowPositionals: true,
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {json: {type: 'boolean'}, 'allow-unknown-types': {type: 'boolean'}},
  })
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`)
  process.exit(2)
}
if (parsed.positionals.length > 1) {
  console.error(usage)
  process.exit(2)
}
const json = Boolean(parsed.values.json)
const file = resolve(parsed.positionals[0] ?? 'data/seed.ndjson')
const shown = relative(process.cwd(), file) || file

// exitCode, not exit(): let piped output drain before the process ends.
function finish(problems: Problem[], code: number, summary: string) {
  if (json) {
    console.log(JSON.stringify(problems.map(({documentId, path, level, message}) => ({documentId, path, level, message})), null, 2))
  } else {
    for (const problem of problems) {
      console.log(`${problem.level.padEnd(7)} ${problem.documentId ?? '(file)'} ${problem.path || '(document)'}: ${problem.message}`)
    }
  }
  if (summary) (json ? console.error : console.log)(summary)
  process.exitCode = code
}

let documents: Doc[] | undefined
try {
  documents = await readNdjson(file)
} catch (error) {
  const message = readFailure(error, shown)
  if (json) finish([{documentId: null, level: 'error', path: '', message}], 2, '')
  else console.error(message)
  process.exitCode = 2
}

if (documents) {
  const started = performance.now()
  const problems = await validateDocuments(documents, {
    allowUnknownTypes: Boolean(parsed.values['allow-unknown-types']),
    onProgress: progressBar(process.stderr),
  })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const count = (level: Problem['level']) => problems.filter((problem) => problem.level === level).length
  finish(
    problems,
    hasErrors(problems) ? 1 : 0,
    `${shown}: ${documents.length} documents, ${count('error')} errors, ${count('warning')} warnings (${seconds} s)`,
  )
}
