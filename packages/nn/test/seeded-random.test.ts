import { createRng } from '@mg/datasets'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createSeededRandom, InvalidOptionError, MLP } from '../src/index.js'

describe('createSeededRandom (xoshiro128** seeded by SplitMix64)', () => {
  it('gives the stream of an independent Python transcription of the reference C', () => {
    // Python, 32/64-bit words masked: state = low and high halves of SplitMix64's first two
    // outputs; xoshiro128** 1.1 output rotl(s[1] * 5, 7) * 9; uniform = ((a >> 5) * 2**26 + (b >> 6)) / 2**53.
    const expected: Record<number, number[]> = {
      0: [0.870254774404272, 0.6697971505310978, 0.3616586206733957, 0.759190638670705],
      42: [0.4137016681565887, 0.003983993377814743, 0.6500837027638867, 0.6846020186141416],
      1337: [0.8238867582722316, 0.7966405814807512, 0.0787040388659519, 0.662719197012866],
      4294967295: [
        0.07711399746191416, 0.6361132965150612, 0.004764788609091242, 0.0268453925418477,
      ],
    }
    for (const [seed, stream] of Object.entries(expected)) {
      const rng = createSeededRandom(Number(seed))
      expect(stream.map(() => rng.uniform())).toEqual(stream)
    }
  })

  it("gives the same numbers as @mg/datasets' createRng for the same seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const ours = createSeededRandom(seed)
        const theirs = createRng(seed)
        for (let index = 0; index < 20; index++) expect(ours.uniform()).toBe(theirs.uniform())
      }),
    )
    expect(new MLP(2, [4, 1], { seed: 9 }).getParameterValues()).toEqual(
      new MLP(2, [4, 1], { rng: createRng(9) }).getParameterValues(),
    )
  })

  it('stays in [0, 1) and repeats for the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const a = createSeededRandom(seed)
        const b = createSeededRandom(seed)
        for (let index = 0; index < 50; index++) {
          const value = a.uniform()
          expect(value).toBeGreaterThanOrEqual(0)
          expect(value).toBeLessThan(1)
          expect(b.uniform()).toBe(value)
        }
      }),
    )
  })

  it('looks uniform: mean ≈ 1/2 and variance ≈ 1/12 over 100,000 draws', () => {
    const rng = createSeededRandom(7)
    const draws = Array.from({ length: 100_000 }, () => rng.uniform())
    const mean = draws.reduce((total, x) => total + x, 0) / draws.length
    const variance = draws.reduce((total, x) => total + (x - mean) ** 2, 0) / draws.length
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005) // about 5 standard errors
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002)
  })

  it('refuses a seed that is not an integer in [0, 2³² − 1]', () => {
    expect(() => createSeededRandom(1.5)).toThrow(InvalidOptionError)
    expect(() => createSeededRandom(-1)).toThrow(/seed: expected an integer from 0 to 4294967295/)
    expect(() => createSeededRandom(2 ** 32)).toThrow(InvalidOptionError)
    expect(() => createSeededRandom(Number.NaN)).toThrow(InvalidOptionError)
  })
})
