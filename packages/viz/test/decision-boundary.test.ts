import { isGradEnabled, Value } from '@mg/engine'
import { describe, expect, it } from 'vitest'
import {
  decisionBoundarySvg,
  InvalidInputError,
  InvalidOptionError,
  NonFiniteDataError,
  UnknownOptionError,
} from '../src/index.js'
import { signedMoons } from './support/micrograd-demo.js'
import { elements, pathVertices, withClass } from './support/svg.js'
import { TinyMlp, trainMoons } from './support/tiny-mlp.js'

const square = {
  X: [
    [-0.8, -0.5],
    [-0.4, 0.6],
    [0.6, -0.2],
    [0.9, 0.7],
  ],
  y: [-1, -1, 1, 1],
}
const squareBounds = { x: [-1, 1], y: [-1, 1] } as const

/** The plotting area (the background rect of the regions) and the x extent of a region path. */
function regionGeometry(svg: string, classIndex = 1) {
  const background = elements(svg, 'g', 'regions')[0]!.getElementsByTagName('rect')[0]!
  const left = Number(background.getAttribute('x'))
  const width = Number(background.getAttribute('width'))
  const region = withClass(svg, 'region').find(
    (path) => path.getAttribute('data-class') === String(classIndex),
  )!
  const xs = pathVertices(region.getAttribute('d')!).map(([x]) => x)
  return { left, width, minX: Math.min(...xs), maxX: Math.max(...xs) }
}

describe('decisionBoundarySvg', () => {
  it('draws every data point on top of the regions of a trained moons model', () => {
    const moons = signedMoons(60)
    const model = new TinyMlp(2, [8, 8, 1], 1)
    const history = trainMoons(model, moons.X, moons.y, 60)
    expect(history.at(-1)!.accuracy).toBeGreaterThan(0.95)
    const svg = decisionBoundarySvg((a, b) => model.forward([a, b])[0]!, moons, { resolution: 40 })
    expect(withClass(svg, 'point')).toHaveLength(60)
    expect(withClass(svg, 'region')).toHaveLength(1)
    const texts = elements(svg, 'text').map((text) => text.textContent)
    for (const expected of ['Decision boundary', 'x[0]', 'x[1]', 'class −1', 'class +1'])
      expect(texts).toContain(expected)
  })

  it('calls predict resolution² times without recording a graph', () => {
    let calls = 0
    let recorded = false
    decisionBoundarySvg(
      (a, b) => {
        calls++
        recorded ||= isGradEnabled()
        return new Value(a).add(b)
      },
      square,
      { resolution: 23 },
    )
    expect(calls).toBe(23 * 23)
    expect(recorded).toBe(false)
  })

  it('puts the border of a ±1 classifier where its score crosses 0', () => {
    const svg = decisionBoundarySvg((a) => a - 0.3, square, {
      bounds: squareBounds,
      resolution: 50,
    })
    const { left, width, minX, maxX } = regionGeometry(svg)
    expect(minX).toBeCloseTo(left + ((0.3 + 1) / 2) * width, 6)
    expect(maxX).toBeCloseTo(left + width, 6)
  })

  it('splits probabilities for 0/1 labels at 0.5', () => {
    const data = { X: square.X, y: [0, 0, 1, 1] }
    const sigmoid = (a: number) => 1 / (1 + Math.exp(-8 * (a + 0.2)))
    const svg = decisionBoundarySvg((a) => sigmoid(a), data, {
      bounds: squareBounds,
      resolution: 50,
    })
    const { left, width, minX } = regionGeometry(svg)
    expect(minX).toBeCloseTo(left + ((-0.2 + 1) / 2) * width, 6)
    const texts = elements(svg, 'text').map((text) => text.textContent)
    expect(texts).toContain('class 0')
  })

  it('colours each of several classes by the largest score', () => {
    const centres = [
      [0.6, 0],
      [-0.6, 0.5],
      [-0.6, -0.5],
    ]
    const data = { X: centres, y: [0, 1, 2] }
    const svg = decisionBoundarySvg(
      (a, b) => centres.map(([cx, cy]) => -((a - cx!) ** 2) - (b - cy!) ** 2),
      data,
      { bounds: squareBounds, resolution: 60, classNames: ['red', 'green', 'blue'] },
    )
    expect(withClass(svg, 'point')).toHaveLength(3)
    expect(withClass(svg, 'region').map((path) => path.getAttribute('data-class'))).toEqual([
      '1',
      '2',
    ])
    // Classes 1 and 2 are nearest on the left: their regions start at the plot's left edge and
    // end on the perpendicular bisector with class 0, which crosses y = 0 at x = 0.
    const { left, width, maxX } = regionGeometry(svg, 1)
    expect(maxX).toBeGreaterThan(left + width / 2)
    expect(regionGeometry(svg, 2).minX).toBeCloseTo(left, 6)
    expect(elements(svg, 'text').map((text) => text.textContent)).toContain('class green')
  })

  it('rejects bad datasets, predictions and options with clear errors', () => {
    const predict = (a: number) => a
    expect(() => decisionBoundarySvg(predict, { X: [], y: [] })).toThrow(InvalidInputError)
    expect(() => decisionBoundarySvg(predict, { X: [[0, Number.NaN]], y: [1] })).toThrow(
      NonFiniteDataError,
    )
    expect(() => decisionBoundarySvg(predict, { X: [[0, 1, 2]], y: [1] })).toThrow(/\[x0, x1\]/)
    expect(() => decisionBoundarySvg(predict, { X: [[0, 1]], y: [0.5] })).toThrow(/class label/)
    expect(() => decisionBoundarySvg(() => Number.NaN, square)).toThrow(/predict\(.*NaN/)
    let calls = 0
    const fickle = () => (calls++ % 2 === 0 ? [1, 2] : 1)
    expect(() => decisionBoundarySvg(fickle, square, { resolution: 4 })).toThrow(
      /same kind of output/,
    )
    expect(() => decisionBoundarySvg(predict, square, { resolution: 1 })).toThrow(
      InvalidOptionError,
    )
    expect(() => decisionBoundarySvg(predict, square, { resolutoin: 9 } as never)).toThrow(
      UnknownOptionError,
    )
    expect(() => decisionBoundarySvg(predict, square, { classNames: ['one'] })).toThrow(/2 strings/)
    expect(() => decisionBoundarySvg(predict, square, { bounds: { x: [1, -1] } })).toThrow(
      /min < max/,
    )
  })
})
