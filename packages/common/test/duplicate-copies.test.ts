import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

type Common = typeof import('../src/index.js')

// Two installs of @mg/common side by side, as npm makes when two packages ask for incompatible
// versions: the built module, copied into two folders and loaded from each, so every class exists
// twice with different prototypes.
const dist = fileURLToPath(new URL('../dist', import.meta.url))
const folder = mkdtempSync(join(tmpdir(), 'mg-common-copies-'))
let first: Common
let second: Common

async function loadCopy(name: string): Promise<Common> {
  const copy = join(folder, name)
  cpSync(dist, copy, { recursive: true })
  writeFileSync(join(copy, 'package.json'), JSON.stringify({ type: 'module' }))
  return (await import(/* @vite-ignore */ pathToFileURL(join(copy, 'index.js')).href)) as Common
}

beforeAll(async () => {
  if (!existsSync(join(dist, 'index.js')))
    throw new Error('packages/common/dist is missing: run `pnpm --filter @mg/common build` first')
  first = await loadCopy('first')
  second = await loadCopy('second')
})
afterAll(() => rmSync(folder, { recursive: true, force: true }))

describe('two copies of @mg/common', () => {
  it('are really two: their classes differ', () => {
    expect(first.MgError).not.toBe(second.MgError)
    expect(Object.getPrototypeOf(new first.MgError('a'))).not.toBe(second.MgError.prototype)
  })

  it('recognise each other’s errors as MgError, with instanceof and isInstance', () => {
    const errors = [
      new first.MgError('base'),
      new first.InvalidOptionError('seed', -1, 'an integer'),
      new first.LengthMismatchError('dot', 2, 3),
      new first.InvalidLabelError('hingeLoss', 0, 2, '−1 or 1'),
    ]
    for (const error of errors) {
      expect(error instanceof second.MgError).toBe(true)
      expect(second.MgError.isInstance(error)).toBe(true)
    }
    expect(new second.MgError('back') instanceof first.MgError).toBe(true)
    // An error thrown deep inside one copy, caught by code that imported the other.
    let caught: unknown
    try {
      first.createRng(-1)
    } catch (error) {
      caught = error
    }
    expect(caught instanceof second.MgError).toBe(true)
    expect(caught instanceof first.InvalidOptionError).toBe(true)
  })

  it('keep subclass checks exact: a subclass matches only its own copy', () => {
    const error = new first.InvalidOptionError('seed', -1, 'an integer')
    expect(error instanceof first.InvalidOptionError).toBe(true)
    expect(error instanceof second.InvalidOptionError).toBe(false)
    expect(second.InvalidOptionError.isInstance(error)).toBe(false)
    class SecondPackageError extends second.MgError {}
    expect(new SecondPackageError('x') instanceof first.MgError).toBe(true)
    expect(new first.MgError('x') instanceof SecondPackageError).toBe(false)
  })

  it('do not mistake plain errors for theirs', () => {
    expect(new Error('plain') instanceof first.MgError).toBe(false)
    expect(second.MgError.isInstance(new TypeError('plain'))).toBe(false)
  })
})
