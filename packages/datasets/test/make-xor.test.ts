import { describe, expect, it } from 'vitest'
import { makeXor } from '../src/index.js'
import { expectParameterError, standardDeviation } from './helpers.js'

describe('makeXor', () => {
  it('labels 1 exactly the points with one positive coordinate, inside [-1, 1)²', () => {
    const { X, y } = makeXor({ nSamples: 4000, seed: 2 })
    expect(X).toHaveLength(4000)
    const outside = X.filter((row) => row.some((value) => value < -1 || value >= 1))
    expect(outside).toEqual([])
    const mislabelled = X.filter(
      ([first, second], i) => y[i] !== (first! > 0 !== second! > 0 ? 1 : 0),
    )
    expect(mislabelled).toEqual([])
    // Each quadrant gets a quarter of the points: 1000 ± 3 sqrt(4000 * 3/16) = 1000 ± 82.
    const quadrants = [0, 0, 0, 0]
    for (const [first, second] of X) quadrants[(first! > 0 ? 1 : 0) + (second! > 0 ? 2 : 0)]! += 1
    for (const count of quadrants) expect(Math.abs(count - 1000)).toBeLessThan(82)
  })

  it('adds noise of the requested deviation after labelling', () => {
    const clean = makeXor({ nSamples: 10000, seed: 8 })
    const noisy = makeXor({ nSamples: 10000, noise: 0.25, seed: 8 })
    expect(noisy.y).toEqual(clean.y)
    const differences = noisy.X.flatMap((row, i) => row.map((value, j) => value - clean.X[i]![j]!))
    expect(Math.abs(standardDeviation(differences) - 0.25)).toBeLessThan(0.006)
  })

  it('is reproducible from its seed', () => {
    expect(makeXor({ seed: 3, noise: 0.1 })).toEqual(makeXor({ seed: 3, noise: 0.1 }))
    expect(makeXor({ seed: 4 }).X).not.toEqual(makeXor({ seed: 3 }).X)
  })

  it('rejects bad input, naming the option', () => {
    expectParameterError(() => makeXor({ nSamples: 0 }), 'nSamples', 0)
    expectParameterError(
      () => makeXor({ nSamples: [2, 2] as unknown as number }),
      'nSamples',
      [2, 2],
    )
    expectParameterError(() => makeXor({ noise: -1 }), 'noise', -1)
    expectParameterError(() => makeXor({ noise: Infinity }), 'noise', Infinity)
  })
})
