import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, expect } from 'vitest'
import { type CliResult, runCli, temporaryFolder } from './run-cli.js'

/** The finished runs by name, and the temporary folder they ran in. */
export type CliRuns<Name extends string> = Record<Name, CliResult> & { readonly root: string }

/**
 * Before this file's tests, runs the CLI once per entry of `runs` (all at once, in one fresh
 * temporary folder); after them, removes the folder. The returned object is filled in by then.
 */
export function cliRuns<Name extends string>(runs: Record<Name, readonly string[]>): CliRuns<Name> {
  const finished = {} as Record<Name, CliResult> & { root: string }
  beforeAll(async () => {
    finished.root = await temporaryFolder()
    const names = Object.keys(runs) as Name[]
    const results = await Promise.all(names.map((name) => runCli(runs[name], finished.root)))
    names.forEach((name, index) => {
      finished[name] = results[index]! as (typeof finished)[Name]
    })
  })
  afterAll(async () => {
    await rm(finished.root, { recursive: true, force: true })
  })
  return finished
}

/** Asserts that a run exited with 0 and wrote nothing to stderr (shown together on failure). */
export function expectSucceeded(result: CliResult): void {
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' })
}
