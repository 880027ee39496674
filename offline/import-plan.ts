import {REFERENCE_DATA_TYPES} from '../schemas/constants/ids.ts'
import type {Doc} from './ndjson.ts'

export interface ImportTarget {
  projectId: string
  dataset: string
  token: string
}

/**
 * Where an import goes, from the environment, or why it cannot run. The token is a secret: it is read
 * from SANITY_IMPORT_TOKEN or SANITY_AUTH_TOKEN, never from a SANITY_STUDIO_* variable (those are
 * inlined into the browser bundle).
 */
export function importTarget(env: Record<string, string | undefined>, datasetFlag?: string): ImportTarget | {refusal: string} {
  const projectId = env.SANITY_STUDIO_PROJECT_ID
  const token = env.SANITY_IMPORT_TOKEN || env.SANITY_AUTH_TOKEN
  const reasons: string[] = []
  if (!projectId || projectId === 'local') {
    reasons.push('Set SANITY_STUDIO_PROJECT_ID to the hosted project to import into (the embedded local default cannot be imported into with the Sanity CLI).')
  }
  if (!token) reasons.push('Set SANITY_IMPORT_TOKEN (or SANITY_AUTH_TOKEN) to a token with write access to that project: sanity.io/manage → API → Tokens.')
  if (env.SANITY_STUDIO_IMPORT_TOKEN || env.SANITY_STUDIO_AUTH_TOKEN) {
    reasons.push('Never put a token in a SANITY_STUDIO_* variable: the Studio build inlines those into the browser bundle. Unset it and use SANITY_IMPORT_TOKEN.')
  }
  if (reasons.length) return {refusal: reasons.join('\n')}
  return {projectId: projectId!, dataset: datasetFlag || env.SANITY_STUDIO_DATASET || 'production', token: token!}
}

export interface ImportStep {
  label: string
  documents: Doc[]
  /** `--missing` keeps what the dataset already has; `--replace` overwrites documents with the same id. */
  mode: '--missing' | '--replace'
}

/**
 * Reference data first and never overwritten (administrators may have corrected it in the Studio),
 * then the content, which may replace earlier imports when asked.
 */
export function importSteps(documents: readonly Doc[], replaceContent: boolean): ImportStep[] {
  const isReferenceData = (doc: Doc) => (REFERENCE_DATA_TYPES as readonly string[]).includes(doc._type)
  return [
    {label: 'reference data (offices, people, forums)', documents: documents.filter(isReferenceData), mode: '--missing' as const},
    {label: 'content (events, articles and the links between their translations, cookie policy)', documents: documents.filter((doc) => !isReferenceData(doc)), mode: replaceContent ? ('--replace' as const) : ('--missing' as const)},
  ].filter((step) => step.documents.length > 0)
}
