#!/usr/bin/env node
// Fails when a package's committed API reference (docs/*.md, written by `pnpm run docs`) no longer
// matches what TypeDoc makes of its TSDoc comments now, so the reference shipped to npm and linked
// from the README never drifts from the code. Run from a package folder, as its `check-docs` script.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const markdownIn = (dir) =>
  existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.md')) : []

const fresh = mkdtempSync(join(tmpdir(), 'mg-api-docs-'))
try {
  try {
    execFileSync('typedoc', ['--out', fresh, '--logLevel', 'Warn'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  } catch (error) {
    process.stderr.write(`${error.stdout}${error.stderr}`)
    throw new Error('typedoc failed; fix the TSDoc warnings above')
  }
  const generated = markdownIn(fresh)
  const committed = markdownIn('docs')
  const stale = [
    ...generated.filter(
      (file) =>
        !committed.includes(file) ||
        readFileSync(join(fresh, file), 'utf8') !== readFileSync(join('docs', file), 'utf8'),
    ),
    ...committed.filter((file) => !generated.includes(file)),
  ]
  if (stale.length > 0) {
    throw new Error(
      `the API reference is out of date (${stale.map((file) => `docs/${file}`).join(', ')}): ` +
        'run `pnpm run docs` and commit the result',
    )
  }
} catch (error) {
  console.error(`error: ${error.message}`)
  process.exitCode = 1
} finally {
  rmSync(fresh, { recursive: true, force: true })
}
