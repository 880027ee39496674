import {visionTool} from '@sanity/vision'
import {defineConfig} from 'sanity'

import {ipNews} from './plugins/ip-news/index.ts'
import {STUDIO_API_VERSION} from './schemas/constants/ids.ts'

// Public identifiers only: SANITY_STUDIO_* values are inlined into the browser bundle.
const projectId = process.env.SANITY_STUDIO_PROJECT_ID || 'local'
const dataset = process.env.SANITY_STUDIO_DATASET || 'production'
// Set for the local Content Lake (a hostname such as https://localhost:3334); unset for Sanity's hosted API.
const apiHost = process.env.SANITY_STUDIO_API_HOST || undefined

export default defineConfig({
  name: 'default',
  title: 'IP News',
  projectId,
  dataset,
  ...(apiHost ? {apiHost} : {}),
  plugins: [ipNews(), visionTool({defaultApiVersion: STUDIO_API_VERSION})],
})
