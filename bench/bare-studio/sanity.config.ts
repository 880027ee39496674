// The baseline for bench/bundle-size.ts: a Studio of the same Sanity version with only the structure tool and Vision.
import {visionTool} from '@sanity/vision'
import {defineConfig} from 'sanity'
import {structureTool} from 'sanity/structure'

export default defineConfig({
  name: 'bare',
  title: 'Bare Studio',
  projectId: 'local',
  dataset: 'production',
  plugins: [structureTool(), visionTool()],
})
