import type { Options } from 'tsup'

/**
 * How every published package builds: ES modules for Node 20 and browsers, with type declarations
 * and sourcemaps, into a fresh `dist/`. A package's `tsup.config.ts` adds its entries.
 */
export const packageBuild: Options = {
  format: ['esm'],
  target: 'es2022',
  dts: true,
  sourcemap: true,
  clean: true,
}
