import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Loading `sanity` and compiling the workspace takes a second or two per file.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // CI reads the counts from the JSON report (.ci/run prints "N passed, N failed").
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: {json: 'test/.tmp/vitest-report.json'},
  },
})
