import * as common from '@mg/common'
import { createRng as datasetsRng } from '@mg/datasets'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRng, createSeededRandom, InvalidOptionError, MLP } from '../src/index.js'

// The generator itself, with its pinned streams, is tested in @mg/common; here, how nn uses it.

describe('the seeded generator in @mg/nn', () => {
  it("is @mg/common's createRng, the one @mg/datasets exports too", () => {
    expect(createRng).toBe(common.createRng)
    expect(datasetsRng).toBe(common.createRng)
  })

  it('keeps createSeededRandom as a name for the same stream', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const former = createSeededRandom(seed)
        const current = createRng(seed)
        for (let index = 0; index < 20; index++) expect(former.uniform()).toBe(current.uniform())
      }),
    )
  })

  it('builds the same model from a seed as from a generator made with that seed', () => {
    expect(new MLP(2, [4, 1], { seed: 9 }).getParameterValues()).toEqual(
      new MLP(2, [4, 1], { rng: datasetsRng(9) }).getParameterValues(),
    )
    // micrograd's random.uniform(-1, 1) from the pinned first uniform of seed 1337, 0.8238867582722316.
    expect(new MLP(1, [1], { seed: 1337 }).getParameterValues()[0]).toBe(
      -1 + 2 * 0.8238867582722316,
    )
  })

  it('refuses a seed that is not an integer in [0, 2³² − 1]', () => {
    expect(() => createSeededRandom(1.5)).toThrow(InvalidOptionError)
    expect(() => createSeededRandom(-1)).toThrow(/seed: expected an integer from 0 to 4294967295/)
    expect(() => createRng(2 ** 32)).toThrow(InvalidOptionError)
    expect(() => new MLP(2, [1], { seed: Number.NaN })).toThrow(InvalidOptionError)
  })
})
