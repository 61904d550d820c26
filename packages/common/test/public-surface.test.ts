import { describe, expect, it } from 'vitest'
import * as common from '../src/index.js'
import {
  allFinite,
  checkArray,
  checkFunction,
  checkOptionsObject,
  checkSeed,
  createRng,
  describeValue,
  freshSeed,
  resolveRandom,
} from '../src/index.js'
import {
  describePublicSurface,
  expectInvalidOption,
  type SurfaceEntry,
  WRONG_VALUES,
} from './support/public-surface.js'

const ENTRIES: SurfaceEntry[] = [
  {
    name: 'allFinite',
    args: [[1, 2], 1],
    run: (numbers: number[], end: number) => allFinite(numbers, end),
  },
  {
    name: 'describeValue',
    args: ['x'],
    run: (value: unknown) => describeValue(value),
    anything: [0],
  },
  { name: 'createRng', args: [1], run: (seed: number) => createRng(seed) },
  {
    name: 'checkSeed',
    args: ['seed', 1, 'f'],
    run: (option: string, seed: number, name: string) => checkSeed(option, seed, name),
  },
  { name: 'freshSeed', args: [], run: () => freshSeed() },
  {
    name: 'resolveRandom',
    args: [{ seed: 1 }, 'f'],
    run: (options: never, name: string) => resolveRandom(options, name),
  },
  {
    name: 'checkOptionsObject',
    args: [{}, 'f'],
    run: (options: object, name: string) => checkOptionsObject(options, name),
  },
  {
    name: 'checkArray',
    args: ['list', [], 'an array', 'f'],
    run: (option: string, value: unknown, allowed: string, name: string) =>
      checkArray(option, value, allowed, name),
  },
  {
    name: 'checkFunction',
    args: ['fn', () => 1, 'a function', 'f'],
    run: (option: string, value: unknown, allowed: string, name: string) =>
      checkFunction(option, value, allowed, name),
  },
  ...(['uint32', 'uniform'] as const).map(
    (method): SurfaceEntry => ({
      name: `Rng#${method}`,
      args: [],
      run: () => createRng(1)[method](),
    }),
  ),
  {
    name: 'Rng#normal',
    args: [0, 1],
    run: (mean: number, std: number) => createRng(1).normal(mean, std),
  },
  { name: 'Rng#integer', args: [6], run: (n: number) => createRng(1).integer(n) },
  { name: 'Rng#shuffle', args: [[1, 2, 3]], run: (array: number[]) => createRng(1).shuffle(array) },
]

// The helpers' message arguments (the names and words they put in an error) are the library's
// own, not a user's: the table checks the value each one judges.
const MESSAGE_ARGUMENTS: Record<string, number[]> = {
  checkSeed: [2],
  resolveRandom: [1],
  checkOptionsObject: [1],
  checkArray: [0, 2, 3],
  checkFunction: [0, 2, 3],
}

describePublicSurface(
  common,
  ENTRIES.map((entry) => ({
    ...entry,
    anything: [...(entry.anything ?? []), ...(MESSAGE_ARGUMENTS[entry.name] ?? [])],
  })),
  { snapshot: true },
)

describe('the argument checks', () => {
  it('describes every wrong value without throwing', () => {
    for (const value of WRONG_VALUES) expect(typeof describeValue(value)).toBe('string')
  })

  it.each([
    ['resolveRandom(null)', () => resolveRandom(null as never, 'makeMoons'), 'options'],
    ['checkOptionsObject([])', () => checkOptionsObject([] as never, 'f'), 'options'],
    ["checkArray('values', 5)", () => checkArray('values', 5, 'an array', 'f'), 'values'],
    ["checkFunction('fn', 'x')", () => checkFunction('fn', 'x', 'a function', 'f'), 'fn'],
    ['rng.shuffle(null)', () => createRng(1).shuffle(null as never), 'array'],
  ])('%s names the argument', (_, run, option) => expectInvalidOption(run, option))

  it('takes options objects and nothing, and returns what it checked', () => {
    expect(checkOptionsObject(undefined, 'f')).toEqual({})
    const options = { seed: 1 }
    expect(checkOptionsObject(options, 'f')).toBe(options)
    expect(resolveRandom(undefined as never, 'f').rng.uniform()).toBeGreaterThanOrEqual(0)
  })
})
