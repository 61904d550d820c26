import { defineConfig } from 'tsup'
import { packageBuild } from '../../tsup.base.js'

export default defineConfig({
  ...packageBuild,
  // Two entries: the browser-safe main one, and `png` for the Node-only rasteriser.
  entry: ['src/index.ts', 'src/png.ts'],
})
