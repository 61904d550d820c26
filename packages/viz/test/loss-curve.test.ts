import { describe, expect, it } from 'vitest'
import { InvalidInputError, lossCurveSvg, UnknownOptionError } from '../src/index.js'
import { elements, pathVertices, withClass } from './support/svg.js'

const history = Array.from({ length: 60 }, (_, step) => ({
  step,
  loss: 2 * Math.exp(-step / 12) + 0.05 * Math.sin(step),
  accuracy: Math.min(1, 0.5 + step / 80),
}))

function series(svg: string, name: string) {
  const path = withClass(svg, name).find((element) => element.tagName === 'path')!
  return pathVertices(path.getAttribute('d')!)
}

describe('lossCurveSvg', () => {
  const svg = lossCurveSvg(history, { title: 'Moons' })

  it('draws one vertex per step for loss and accuracy, with titled axes and a legend', () => {
    expect(series(svg, 'loss')).toHaveLength(60)
    expect(series(svg, 'accuracy')).toHaveLength(60)
    const texts = elements(svg, 'text').map((text) => text.textContent)
    for (const expected of ['Moons', 'step', 'loss', 'accuracy', '0%', '100%', '50'])
      expect(texts).toContain(expected)
    expect(withClass(svg, 'legend')).toHaveLength(1)
  })

  it('places higher losses higher up and later steps further right', () => {
    const vertices = series(svg, 'loss')
    for (let i = 1; i < vertices.length; i++) {
      expect(vertices[i]![0]).toBeGreaterThan(vertices[i - 1]![0])
      const lossRises = history[i]!.loss > history[i - 1]!.loss
      expect(vertices[i]![1] < vertices[i - 1]![1]).toBe(lossRises)
    }
  })

  it('reads @mg/nn’s { steps } history and leaves out accuracy when it was not recorded', () => {
    expect(lossCurveSvg({ steps: history }, { title: 'Moons' })).toBe(svg)
    const lossOnly = lossCurveSvg(history.map(({ step, loss }) => ({ step, loss })))
    expect(withClass(lossOnly, 'accuracy')).toHaveLength(0)
    expect(elements(lossOnly, 'text').map((text) => text.textContent)).not.toContain('accuracy')
  })

  it('draws a single step as a point', () => {
    const one = lossCurveSvg([{ step: 5, loss: 0.7 }])
    expect(withClass(one, 'point')).toHaveLength(1)
  })

  it('names the entry holding NaN, and rejects other bad histories', () => {
    const broken = history.map((entry, index) =>
      index === 7 ? { ...entry, loss: Number.NaN } : entry,
    )
    expect(() => lossCurveSvg(broken)).toThrow(
      expect.objectContaining({
        name: 'NonFiniteDataError',
        location: 'history[7].loss',
        message: expect.stringMatching(/lower the learning rate/),
      }),
    )
    expect(() => lossCurveSvg([])).toThrow(InvalidInputError)
    expect(() => lossCurveSvg({ steps: [] })).toThrow(/non-empty list/)
    expect(() => lossCurveSvg([{ step: 0, loss: 1, accuracy: 95 }])).toThrow(/fraction from 0 to 1/)
    expect(() =>
      lossCurveSvg([
        { step: 1, loss: 1 },
        { step: 1, loss: 0.5 },
      ]),
    ).toThrow(/steps must increase/)
    expect(() => lossCurveSvg(history, { colour: 'red' } as never)).toThrow(UnknownOptionError)
  })
})
