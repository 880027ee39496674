import {defineCliConfig} from 'sanity/cli'

export default defineCliConfig({
  api: {
    projectId: process.env.SANITY_STUDIO_PROJECT_ID || 'local',
    dataset: process.env.SANITY_STUDIO_DATASET || 'production',
  },
  // Never ask the hosted API which Studio version to load at runtime: offline machines cannot reach it.
  deployment: {autoUpdates: false},
  schemaExtraction: {path: './schema.json', enforceRequiredFields: true},
  typegen: {
    path: ['./queries/**/*.ts', './plugins/**/*.{ts,tsx}', './studio/**/*.{ts,tsx}'],
    schema: './schema.json',
    generates: './sanity.types.ts',
  },
})
