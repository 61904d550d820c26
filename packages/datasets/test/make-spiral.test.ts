import { describe, expect, it } from 'vitest'
import { makeSpiral } from '../src/index.js'
import { expectParameterError, standardDeviation } from './helpers.js'

/** The angle of (r sin t, r cos t), i.e. t, wrapped into (-pi, pi]. */
function angleOf([first, second]: number[]): number {
  return Math.atan2(first!, second!)
}

function wrap(angle: number): number {
  return Math.atan2(Math.sin(angle), Math.cos(angle))
}

describe('makeSpiral', () => {
  it('puts arm j at (r sin t, r cos t), r from 0 to 1 and t from 4j to 4j + 4, without noise', () => {
    const { X, y } = makeSpiral({ nSamples: 300, nClasses: 3, noise: 0, shuffle: false })
    expect(y).toEqual([...Array(100).fill(0), ...Array(100).fill(1), ...Array(100).fill(2)])
    for (let arm = 0; arm < 3; arm++) {
      for (let i = 0; i < 100; i++) {
        const point = X[100 * arm + i]!
        const radius = i / 99
        const angle = 4 * arm + (4 * i) / 99
        expect(Math.hypot(point[0]!, point[1]!)).toBeCloseTo(radius, 14)
        if (i > 0) expect(wrap(angleOf(point) - angle)).toBeCloseTo(0, 12)
      }
    }
    expect(X[0]).toEqual([0, 0])
    // The last point of arm 0: radius 1 at angle 4.
    expect(X[99]![0]).toBeCloseTo(Math.sin(4), 15)
    expect(X[99]![1]).toBeCloseTo(Math.cos(4), 15)
  })

  it('shares points between arms as evenly as possible, earlier arms first', () => {
    const { y } = makeSpiral({ nSamples: 11, nClasses: 4, shuffle: false })
    expect(y).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3])
  })

  it('adds Gaussian noise of the requested deviation to the angle', () => {
    const clean = makeSpiral({ nSamples: 6000, nClasses: 2, noise: 0, shuffle: false })
    const noisy = makeSpiral({ nSamples: 6000, nClasses: 2, noise: 0.2, shuffle: false, seed: 4 })
    const residuals = noisy.X.flatMap((point, i) =>
      // The radius (and so the point at r = 0) is unaffected by noise.
      i % 3000 === 0 ? [] : [wrap(angleOf(point) - angleOf(clean.X[i]!))],
    )
    expect(Math.abs(standardDeviation(residuals) - 0.2)).toBeLessThan(0.008)
    noisy.X.forEach((point, i) => {
      expect(Math.hypot(point[0]!, point[1]!)).toBeCloseTo(
        Math.hypot(clean.X[i]![0]!, clean.X[i]![1]!),
        14,
      )
    })
  })

  it('defaults to the CS231n notes: 3 classes of 100 points, noise 0.2', () => {
    const { X, y } = makeSpiral({ seed: 0 })
    expect(X).toHaveLength(300)
    expect([0, 1, 2].map((c) => y.filter((label) => label === c).length)).toEqual([100, 100, 100])
    expect(makeSpiral({ seed: 0 })).toEqual(makeSpiral({ seed: 0 }))
    expect(makeSpiral({ seed: 1 }).X).not.toEqual(X)
  })

  it('rejects bad input, naming the option', () => {
    expectParameterError(() => makeSpiral({ nClasses: 0 }), 'nClasses', 0)
    expectParameterError(() => makeSpiral({ nClasses: 2.5 }), 'nClasses', 2.5)
    expectParameterError(() => makeSpiral({ nSamples: 0 }), 'nSamples', 0)
    expectParameterError(() => makeSpiral({ nSamples: 2, nClasses: 3 }), 'nSamples', 2)
    expectParameterError(() => makeSpiral({ noise: -0.2 }), 'noise', -0.2)
    expectParameterError(() => makeSpiral({ noise: Number.NaN }), 'noise', Number.NaN)
  })
})
