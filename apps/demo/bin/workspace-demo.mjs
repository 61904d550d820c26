#!/usr/bin/env node
// `pnpm demo …` in this repository: builds what the demo needs, then runs it with the given
// arguments in the folder it was started from. It is a bin rather than a package.json script
// because pnpm prints a script's name and command on stdout before running it; and turbo's banner
// would land there too. So the build writes to stderr, and with --json or --quiet (which promise
// only JSON, or nothing but errors) its output is held back unless the build fails: stdout is the
// demo's alone.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const args = process.argv.slice(2)
const holdBack = args.includes('--json') || args.includes('--quiet')
const turbo = createRequire(`${root}package.json`).resolve('turbo/bin/turbo')
const build = spawnSync(
  process.execPath,
  [turbo, 'run', 'build', '--filter=@mg/demo...', '--output-logs=errors-only'],
  { cwd: root, stdio: ['ignore', holdBack ? 'pipe' : 2, holdBack ? 'pipe' : 2], encoding: 'utf8' },
)
if (build.status !== 0) {
  if (holdBack) process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`)
  process.stderr.write(
    `error: building the demo failed (${build.error ?? `exit code ${build.status}`})\n`,
  )
  process.exit(build.status || 1)
}
await import('../dist/cli.js')
