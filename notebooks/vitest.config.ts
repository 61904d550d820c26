import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Each notebook starts a Deno kernel and runs the lecture, training included; type-checking the
  // cells builds a TypeScript program, which takes seconds while the rest of `pnpm test` runs.
  test: { include: ['test/**/*.test.ts'], hookTimeout: 300_000, testTimeout: 120_000 },
})
