import {visionTool} from '@sanity/vision'
import {defineConfig, userHasRole} from 'sanity'

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
  // Vision runs any query against the dataset: administrators only. Set here, after every plugin has added its tools.
  tools: (prev, {currentUser}) => (userHasRole(currentUser, 'administrator') ? prev : prev.filter((tool) => tool.name !== 'vision')),
  // The legacy Scheduled Publishing plugin adds a Schedule action to every document after all plugins
  // have run, so neither the singleton nor the reference-data rules could remove it. Releases replace it.
  scheduledPublishing: {enabled: false},
})
