import {fileURLToPath} from 'node:url'

import type {NextConfig} from 'next'

// node_modules here is a link to the repository's, where next resolves from.
const repository = fileURLToPath(new URL('../..', import.meta.url))

const config: NextConfig = {turbopack: {root: repository}, outputFileTracingRoot: repository, poweredByHeader: false}

export default config
