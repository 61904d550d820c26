import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  backpropSlope,
  exactSlope,
  lessonFunction,
  numericSlope,
} from '../src/lesson/derivative.js'

describe('the derivatives lesson', () => {
  it("gives the lecture's numbers at x = 3: f = 20 and slope 14", () => {
    expect(lessonFunction(3)).toBe(20)
    expect(backpropSlope(3)).toMatchObject({ value: 20, slope: 14 })
    expect(exactSlope(3)).toBe(14)
  })

  it('finds the slope 6x − 4 by backprop at any x', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (x) => {
        const { value, slope } = backpropSlope(x)
        expect(value).toBeCloseTo(3 * x * x - 4 * x + 5, 8)
        expect(slope).toBeCloseTo(6 * x - 4, 9)
      }),
    )
  })

  it('has a forward difference of exactly 6x − 4 + 3h, up to rounding, for moderate h', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.constantFrom(1, 0.1, 0.01, 0.001),
        (x, h) => {
          expect(numericSlope(x, h)).toBeCloseTo(6 * x - 4 + 3 * h, 7)
        },
      ),
    )
  })

  it('shows cancellation: the forward difference gets worse again once h is tiny', () => {
    const errorAt = (h: number) => Math.abs(numericSlope(3, h) - 14)
    expect(errorAt(1e-8)).toBeLessThan(errorAt(1e-3))
    expect(errorAt(1e-14)).toBeGreaterThan(errorAt(1e-8))
  })

  it('labels every box of the graph it draws', () => {
    const { output } = backpropSlope(3)
    const labels: string[] = []
    const visit = (node: typeof output) => {
      labels.push(node.label)
      node.children.forEach(visit)
    }
    visit(output)
    expect(labels.every((label) => label !== '')).toBe(true)
    expect(labels).toContain('x²')
    expect(labels).toContain('−4x')
  })
})
