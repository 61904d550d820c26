import { defineConfig } from 'tsup'
import { packageBuild } from '../../tsup.base.js'

export default defineConfig({
  ...packageBuild,
  entry: ['src/index.ts'],
  // @internal members (the graph-walk stamp on Value) stay out of the published types.
  dts: { compilerOptions: { stripInternal: true } },
})
