import { defineConfig } from 'vitest/config'

export default defineConfig({
  // A guard against hangs, not a speed check: the property tests take seconds on a busy machine.
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000 },
})
