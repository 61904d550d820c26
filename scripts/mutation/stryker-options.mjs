// Stryker's settings for one package, shared by engine and nn. Stryker runs from the repository
// root so that each package's tests can import the test support of the packages under it.

// Read by the few tests that take seconds and whose code faster tests cover too (a graph a million
// nodes deep, a 20-second comparison with a hand-written loop): they would run for nearly every
// mutant and add hours. MUTATION.md lists them.
process.env.MG_MUTATION = '1'

/** Stryker's options for `packages/<name>`. */
export function strykerOptions(name) {
  const folder = `packages/${name}`
  return {
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner'],
    vitest: { configFile: `${folder}/vitest.config.ts`, dir: folder },
    mutate: [`${folder}/src/**/*.ts`, `!${folder}/src/index.ts`],
    // Only what the tests of engine and nn read is copied into Stryker's sandbox.
    ignorePatterns: [
      '/*',
      '!/package.json',
      '!/tsconfig.base.json',
      '!/packages',
      '/packages/*',
      '!/packages/common',
      '!/packages/engine',
      '!/packages/nn',
      '**/.turbo',
      '**/reports',
      '**/docs',
    ],
    coverageAnalysis: 'perTest',
    // Mutants of module-level code (the op table, constants) need every test for each of them:
    // three quarters of the time for a quarter of the mutants. They are listed as ignored.
    ignoreStatic: true,
    // Two cores, shared with others: one test process at a time.
    concurrency: 1,
    timeoutMS: 20_000,
    reporters: ['clear-text', 'progress', 'json', 'html'],
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
    htmlReporter: { fileName: `reports/mutation/${name}.html` },
    tempDirName: '.stryker-tmp',
    cleanTempDir: 'always',
    thresholds: { high: 90, low: 80, break: 80 },
  }
}
