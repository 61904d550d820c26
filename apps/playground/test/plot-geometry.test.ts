import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { niceTicks, plotTransform } from '../src/render/plot-geometry.js'

describe('plot geometry', () => {
  const domain = { xMin: -1.5, xMax: 2.5, yMin: -2, yMax: 2 }

  it('puts the domain corners on the box corners, y upwards', () => {
    const transform = plotTransform(domain, 400, 400)
    expect(transform.toPixel([-1.5, 2])).toEqual([0, 0])
    expect(transform.toPixel([2.5, -2])).toEqual([400, 400])
    expect(transform.toPixel([0.5, 0])).toEqual([200, 200])
  })

  it('maps pixels back to the same data point', () => {
    const transform = plotTransform(domain, 373, 373)
    fc.assert(
      fc.property(
        fc.double({ min: -1.5, max: 2.5, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        (x, y) => {
          const [back0, back1] = transform.toData(...transform.toPixel([x, y]))
          expect(back0).toBeCloseTo(x, 9)
          expect(back1).toBeCloseTo(y, 9)
        },
      ),
    )
  })

  it('picks round tick values', () => {
    expect(niceTicks(-1.2, 2.3, 5)).toEqual([-1, 0, 1, 2])
    expect(niceTicks(0, 1, 4)).toEqual([0, 0.5, 1])
    // A range of 0.58 in about 5 steps: 0.116 rounds up to a step of 0.2.
    expect(niceTicks(-0.27, 0.31, 5)).toEqual([-0.2, 0, 0.2])
  })
})
