import {fileURLToPath} from 'node:url'

import type {NextConfig} from 'next'

// The repository: the site is one of its npm workspaces, and reads the package's built entry points
// (dist/) through node_modules/sanity-plugin-ip-news, a link to it.
const repository = fileURLToPath(new URL('..', import.meta.url))

const config: NextConfig = {
  turbopack: {root: repository},
  outputFileTracingRoot: repository,
  poweredByHeader: false,
  // No next/image optimiser: images come straight from the Content Lake's asset URLs.
  images: {unoptimized: true},
  async redirects() {
    return [{source: '/', destination: '/en', permanent: false}]
  },
}

export default config
