import {defineCliConfig} from 'sanity/cli'

// The staleness test points this at a scratch folder to regenerate beside the committed files.
const typegenDir = process.env.TYPEGEN_OUT_DIR || '.'

export default defineCliConfig({
  api: {
    projectId: process.env.SANITY_STUDIO_PROJECT_ID || 'local',
    dataset: process.env.SANITY_STUDIO_DATASET || 'production',
  },
  // Never ask the hosted API which Studio version to load at runtime: offline machines cannot reach it.
  deployment: {autoUpdates: false},
  schemaExtraction: {path: `${typegenDir}/schema.json`, enforceRequiredFields: true},
  typegen: {
    path: ['./queries/**/*.ts', './plugins/**/*.{ts,tsx}', './studio/**/*.{ts,tsx}'],
    schema: `${typegenDir}/schema.json`,
    generates: `${typegenDir}/sanity.types.ts`,
  },
})
