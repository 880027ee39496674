/**
 * Evaluates a GROQ query offline with groq-js and prints the result as JSON.
 *
 *   npm run query -- '<GROQ>' [--param name=value ...] [--file data.ndjson] [--perspective published|drafts|raw]
 *
 * Defaults: the seed dataset (data/seed.ndjson) and the published perspective, as a site sees it.
 * A value is read as JSON when it parses (--param limit=10), else as text (--param slug=liao-tao).
 */
import {resolve} from 'node:path'
import {parseArgs} from 'node:util'

import {GroqSyntaxError} from 'groq-js'

import {createInMemoryClient} from '../offline/in-memory-client.ts'
import {readNdjson} from '../offline/ndjson.ts'
import {parseParamValue, referencedParams} from '../offline/query-params.ts'

const usage = "Usage: npm run query -- '<GROQ>' [--param name=value ...] [--file data.ndjson] [--perspective published|drafts|raw]"

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

let parsed
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      param: {type: 'string', multiple: true, short: 'p'},
      file: {type: 'string', short: 'f'},
      perspective: {type: 'string'},
      help: {type: 'boolean', short: 'h'},
    },
  })
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`)
}
const {values, positionals} = parsed
if (values.help) {
  console.log(usage)
  process.exit(0)
}
if (positionals.length !== 1) fail(usage)
const query = positionals[0]!

const perspective: string = values.perspective ?? 'published'
if (!['published', 'drafts', 'raw'].includes(perspective)) fail(`Unknown perspective "${perspective}": use published, drafts or raw`)

const params: Record<string, unknown> = {}
for (const pair of values.param ?? []) {
  const at = pair.indexOf('=')
  if (at < 1) fail(`--param takes name=value, got "${pair}"`)
  params[pair.slice(0, at)] = parseParamValue(pair.slice(at + 1))
}
// The Content Lake rejects a query whose $param is not given; do the same rather than answer with null.
const missing = referencedParams(query).filter((name) => !(name in params))
if (missing.length) fail(`The query uses ${missing.map((name) => `$${name}`).join(', ')}: give ${missing.length > 1 ? 'them' : 'it'} with --param name=value`)

const file = resolve(values.file ?? 'data/seed.ndjson')
let documents
try {
  documents = await readNdjson(file)
} catch (error) {
  fail((error as Error).message)
}

try {
  const result = await createInMemoryClient(documents, {perspective}).fetch(query, params)
  console.log(JSON.stringify(result, null, 2))
} catch (error) {
  if (error instanceof GroqSyntaxError) {
    const position = (error as GroqSyntaxError & {position: number}).position
    fail(`${error.message}\n  ${query.replaceAll('\n', ' ')}\n  ${' '.repeat(position)}^`)
  }
  fail(`The query failed: ${(error as Error).message}`)
}
