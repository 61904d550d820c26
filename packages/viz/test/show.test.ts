import { Value } from '@mg/engine'
import { describe, expect, it } from 'vitest'
import {
  decisionBoundarySvg,
  drawDot,
  functionPlotSvg,
  GraphTooLargeError,
  InvalidInputError,
  renderSvg,
  type SvgPicture,
  show,
  UnknownOptionError,
} from '../src/index.js'
import { microgradNeuron } from './support/neuron.js'
import { elements } from './support/svg.js'

/** What Deno's Jupyter kernel does with a cell's value: call its `Jupyter.display` method. */
function jupyterBundle(picture: SvgPicture): Record<string, string> {
  const display = (picture as unknown as Record<symbol, () => Record<string, string>>)[
    Symbol.for('Jupyter.display')
  ]
  if (typeof display !== 'function') throw new Error('no Jupyter.display method')
  return display.call(picture)
}

const parabola = (x: Value) => x.mul(x).mul(3).sub(x.mul(4)).add(5)

describe('show', () => {
  it('gives a notebook the SVG as image/svg+xml, and anyone else the text', () => {
    const svg = functionPlotSvg(parabola, { at: 3 })
    const picture = show(svg)
    expect(picture.svg).toBe(svg)
    expect(String(picture)).toBe(svg)
    const bundle = jupyterBundle(picture)
    expect(Object.keys(bundle).sort()).toEqual(['image/svg+xml', 'text/plain'])
    expect(elements(bundle['image/svg+xml']!, 'path').length).toBeGreaterThan(0)
  })

  it('gives each picture ids of its own, so plots on one page keep their own clip paths', () => {
    const plot = jupyterBundle(show(functionPlotSvg(parabola)))['image/svg+xml']!
    const regions = jupyterBundle(
      show(
        decisionBoundarySvg((a) => a, {
          X: [
            [0, 0],
            [1, 1],
          ],
          y: [0, 1],
        }),
      ),
    )['image/svg+xml']!
    const ids = (svg: string) => elements(svg, '*').flatMap((node) => node.getAttribute('id') ?? [])
    const references = (svg: string) => Array.from(svg.matchAll(/url\(#([^)]+)\)/g), (m) => m[1])
    for (const svg of [plot, regions]) {
      expect(references(svg).length).toBeGreaterThan(0)
      for (const reference of references(svg)) expect(ids(svg)).toContain(reference)
    }
    expect(ids(plot).filter((id) => ids(regions).includes(id))).toEqual([])
  })

  it('refuses what is not SVG, and says to await a Promise', async () => {
    expect(() => show('digraph { a -> b }')).toThrow(InvalidInputError)
    expect(() => show(42 as unknown as string)).toThrow(/show: svg/)
    const pending = renderSvg('digraph { a -> b }')
    expect(() => show(pending as unknown as string)).toThrow(/await renderSvg/)
    await pending
  })
})

describe('drawDot', () => {
  it('draws the neuron with every value’s data and grad, ready to show', async () => {
    const picture = await drawDot(microgradNeuron().o)
    const texts = elements(picture.svg, 'text').map((text) => text.textContent)
    for (const expected of ['o', 'data 0.7071', 'grad 1.0000', 'x1', 'grad -1.5000', 'tanh'])
      expect(texts).toContain(expected)
    expect(jupyterBundle(picture)['image/svg+xml']).toContain('data 0.7071')
  })

  it('gives a notebook the <svg> element without Graphviz’s XML declaration, which nbconvert refuses', async () => {
    const picture = await drawDot(microgradNeuron().o)
    expect(picture.svg).toMatch(/^<\?xml /)
    expect(jupyterBundle(picture)['image/svg+xml']).toMatch(/^<svg[\s>]/)
  })

  it('takes graphToDot’s options and names itself in errors', async () => {
    const x = new Value(3, { label: 'x' })
    const y = x.mul(x)
    const picture = await drawDot(y, { showGrad: false, rankdir: 'TB' })
    expect(picture.svg).not.toContain('grad')
    await expect(drawDot(y, { colapse: 'ops' } as never)).rejects.toThrow(UnknownOptionError)
    await expect(drawDot(y, { colapse: 'ops' } as never)).rejects.toThrow(/^drawDot/)
    await expect(drawDot('y' as never)).rejects.toThrow(InvalidInputError)
    await expect(drawDot(y, { maxNodes: 1 })).rejects.toThrow(GraphTooLargeError)
  })
})
