import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkSeed,
  createRng,
  freshSeed,
  InvalidOptionError,
  type RandomSource,
  resolveRandom,
} from '../src/index.js'

describe('resolveRandom', () => {
  it('makes a generator from the seed and reports the seed', () => {
    const { rng, seed } = resolveRandom({ seed: 42 })
    expect(seed).toBe(42)
    expect(rng.uniform()).toBe(createRng(42).uniform())
  })

  it('draws and reports a fresh seed when given neither', () => {
    const { rng, seed } = resolveRandom({})
    expect(Number.isInteger(seed)).toBe(true)
    expect(rng.uniform()).toBe(createRng(seed).uniform())
  })

  it('hands back a given generator as it is, with no seed', () => {
    const source: RandomSource = { uniform: () => 0.5 }
    expect(resolveRandom({ rng: source })).toEqual({ rng: source, seed: undefined })
  })

  it('refuses a bad seed, a generator without uniform(), and both at once, naming the caller', () => {
    const badSeed = (): unknown => resolveRandom({ seed: -3 }, 'makeMoons')
    expect(badSeed).toThrow(InvalidOptionError)
    expect(badSeed).toThrow(
      /^makeMoons: seed: expected an integer from 0 to 4294967295, received -3/,
    )
    for (const rng of [{}, null, 7, { uniform: 0.5 }]) {
      expect(() => resolveRandom({ rng: rng as never }, 'makeMoons')).toThrow(
        /^makeMoons: rng: expected an object with a uniform\(\) method/,
      )
    }
    expect(() => resolveRandom({ seed: 1, rng: createRng(1) })).toThrow(
      /^seed: expected no seed when rng is given, received 1/,
    )
  })
})

describe('checkSeed and freshSeed', () => {
  it('accept exactly the integers from 0 to 2³² − 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        expect(checkSeed('seed', seed)).toBe(seed)
      }),
    )
    for (const bad of [-1, 2 ** 32, 0.5, Number.NaN, '1', null]) {
      expect(() => checkSeed('trainSeed', bad)).toThrow(/^trainSeed: expected an integer/)
    }
  })

  it('draws fresh seeds in range', () => {
    for (let i = 0; i < 20; i++) {
      const seed = freshSeed()
      expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true)
    }
  })
})
