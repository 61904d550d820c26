import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Several tests train real models (micrograd's 100-step demo, a spiral); give them room on slow machines.
  test: { include: ['test/**/*.test.ts'], testTimeout: 120_000 },
})
