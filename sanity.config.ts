import {visionTool} from '@sanity/vision'
import {defineConfig, userHasRole} from 'sanity'
import {presentationTool} from 'sanity/presentation'

import {ipNews} from './plugins/ip-news/index.ts'
import {STUDIO_API_VERSION} from './schemas/constants/ids.ts'
import {DEFAULT_PREVIEW_ORIGIN, sitePresentation} from './studio/presentation.ts'

// Public identifiers only: SANITY_STUDIO_* values are inlined into the browser bundle.
const projectId = process.env.SANITY_STUDIO_PROJECT_ID || 'local'
const dataset = process.env.SANITY_STUDIO_DATASET || 'production'
// Unset for Sanity's hosted API. For the local Content Lake: a hostname such as https://localhost:3334, or
// "origin" for a Studio the lake serves itself (`npm run dev`), so one build works on any port.
const apiHost = localApiHost(process.env.SANITY_STUDIO_API_HOST)

function localApiHost(setting: string | undefined): string | undefined {
  if (setting !== 'origin') return setting || undefined
  // The CLI also loads this file in Node (schema extraction, typegen), where there is no page.
  if (typeof window === 'undefined') return undefined
  // The client asks https://<projectId>.<apiHost>: Chromium sends every *.localhost to loopback.
  return `https://localhost:${window.location.port}`
}

// The site the Presentation tool shows (its origin, public): the reference site's `next dev` unless set.
const previewOrigin = process.env.SANITY_STUDIO_PREVIEW_URL || DEFAULT_PREVIEW_ORIGIN

export default defineConfig({
  name: 'default',
  title: 'IP News',
  projectId,
  dataset,
  ...(apiHost ? {apiHost} : {}),
  plugins: [
    ipNews(),
    // Click-to-edit: the site in the Studio, in draft mode through a secret the tool creates. The site's
    // address belongs to this Studio, not to the content model, so ipNews() does not add it.
    presentationTool(sitePresentation({origin: previewOrigin})),
    visionTool({defaultApiVersion: STUDIO_API_VERSION}),
  ],
  // Vision runs any query against the dataset: administrators only. Set here, after every plugin has added its tools.
  tools: (prev, {currentUser}) => (userHasRole(currentUser, 'administrator') ? prev : prev.filter((tool) => tool.name !== 'vision')),
  // Sanity appends these hosted features' document actions (Schedule, Link to Canvas) after every plugin
  // has run, so neither the singleton nor the reference-data rules could remove them from those documents.
  // They need paid hosted services; a studio that has them can turn them back on.
  scheduledPublishing: {enabled: false},
  scheduledDrafts: {enabled: false},
  apps: {canvas: {enabled: false}},
})
