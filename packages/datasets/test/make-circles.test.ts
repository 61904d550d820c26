import { describe, expect, it } from 'vitest'
import { makeCircles } from '../src/index.js'
import { expectOuterCircle, expectParameterError, standardDeviation, ulp } from './helpers.js'

// numpy's linspace(0, 2 pi, n, endpoint=False) written out: i * (2 pi / n).
function angles(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i * ((2 * Math.PI) / n))
}

describe('makeCircles without noise or shuffling', () => {
  const cases: { nSamples: number | [number, number]; counts: [number, number] }[] = [
    ...[1, 2, 3, 8, 9, 100, 101].map((n) => ({
      nSamples: n,
      counts: [Math.floor(n / 2), n - Math.floor(n / 2)] as [number, number],
    })),
    { nSamples: [0, 4], counts: [0, 4] },
    { nSamples: [6, 0], counts: [6, 0] },
    { nSamples: [12, 5], counts: [12, 5] },
  ]

  it.each(cases)(
    'puts $counts points on the circles for nSamples $nSamples',
    ({ nSamples, counts }) => {
      const [nOuter, nInner] = counts
      const factor = 0.3
      const { X, y } = makeCircles({ nSamples, factor, shuffle: false })
      expectOuterCircle({ X, y }, angles(nOuter), nInner)
      angles(nInner).forEach((t, i) => {
        const [x0, x1] = X[nOuter + i]!
        expect(Math.abs(x0! - Math.cos(t) * factor)).toBeLessThanOrEqual(2 * ulp(factor))
        expect(Math.abs(x1! - Math.sin(t) * factor)).toBeLessThanOrEqual(2 * ulp(factor))
        expect(Math.abs(Math.hypot(x0!, x1!) - factor)).toBeLessThan(1e-15)
      })
    },
  )

  it('scales the inner circle from the outer one exactly, leaving out the end point 2 pi', () => {
    const factor = 0.8
    const { X } = makeCircles({ nSamples: [25, 25], factor, shuffle: false })
    for (let i = 0; i < 25; i++) {
      expect(X[25 + i]).toEqual([X[i]![0]! * factor, X[i]![1]! * factor])
    }
    expect(X[0]).toEqual([1, 0])
    // The last angle is 24/25 of a turn, not a second copy of the first point.
    expect(X[24]![0]).toBeLessThan(1)
    expect(Math.atan2(X[24]![1]!, X[24]![0]!)).toBeCloseTo(-(2 * Math.PI) / 25, 14)
  })

  it('collapses the inner circle to the origin for factor 0', () => {
    const { X } = makeCircles({ nSamples: [0, 3], factor: 0, shuffle: false })
    for (const [x0, x1] of X) expect(Math.abs(x0!) + Math.abs(x1!)).toBe(0)
  })
})

describe('makeCircles randomness', () => {
  it('is reproducible from its seed and adds noise of the requested deviation', () => {
    const clean = makeCircles({ nSamples: 4000, seed: 11 })
    const noisy = makeCircles({ nSamples: 4000, noise: 0.05, seed: 11 })
    expect(makeCircles({ nSamples: 4000, noise: 0.05, seed: 11 })).toEqual(noisy)
    expect(makeCircles({ nSamples: 4000, noise: 0.05, seed: 12 }).X).not.toEqual(noisy.X)
    expect(noisy.y).toEqual(clean.y)
    const differences = noisy.X.flatMap((row, i) => row.map((value, j) => value - clean.X[i]![j]!))
    // 8000 draws: the sample deviation's own spread is about 0.05 / sqrt(16000) = 0.0004.
    expect(Math.abs(standardDeviation(differences) - 0.05)).toBeLessThan(0.0015)
  })

  it('keeps every label with its point when shuffling', () => {
    const { X, y } = makeCircles({ nSamples: 200, factor: 0.5, seed: 5 })
    X.forEach((row, i) => {
      expect(Math.hypot(row[0]!, row[1]!)).toBeCloseTo(y[i] === 0 ? 1 : 0.5, 14)
    })
  })
})

describe('makeCircles bad input', () => {
  it.each([-0.1, 1, 1.5, Number.NaN, Infinity, '0.5'])('rejects factor %j', (factor) => {
    const error = expectParameterError(
      () => makeCircles({ factor: factor as number }),
      'factor',
      factor,
    )
    expect(error.message).toContain('[0, 1)')
  })

  it.each([0, -1, 2.5, [3], [2, -2], [0, 0]])('rejects nSamples %j', (nSamples) => {
    expectParameterError(() => makeCircles({ nSamples: nSamples as number }), 'nSamples', nSamples)
  })

  it.each([-1, Number.NaN, Infinity])('rejects noise %j', (noise) => {
    expectParameterError(() => makeCircles({ noise }), 'noise', noise)
  })
})
