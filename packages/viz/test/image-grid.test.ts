import { describe, expect, it } from 'vitest'
import { InvalidInputError, imageGridSvg, NonFiniteDataError } from '../src/index.js'
import { elements, withClass } from './support/svg.js'

/** A 2 × 3 image whose pixels are 0 … 5, row by row, plus `offset`. */
const image = (offset = 0) => [0, 1, 2, 3, 4, 5].map((value) => value + offset)

describe('imageGridSvg', () => {
  it('draws each image as a block of pixels, row by row, white at the lowest value', () => {
    const svg = imageGridSvg([image()], { shape: [2, 3], pixelSize: 10, frame: false })
    const rects = elements(svg, 'g', 'image')[0]!.getElementsByTagName('rect')
    // Pixel 0 holds the lowest value: left white (not drawn); the others get darker in order.
    expect(rects).toHaveLength(5)
    const positions = Array.from(rects, (rect) => [
      Number(rect.getAttribute('x')),
      Number(rect.getAttribute('y')),
    ])
    const [x0, y0] = positions[0] as [number, number]
    expect(positions).toEqual([
      [x0, y0],
      [x0 + 10, y0],
      [x0 - 10, y0 + 10],
      [x0, y0 + 10],
      [x0 + 10, y0 + 10],
    ])
    const fills = Array.from(rects, (rect) => rect.getAttribute('fill'))
    expect(fills.at(-1)).toBe('#000000')
    const levels = fills.map((fill) => Number.parseInt(fill!.slice(1, 3), 16))
    expect(levels).toEqual([...levels].sort((a, b) => b - a))
  })

  it('lays images out in rows of `columns`, with captions and highlighted ones', () => {
    const images = Array.from({ length: 7 }, (_, index) => image(index))
    const svg = imageGridSvg(images, {
      shape: [2, 3],
      columns: 3,
      captions: images.map((_, index) => `#${index}`),
      highlight: images.map((_, index) => index === 4),
      title: 'Seven',
    })
    const groups = elements(svg, 'g', 'image')
    expect(groups).toHaveLength(7)
    const captionY = withClass(svg, 'caption').map((text) => text.getAttribute('y'))
    expect(new Set(captionY).size).toBe(3)
    expect(withClass(svg, 'highlighted')).toHaveLength(1)
    const captions = withClass(svg, 'caption').map((text) => text.textContent)
    expect(captions).toEqual(['#0', '#1', '#2', '#3', '#4', '#5', '#6'])
    expect(elements(svg, 'title')[0]!.textContent).toBe('Seven')
  })

  it('takes the square shape of 64 pixels as 8 × 8', () => {
    const svg = imageGridSvg([Array.from({ length: 64 }, (_, pixel) => pixel)], { pixelSize: 5 })
    const frame = withClass(svg, 'image-frame')[0]!
    expect(Number(frame.getAttribute('width'))).toBe(8 * 5 + 1)
    expect(Number(frame.getAttribute('height'))).toBe(8 * 5 + 1)
  })

  it('draws signed maps in diverging colours: blue below 0, vermillion above, 0 left white', () => {
    const svg = imageGridSvg([[-2, 0, 1, 2]], { colors: 'diverging', frame: false })
    const fills = elements(svg, 'rect')
      .slice(1)
      .map((rect) => rect.getAttribute('fill'))
    expect(fills).toEqual(['#0072b2', '#eaaf80', '#d55e00'])
  })

  it('rejects what it cannot draw', () => {
    expect(() => imageGridSvg([])).toThrow(InvalidInputError)
    expect(() => imageGridSvg([[1, 2, 3]])).toThrow(/shape: expected \[rows, columns\]/)
    expect(() => imageGridSvg([image(), [1, 2]], { shape: [2, 3] })).toThrow(/images\[1\]/)
    expect(() => imageGridSvg([[0, 1, Number.NaN, 2]])).toThrow(NonFiniteDataError)
    expect(() => imageGridSvg([image()], { shape: [2, 3], captions: ['a', 'b'] })).toThrow(
      /captions: expected a list of 1 strings/,
    )
    expect(() => imageGridSvg([image()], { shape: [2, 3], colours: 'ink' } as never)).toThrow(
      /unknown option "colours"/,
    )
  })
})
