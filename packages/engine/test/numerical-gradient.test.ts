import { describe, expect, it } from 'vitest'
import { gradcheck, numericalGradient, type Value } from '../src/index.js'

// The lecture's first function: f(x) = 3x² − 4x + 5, f'(x) = 6x − 4.
const f = ([x]: Value[]) => x!.pow(2).mul(3).sub(x!.mul(4)).add(5)

describe('numericalGradient', () => {
  it('matches the lecture: slope 14 at 3, -22 at -3, 0 at 2/3 (forward difference h = 0.0001)', () => {
    // The forward difference of a quadratic is exact up to 3h: f'(x) + 3h.
    for (const [x, slope] of [
      [3, 14],
      [-3, -22],
      [2 / 3, 0],
    ] as const) {
      const [estimate] = numericalGradient(f, [x], { h: 0.0001, method: 'forward' })
      expect(estimate).toBeCloseTo(slope + 0.0003, 8)
    }
  })

  it('central differences are exact for a quadratic up to rounding', () => {
    const [estimate] = numericalGradient(f, [3], { h: 1e-3 })
    expect(estimate).toBeCloseTo(14, 9)
  })

  it("estimates each partial of the lecture's d = a·b + c", () => {
    const d = ([a, b, c]: Value[]) => a!.mul(b!).add(c!)
    const estimate = numericalGradient(d, [2, -3, 10])
    expect(estimate[0]).toBeCloseTo(-3, 8)
    expect(estimate[1]).toBeCloseTo(2, 8)
    expect(estimate[2]).toBeCloseTo(1, 8)
  })

  it('loses accuracy when h is far too small, as the lecture warns', () => {
    const [tiny] = numericalGradient(f, [3], { h: 1e-14, method: 'forward' })
    expect(Math.abs(tiny! - 14)).toBeGreaterThan(1e-2)
  })
})

describe('gradcheck', () => {
  it('reports agreement per input', () => {
    const report = gradcheck(([a, b, c]) => a!.mul(b!).add(c!), [2, -3, 10])
    expect(report.ok).toBe(true)
    expect(report.entries.map((entry) => entry.backprop)).toEqual([-3, 2, 1])
    expect(report.maxError).toBeLessThan(1e-8)
  })

  it('flags a derivative that does not match the function', () => {
    // relu's kink: backprop says 0 at exactly 0, the central difference says 1/2.
    const report = gradcheck(([x]) => x!.relu(), [0])
    expect(report.ok).toBe(false)
    expect(report.entries[0]).toMatchObject({ backprop: 0, ok: false })
    expect(report.entries[0]!.numeric).toBeCloseTo(0.5, 9)
  })
})
