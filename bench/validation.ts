/**
 * `npm run bench:validate`: the file validator (validateDocuments, what `npm run data:validate` runs)
 * on deterministic synthetic files of 1k, 5k and 20k documents: documents per second, time per
 * document, and the ratio of the time per document at 20k to that at 1k (target at most 1.3: the
 * time per document does not grow with the file). Median of --runs runs (default 3) per size.
 *
 *   npm run bench:validate [-- --sizes 1000,5000,20000] [--runs 3]
 */
import {parseArgs} from 'node:util'

import {validateDocuments} from '../offline/validate-documents.ts'
import {syntheticDataset} from './synthetic-dataset.ts'

const {values} = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {sizes: {type: 'string', default: '1000,5000,20000'}, runs: {type: 'string', default: '3'}},
})
const sizes = values.sizes.split(',').map(Number)
const runs = Number(values.runs)

const median = (numbers: number[]) => numbers.toSorted((a, b) => a - b)[Math.floor(numbers.length / 2)]!

// One warm-up on a small file: loading Sanity and compiling the schema is not part of any size's time.
await validateDocuments(syntheticDataset(200, 7))

const rows: {size: number; ms: number; errors: number}[] = []
for (const size of sizes) {
  const documents = syntheticDataset(size)
  const times: number[] = []
  let errors = 0
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    const problems = await validateDocuments(documents)
    times.push(performance.now() - started)
    errors = problems.filter((problem) => problem.level === 'error').length
  }
  const ms = median(times)
  rows.push({size, ms, errors})
  console.log(
    `${String(size).padStart(6)} documents: ${(ms / 1000).toFixed(1).padStart(6)} s, ${Math.round((size / ms) * 1000)
      .toString()
      .padStart(5)} documents/s, ${((ms / size) * 1000).toFixed(0).padStart(5)} µs per document (${errors} errors; runs: ${times.map((t) => (t / 1000).toFixed(1)).join(', ')} s)`,
  )
}
const first = rows[0]!
const last = rows.at(-1)!
if (rows.length > 1) {
  const ratio = last.ms / last.size / (first.ms / first.size)
  console.log(`time per document at ${last.size} / at ${first.size}: ${ratio.toFixed(2)} (target at most 1.30)`)
}
