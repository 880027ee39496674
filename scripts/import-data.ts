/**
 * Imports an NDJSON file into a hosted Sanity project with `sanity dataset import`, after validating it
 * exactly as `npm run data:validate` does: a file the validator refuses is not imported.
 * Reference data (offices, people, forums) goes in with --missing, so existing documents are never
 * overwritten; content too, unless --replace-content is given.
 *
 *   SANITY_STUDIO_PROJECT_ID=abc123 SANITY_IMPORT_TOKEN=... npm run data:import -- [file.ndjson] [--dataset name] [--replace-content] [--dry-run] [--allow-unknown-types]
 *
 * Exit status: 0 imported (or planned, with --dry-run), 1 refused or failed, 2 usage error or a file that
 * cannot be read. Runs through scripts/exec.ts (validation loads sanity.config.ts).
 */
import {spawnSync} from 'node:child_process'
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {parseArgs} from 'node:util'

import {importSteps, importTarget} from '../offline/import-plan.ts'
import {readFailure, readNdjson, toNdjson} from '../offline/ndjson.ts'
import {progressBar} from '../offline/progress.ts'
import {hasErrors, validateDocuments} from '../offline/validate-documents.ts'

const usage = 'Usage: npm run data:import -- [file.ndjson] [--dataset name] [--replace-content] [--dry-run] [--allow-unknown-types]'

/** Ends the command with a message; exitCode rather than exit() lets piped output drain. */
class Stop extends Error {
  readonly code: number

  constructor(message: string, code = 1) {
    super(message)
    this.code = code
  }
}

function fail(message: string, code = 1): never {
  throw new Stop(message, code)
}

async function main() {
  let parsed
  try {
    parsed = parseArgs({
      allowPositionals: true,
      args: process.argv.slice(2).filter((arg) => arg !== '--'),
      options: {
        dataset: {type: 'string', short: 'd'},
        'replace-content': {type: 'boolean'},
        'dry-run': {type: 'boolean'},
        'allow-unknown-types': {type: 'boolean'},
      },
    })
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`, 2)
  }
  const {values, positionals} = parsed
  if (positionals.length > 1) fail(usage, 2)

  const target = importTarget(process.env, values.dataset)
  if ('refusal' in target) fail(`Not importing:\n${target.refusal}`)

  const file = resolve(positionals[0] ?? 'data/seed.ndjson')
  let documents
  try {
    documents = await readNdjson(file)
  } catch (error) {
    fail(readFailure(error, positionals[0] ?? 'data/seed.ndjson'), 2)
  }

  console.log(`Validating ${documents.length} documents from ${file} ...`)
  // The same validation as `npm run data:validate`: what it refuses is not imported.
  const problems = await validateDocuments(documents, {
    allowUnknownTypes: Boolean(values['allow-unknown-types']),
    onProgress: progressBar(process.stderr),
  })
  if (hasErrors(problems)) {
    const errors = problems.filter((problem) => problem.level === 'error')
    for (const problem of errors) console.error(`error   ${problem.documentId ?? '(file)'} ${problem.path || '(document)'}: ${problem.message}`)
    fail(`Not importing: ${errors.length} validation errors. Fix them (npm run data:validate -- ${positionals[0] ?? 'data/seed.ndjson'}), then run again.`)
  }
  const warnings = problems.filter((problem) => problem.level === 'warning')
  for (const problem of warnings) console.log(`warning ${problem.documentId ?? '(file)'} ${problem.path || '(document)'}: ${problem.message}`)

  const steps = importSteps(documents, Boolean(values['replace-content']))
  const sanityBin = join(process.cwd(), 'node_modules/.bin/sanity')
  const workDir = await mkdtemp(join(tmpdir(), 'ip-news-import-'))
  try {
    for (const [index, step] of steps.entries()) {
      const stepFile = join(workDir, `${index + 1}.ndjson`)
      await writeFile(stepFile, toNdjson(step.documents))
      const args = ['dataset', 'import', stepFile, '--project-id', target.projectId, '--dataset', target.dataset, step.mode]
      console.log(`${index + 1}/${steps.length} ${step.label}: ${step.documents.length} documents, ${step.mode} → ${target.projectId}/${target.dataset}`)
      console.log(
        step.mode === '--missing'
          ? '  creates those the dataset does not have and leaves those it has unchanged'
          : '  creates those the dataset does not have and replaces those it has',
      )
      if (values['dry-run']) {
        console.log(`  dry run: sanity ${args.join(' ').replace(stepFile, `<${step.documents.length} documents>`)}`)
        continue
      }
      // The token travels in the environment, not on the command line where `ps` would show it.
      const result = spawnSync(process.execPath, [sanityBin, ...args], {
        stdio: 'inherit',
        env: {...process.env, SANITY_IMPORT_TOKEN: target.token},
      })
      if (result.status !== 0) fail(`sanity dataset import failed on ${step.label} (exit ${result.status}); earlier steps stay imported.`)
    }
  } finally {
    await rm(workDir, {recursive: true, force: true})
  }
  console.log(values['dry-run'] ? 'Dry run: nothing was imported.' : 'Import finished.')
}

try {
  await main()
} catch (error) {
  if (!(error instanceof Stop)) throw error
  console.error(error.message)
  process.exitCode = error.code
}
