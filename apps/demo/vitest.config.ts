import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // The command-line tests start node and train real models; on a 2-core machine a default run
    // takes a few seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
