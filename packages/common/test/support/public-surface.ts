/*
 * The check behind each package's public-surface test: every exported function, constructor and
 * method, called with wrong-typed arguments, ends in an MgError (or, where it accepts anything,
 * returns), never in a bare TypeError from deep inside.
 */
import { describe, expect, it } from 'vitest'
import { MgError } from '../../src/index.js'

/** One public entry point, called with valid arguments that the test replaces one at a time. */
export interface SurfaceEntry {
  /** `'name'` for a function, `'Class'` for a constructor, `'Class#method'` or `'Class.static'`. */
  readonly name: string
  /** Valid arguments. */
  readonly args: readonly unknown[]
  /** Calls the entry point with `args`. */
  readonly run: (...args: never[]) => unknown
  /** Positions that take any value (a label, a value to describe): there nothing must throw. */
  readonly anything?: readonly number[]
}

/** Values of the wrong type or shape for nearly every argument. */
export const WRONG_VALUES: readonly unknown[] = [
  undefined,
  null,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -1,
  1.5,
  '12',
  '',
  true,
  10n,
  Symbol('wrong'),
  {},
  Object.create(null),
  [],
  [null],
  ['x'],
  [Number.NaN],
  [[null]],
  { length: 2 },
  () => 1,
  new Map(),
]

/**
 * Calls each entry with each wrong value in each argument position (awaiting what it returns),
 * and lists what went wrong (`failures`): a throw that is not an MgError, or, where an argument
 * does not take anything, a `null` or a symbol that was accepted. `messages` holds the message of
 * the error each argument position refuses `null` with: a list a snapshot keeps, so that every
 * message stays readable and changes only on purpose.
 */
async function surfaceOutcomes(
  entries: readonly SurfaceEntry[],
): Promise<{ failures: string[]; messages: string[] }> {
  const failures: string[] = []
  const messages: string[] = []
  for (const entry of entries) {
    for (let position = 0; position < Math.max(entry.args.length, 1); position++) {
      for (const wrong of WRONG_VALUES) {
        const args = [...entry.args]
        args[position] = wrong
        const outcome = await attempt(() => (entry.run as (...args: unknown[]) => unknown)(...args))
        const where = `${entry.name} argument ${position} = ${show(wrong)}`
        if (outcome.threw && !MgError.isInstance(outcome.error))
          failures.push(`${where}: threw ${String(outcome.error)}`)
        const mustRefuse =
          (wrong === null || typeof wrong === 'symbol') &&
          !entry.anything?.includes(position) &&
          position < entry.args.length
        if (mustRefuse && !outcome.threw) failures.push(`${where}: was accepted`)
        if (wrong === null && outcome.threw)
          messages.push(
            `${where}: ${(outcome.error as Error).name}: ${(outcome.error as Error).message}`,
          )
      }
    }
  }
  return { failures, messages }
}

/**
 * The exported functions and classes of `module`, with each class's public methods and statics
 * (`Class#method`, `Class.static`), minus the error classes: the names a surface table must cover.
 */
function publicCallables(module: Record<string, unknown>): string[] {
  const names: string[] = []
  for (const [name, value] of Object.entries(module)) {
    if (typeof value !== 'function') continue
    if (value.prototype instanceof Error || value === MgError) continue
    names.push(name)
    if (!/^class\b/.test(Function.prototype.toString.call(value))) continue
    for (const key of Object.getOwnPropertyNames(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key)
      if (typeof descriptor?.value === 'function') names.push(`${name}.${key}`)
    }
    for (const key of Object.getOwnPropertyNames(value.prototype)) {
      if (key === 'constructor' || key.startsWith('_')) continue
      const descriptor = Object.getOwnPropertyDescriptor(value.prototype, key)
      if (typeof descriptor?.value === 'function') names.push(`${name}#${key}`)
      else if (descriptor?.set) names.push(`${name}#${key}=`)
    }
  }
  return names.sort()
}

async function attempt(
  run: () => unknown,
): Promise<{ threw: false } | { threw: true; error: unknown }> {
  try {
    await run()
    return { threw: false }
  } catch (error) {
    return { threw: true, error }
  }
}

function show(value: unknown): string {
  if (typeof value === 'symbol' || typeof value === 'bigint') return String(value)
  if (typeof value === 'function') return 'a function'
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return Object.prototype.toString.call(value)
  }
}

/**
 * The two tests of a package's public surface: every exported callable (but `internal`, members
 * private to TypeScript) is in `entries`, and each refuses wrong-typed arguments with an MgError;
 * with `snapshot`, the messages of those errors are kept in a snapshot.
 */
export function describePublicSurface(
  module: Record<string, unknown>,
  entries: readonly SurfaceEntry[],
  options: { internal?: readonly string[]; snapshot?: boolean; timeout?: number } = {},
): void {
  describe('every public function, constructor and method', () => {
    it('is in the table', () => {
      const covered = [...entries.map((entry) => entry.name), ...(options.internal ?? [])]
      expect(publicCallables(module).filter((name) => !covered.includes(name))).toEqual([])
    })

    it(
      'refuses wrong-typed arguments with an MgError, never a bare TypeError',
      async () => {
        const { failures, messages } = await surfaceOutcomes(entries)
        expect(failures).toEqual([])
        if (options.snapshot) expect(messages).toMatchSnapshot()
      },
      options.timeout,
    )
  })
}

/** Runs `run` and checks its result with `check`, or that what it threw is an MgError. */
export function expectResultOrMgError<T>(run: () => T, check: (result: T) => void): void {
  let result: T
  try {
    result = run()
  } catch (error) {
    expect(MgError.isInstance(error), String(error)).toBe(true)
    return
  }
  check(result)
}

/** Four samples of two features, with the labels given: the data of many small checks. */
export function fourPoints<Label extends number>(
  y: readonly [Label, Label, Label, Label],
): { X: number[][]; y: Label[] } {
  return {
    X: [
      [0.5, -1],
      [1, 0.25],
      [-0.5, 0.5],
      [0, 1],
    ],
    y: [...y],
  }
}

/**
 * Checks that `run` throws an InvalidOptionError (or a package's subclass of it) naming `option`.
 * By name: the package under test may hold another copy of `@mg/common` than this file imports.
 */
export function expectInvalidOption(run: () => unknown, option: string): void {
  let thrown: unknown
  try {
    run()
  } catch (error) {
    thrown = error
  }
  expect(MgError.isInstance(thrown), String(thrown)).toBe(true)
  expect(thrown).toMatchObject({ name: expect.stringMatching(/^Invalid\w+Error$/), option })
}
