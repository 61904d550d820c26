import { describe, expect, it } from 'vitest'
import { createRng, makeMoons } from '../src/index.js'
import { expectOuterCircle, expectParameterError, standardDeviation, ulp } from './helpers.js'

// numpy's linspace(0, pi, n) written out: i * (pi / (n - 1)), the last value exactly pi, and [0]
// for a single value.
function angles(n: number): number[] {
  if (n === 1) return [0]
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? Math.PI : i * (Math.PI / (n - 1))))
}

describe('makeMoons without noise or shuffling', () => {
  const totals = [1, 2, 3, 4, 7, 10, 11, 100, 101]
  const pairs: [number, number][] = [
    [0, 5],
    [5, 0],
    [3, 7],
    [8, 2],
  ]
  const cases = [
    ...totals.map((n) => ({
      nSamples: n as number | [number, number],
      counts: [Math.floor(n / 2), n - Math.floor(n / 2)],
    })),
    ...pairs.map((pair) => ({ nSamples: pair as number | [number, number], counts: pair })),
  ]

  it.each(cases)(
    'puts $counts points on the two half circles for nSamples $nSamples',
    ({ nSamples, counts }) => {
      const [nOuter, nInner] = counts as [number, number]
      const { X, y } = makeMoons({ nSamples, shuffle: false })
      expectOuterCircle({ X, y }, angles(nOuter), nInner)
      angles(nInner).forEach((t, i) => {
        const [x0, x1] = X[nOuter + i]!
        expect(Math.abs(x0! - (1 - Math.cos(t)))).toBeLessThanOrEqual(2 * ulp(1))
        expect(Math.abs(x1! - (1 - Math.sin(t) - 0.5))).toBeLessThanOrEqual(2 * ulp(1))
        expect(Math.abs(Math.hypot(x0! - 1, x1! - 0.5) - 1)).toBeLessThan(1e-15)
      })
    },
  )

  it('builds the inner moon from the outer one exactly: (1 - cos t, 1 - sin t - 0.5)', () => {
    const { X } = makeMoons({ nSamples: [37, 37], shuffle: false })
    for (let i = 0; i < 37; i++) {
      const [cosT, sinT] = X[i]!
      expect(X[37 + i]).toEqual([1 - cosT!, 1 - sinT! - 0.5])
    }
  })

  it('starts and ends each moon exactly where scikit-learn does', () => {
    const { X } = makeMoons({ nSamples: 10, shuffle: false })
    // t = 0 and t = pi (the double nearest pi, whose sine is 1.2246467991473532e-16).
    expect(X[0]).toEqual([1, 0])
    expect(X[4]).toEqual([-1, 1.2246467991473532e-16])
    expect(X[5]).toEqual([0, 0.5])
    expect(X[9]).toEqual([2, 0.4999999999999999])
  })

  it('places a single point per moon at t = 0, as numpy.linspace does for one value', () => {
    expect(makeMoons({ nSamples: 1, shuffle: false }).X).toEqual([[0, 0.5]])
    expect(makeMoons({ nSamples: [1, 1], shuffle: false }).X).toEqual([
      [1, 0],
      [0, 0.5],
    ])
  })
})

describe('makeMoons randomness', () => {
  it('shuffles rows and labels together', () => {
    const ordered = makeMoons({ nSamples: 51, shuffle: false })
    const shuffled = makeMoons({ nSamples: 51, seed: 3 })
    expect(shuffled.X).not.toEqual(ordered.X)
    const key = (row: number[], label: number) => `${row.join(',')}|${label}`
    const asSet = (data: typeof ordered) => data.X.map((row, i) => key(row, data.y[i]!)).sort()
    expect(asSet(shuffled)).toEqual(asSet(ordered))
  })

  it('gives identical arrays for the same seed and different ones for different seeds', () => {
    const first = makeMoons({ nSamples: 200, noise: 0.1, seed: 1337 })
    const again = makeMoons({ nSamples: 200, noise: 0.1, seed: 1337 })
    const other = makeMoons({ nSamples: 200, noise: 0.1, seed: 1338 })
    expect(again.X).toEqual(first.X)
    expect(again.y).toEqual(first.y)
    expect(other.X).not.toEqual(first.X)
    expect(first.seed).toBe(1337)
  })

  it('reports a fresh seed when none is given, and that seed reproduces the data', () => {
    const fresh = makeMoons({ noise: 0.1 })
    expect(Number.isInteger(fresh.seed)).toBe(true)
    expect(makeMoons({ noise: 0.1, seed: fresh.seed })).toEqual(fresh)
  })

  it('draws from an injected rng exactly as from the same seed', () => {
    const injected = makeMoons({ noise: 0.2, rng: createRng(42) })
    const seeded = makeMoons({ noise: 0.2, seed: 42 })
    expect(injected.X).toEqual(seeded.X)
    expect(injected.seed).toBeUndefined()
  })

  it('adds Gaussian noise with the requested standard deviation to every coordinate', () => {
    // Shuffling comes before the noise, so the same seed with and without noise gives the same
    // order and the difference is the noise alone.
    const clean = makeMoons({ nSamples: 10000, seed: 9 })
    const noisy = makeMoons({ nSamples: 10000, noise: 0.3, seed: 9 })
    const differences = noisy.X.flatMap((row, i) => row.map((value, j) => value - clean.X[i]![j]!))
    expect(noisy.y).toEqual(clean.y)
    // 20000 draws: the sample deviation's own spread is 0.3 / sqrt(40000) = 0.0015.
    expect(standardDeviation(differences)).toBeCloseTo(0.3, 2)
    const mean = differences.reduce((sum, value) => sum + value, 0) / differences.length
    expect(Math.abs(mean)).toBeLessThan(0.01)
    const withinOneSigma = differences.filter((value) => Math.abs(value) < 0.3).length
    expect(withinOneSigma / differences.length).toBeCloseTo(0.6827, 1)
  })
})

describe('makeMoons bad input', () => {
  it.each([0, -3, 2.5, Number.NaN, Infinity, '100', [1], [1, 2, 3], [-1, 4], [0, 0], [1.5, 2]])(
    'rejects nSamples %j',
    (nSamples) => {
      const error = expectParameterError(
        () => makeMoons({ nSamples: nSamples as number }),
        'nSamples',
        nSamples,
      )
      expect(error.message).toContain('makeMoons')
      expect(error.message).toContain('[nOuter, nInner]')
    },
  )

  it.each([-0.1, Number.NaN, Infinity, -Infinity, '0.1'])('rejects noise %j', (noise) => {
    expectParameterError(() => makeMoons({ noise: noise as number }), 'noise', noise)
  })

  it('rejects a non-boolean shuffle, a bad seed, and a seed given with an rng', () => {
    expectParameterError(
      () => makeMoons({ shuffle: 'yes' as unknown as boolean }),
      'shuffle',
      'yes',
    )
    expectParameterError(() => makeMoons({ seed: -1 }), 'seed', -1)
    expectParameterError(() => makeMoons({ seed: 2 ** 32 }), 'seed', 2 ** 32)
    expectParameterError(() => makeMoons({ seed: 1.5 }), 'seed', 1.5)
    expectParameterError(() => makeMoons({ seed: 1, rng: createRng(1) }), 'seed', 1)
  })
})
