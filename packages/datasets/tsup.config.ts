import { defineConfig } from 'tsup'
import { packageBuild } from '../../tsup.base.js'

export default defineConfig({
  ...packageBuild,
  // Two entries: the generators, and `digits`, whose data only its importers load.
  entry: ['src/index.ts', 'src/digits.ts'],
})
