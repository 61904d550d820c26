import { spawn } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The built command-line program, as `pnpm demo` runs it. */
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url))

/** What a finished run of the CLI left. */
export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `node dist/cli.js ...args` in `cwd`, with stdout a pipe (not a terminal) and `CI` unset. */
export function runCli(args: readonly string[], cwd: string): Promise<CliResult> {
  return runCommand(process.execPath, [CLI, ...args], cwd)
}

/** Runs `command ...args` in `cwd`, with stdout a pipe (as `… | jq` would have it) and `CI` unset. */
export function runCommand(
  command: string,
  args: readonly string[],
  cwd: string,
): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' }
  delete env.CI
  // Inside `pnpm test` the tests run under turbo; a nested `pnpm demo` build must not take the
  // outer run's settings.
  for (const name of Object.keys(env)) if (name.startsWith('TURBO_')) delete env[name]
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** A fresh empty folder under the system's temporary folder. */
export function temporaryFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'mg-demo-test-'))
}
