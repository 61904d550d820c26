import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The fuzz tests run thousands of inputs; give them room on a loaded machine. A hang still fails.
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000 },
})
