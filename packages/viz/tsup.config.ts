import { defineConfig } from 'tsup'

export default defineConfig({
  // Two entries: the browser-safe main one, and `png` for the Node-only rasteriser.
  entry: ['src/index.ts', 'src/png.ts'],
  format: ['esm'],
  target: 'es2022',
  dts: true,
  sourcemap: true,
  clean: true,
})
