import type { Value } from '@mg/engine'
import { describe, expect, it } from 'vitest'
import { functionPlotSvg, InvalidInputError, InvalidOptionError } from '../src/index.js'
import { elements, pathVertices, withClass } from './support/svg.js'

// The lecture's f(x) = 3x² − 4x + 5, whose derivative is 6x − 4.
const f = (x: Value) => x.mul(x).mul(3).sub(x.mul(4)).add(5)
const fNumber = (x: number) => 3 * x * x - 4 * x + 5

describe('functionPlotSvg', () => {
  const svg = functionPlotSvg(f, { from: -5, to: 5, at: [3, 2 / 3] })
  const curve = pathVertices(withClass(svg, 'curve')[0]!.getAttribute('d')!)

  it('samples the curve at 200 points by default', () => {
    expect(curve).toHaveLength(200)
  })

  it('gives the slopes the engine computes: 14 at x = 3 and 0 at x = 2/3', () => {
    const tangents = withClass(svg, 'tangent')
    const slopes = tangents.map((line) => Number(line.getAttribute('data-slope')))
    expect(slopes[0]).toBeCloseTo(6 * 3 - 4, 12)
    expect(slopes[1]).toBeCloseTo(0, 12)
    const texts = elements(svg, 'text').map((text) => text.textContent)
    expect(texts).toContain('slope 14 at x = 3')
    expect(texts).toContain('slope 0 at x = 0.6667')
  })

  it('draws each tangent touching the curve at its point with that slope', () => {
    // Pixel scales from the curve's ends: x = −5 → f = 100 and x = 5 → f = 60.
    const [[x0, y0], [x1, y1]] = [curve[0]!, curve.at(-1)!]
    const pixelX = (x: number) => x0 + ((x + 5) / 10) * (x1 - x0)
    const pixelY = (y: number) => y0 + ((y - fNumber(-5)) / (fNumber(5) - fNumber(-5))) * (y1 - y0)
    for (const line of withClass(svg, 'tangent')) {
      const at = Number(line.getAttribute('data-x'))
      const slope = 6 * at - 4
      for (const end of ['1', '2']) {
        const x = Number(line.getAttribute(`x${end}`))
        const xData = -5 + ((x - x0) / (x1 - x0)) * 10
        expect(Number(line.getAttribute(`y${end}`))).toBeCloseTo(
          pixelY(fNumber(at) + slope * (xData - at)),
          0,
        )
      }
      const point = withClass(svg, 'point').find(
        (circle) => Math.abs(Number(circle.getAttribute('cx')) - pixelX(at)) < 0.02,
      )!
      expect(Number(point.getAttribute('cy'))).toBeCloseTo(pixelY(fNumber(at)), 1)
    }
  })

  it('leaves a gap where f is undefined instead of failing', () => {
    const log = functionPlotSvg((x) => x.log(), { from: -1, to: 3, samples: 41, at: 1 })
    const vertices = pathVertices(withClass(log, 'curve')[0]!.getAttribute('d')!)
    expect(vertices).toHaveLength(30) // x = 0.1, 0.2, …, 3
    expect(Number(withClass(log, 'tangent')[0]!.getAttribute('data-slope'))).toBeCloseTo(1, 12)
  })

  it('rejects bad input with clear errors', () => {
    expect(() => functionPlotSvg(f, { from: 2, to: 1 })).toThrow(/greater than from/)
    expect(() => functionPlotSvg(f, { at: 9 })).toThrow(InvalidOptionError)
    expect(() => functionPlotSvg(f, { at: Number.NaN })).toThrow(/at/)
    expect(() => functionPlotSvg(42 as never)).toThrow(InvalidInputError)
    expect(() => functionPlotSvg(() => 3 as never, { at: 0 })).toThrow(/backward/)
    expect(() => functionPlotSvg(f, { tangent: 3 } as never)).toThrow(/unknown option "tangent"/)
  })
})
