import { Resvg } from '@resvg/resvg-js'
import { describe, expect, it } from 'vitest'
import { graphToDot, InvalidInputError, InvalidOptionError, renderSvg } from '../src/index.js'
import { renderPng } from '../src/png.js'
import { microgradNeuron } from './support/neuron.js'
import { darkPixels, decodePng } from './support/pixels.js'

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

function textSvg(family: string) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60"><rect width="240" height="60" fill="white"/><text x="10" y="42" font-family="${family}" font-size="32">data 2.0</text></svg>`
}

describe('renderPng', () => {
  it('writes a PNG scaled from the SVG size', () => {
    const png = renderPng(textSvg('DejaVu Sans'), { scale: 1.5 })
    expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE)
    const { width, height } = decodePng(png)
    expect([width, height]).toEqual([360, 90])
  })

  it('shows text with its bundled fonts where resvg alone finds none', () => {
    const svg = textSvg('DejaVu Sans')
    const withoutFonts = new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels
    expect(darkPixels(withoutFonts)).toBe(0)
    const { pixels } = decodePng(renderPng(svg, { scale: 1 }))
    expect(darkPixels(pixels)).toBeGreaterThan(500)
  })

  it('maps the families Graphviz and browsers name (Times, sans-serif) to the bundled font', () => {
    for (const family of ['Times', 'sans-serif', 'Helvetica, Arial, sans-serif', 'monospace']) {
      const { pixels } = decodePng(renderPng(textSvg(family), { scale: 1 }))
      expect(darkPixels(pixels)).toBeGreaterThan(500)
    }
  })

  it('renders the text of a Graphviz picture, not just its boxes', async () => {
    const svg = await renderSvg(graphToDot(microgradNeuron().o))
    const withText = decodePng(renderPng(svg, { scale: 1 }))
    const boxesOnly = decodePng(
      renderPng(svg.replace(/<text[^>]*>[^<]*<\/text>/g, ''), { scale: 1 }),
    )
    // Ten records' labels and numbers add thousands of dark pixels to the outlines.
    expect(darkPixels(withText.pixels) - darkPixels(boxesOnly.pixels)).toBeGreaterThan(5000)
  })

  it('rejects bad input and options with clear errors', () => {
    expect(() => renderPng('not svg')).toThrow(InvalidInputError)
    expect(() => renderPng('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>')).toThrow(
      /well-formed SVG/,
    )
    expect(() => renderPng(textSvg('x'), { scale: 0 })).toThrow(InvalidOptionError)
    expect(() => renderPng(textSvg('x'), { scale: 11 })).toThrow(/at most 10/)
    expect(() => renderPng(textSvg('x'), { zoom: 2 } as never)).toThrow(/unknown option "zoom"/)
  })
})
