import { InvalidInputError, NonFiniteDataError } from '../errors.js'
import { escapeXml } from '../format.js'
import {
  booleanOption,
  checkNonEmptyList,
  checkOptionNames,
  choiceOption,
  integerOption,
  rangeOption,
  stringOption,
} from '../options.js'
import { OKABE_ITO, tint } from '../theme.js'
import { openSvg, round } from './frame.js'

/** Options of {@link imageGridSvg}. */
export interface ImageGridOptions {
  /** `[rows, columns]` of every image; default the square its length allows (64 pixels → 8 × 8). */
  shape?: readonly [rows: number, columns: number]
  /**
   * `'ink'` (default) draws the lowest value white and the highest black, as digits are written;
   * `'diverging'` draws 0 white, negative values blue and positive ones vermillion, as gradients
   * and saliency maps need.
   */
  colors?: 'ink' | 'diverging'
  /**
   * The values that get the palest and the strongest colour: `[min, max]`, default the smallest
   * and largest value of all images (for `'diverging'`, ± the largest magnitude).
   */
  range?: readonly [number, number]
  /** One line of text under each image, e.g. `'7 → 7'` for a label and its prediction. */
  captions?: readonly string[]
  /** Images to frame and caption in vermillion, e.g. the ones predicted wrong. */
  highlight?: readonly boolean[]
  /** Images per row, 1 to 100; default 10 (or fewer, when there are fewer images). */
  columns?: number
  /** Side of one image pixel in SVG pixels, 1 to 64; default 6. */
  pixelSize?: number
  /** Heading above the grid and the picture's accessible name; default `'Images'`. */
  title?: string
  /** Draw a thin frame around each image (default `true`), so blank borders still show. */
  frame?: boolean
}

const OPTION_NAMES = [
  'shape',
  'colors',
  'range',
  'captions',
  'highlight',
  'columns',
  'pixelSize',
  'title',
  'frame',
] as const
const TOP = 48
const MARGIN = 16
const GAP = 12
const CAPTION_HEIGHT = 18
const TEXT = '#222222'

/**
 * Draws small images side by side, each from a flat row-major list of pixel values (a row of a
 * dataset such as `@mg/datasets/digits`), with an optional caption under each and chosen ones
 * framed in vermillion. `'ink'` colours suit images, `'diverging'` colours suit signed maps such as
 * the gradient of a prediction with respect to each input pixel (a saliency map).
 *
 * @throws {@link InvalidInputError} for an empty list, an image of the wrong length, `captions` or
 * `highlight` of the wrong length, or a bad option; {@link NonFiniteDataError} for NaN or ±Infinity.
 * @example
 * ```ts
 * import { loadDigits } from '@mg/datasets/digits'
 * import { imageGridSvg } from '@mg/viz'
 * const { X, y } = loadDigits()
 * const svg = imageGridSvg(X.slice(0, 20), {
 *   captions: y.slice(0, 20).map(String),
 *   title: 'The first 20 digits',
 * })
 * ```
 */
export function imageGridSvg(
  images: readonly (readonly number[])[],
  options: ImageGridOptions = {},
): string {
  const name = 'imageGridSvg'
  checkOptionNames(name, options, OPTION_NAMES)
  checkNonEmptyList(name, 'images', images, 'a non-empty list of images')
  const [rows, columns] = readShape(name, options.shape, images[0])
  const length = rows * columns
  let lowest = Number.POSITIVE_INFINITY
  let highest = Number.NEGATIVE_INFINITY
  images.forEach((image, index) => {
    if (!Array.isArray(image) || image.length !== length)
      throw new InvalidInputError(
        name,
        `images[${index}]`,
        image,
        `a list of ${length} pixel values (${rows} × ${columns}, row by row), as images[0]`,
      )
    image.forEach((value, pixel) => {
      if (typeof value !== 'number')
        throw new InvalidInputError(name, `images[${index}][${pixel}]`, value, 'a number')
      if (!Number.isFinite(value))
        throw new NonFiniteDataError(
          name,
          `images[${index}][${pixel}]`,
          value,
          'Every pixel must be finite.',
        )
      lowest = Math.min(lowest, value)
      highest = Math.max(highest, value)
    })
  })
  const colors = choiceOption(name, 'colors', options.colors, ['ink', 'diverging'], 'ink')
  const largest = Math.max(Math.abs(lowest), Math.abs(highest))
  const [from, to] =
    rangeOption(name, 'range', options.range) ??
    (colors === 'ink' ? [lowest, highest] : [-largest, largest])
  const captions = readList(name, 'captions', options.captions, images.length, 'string')
  const highlight = readList(name, 'highlight', options.highlight, images.length, 'boolean')
  const perRow = integerOption(name, 'columns', options.columns, {
    min: 1,
    max: 100,
    fallback: Math.min(10, images.length),
  })
  const pixelSize = integerOption(name, 'pixelSize', options.pixelSize, {
    min: 1,
    max: 64,
    fallback: 6,
  })
  const title = stringOption(name, 'title', options.title, 'Images')
  const framed = booleanOption(name, 'frame', options.frame, true)

  const imageWidth = columns * pixelSize
  const imageHeight = rows * pixelSize
  const captionHeight = captions ? CAPTION_HEIGHT : 0
  const cellWidth = imageWidth + GAP
  const cellHeight = imageHeight + captionHeight + GAP
  const gridRows = Math.ceil(images.length / perRow)
  const gridWidth = Math.min(perRow, images.length) * cellWidth - GAP
  const width = Math.max(gridWidth + 2 * MARGIN, Math.round(title.length * 9.5) + 2 * MARGIN, 200)
  const height = TOP + gridRows * cellHeight - GAP + MARGIN
  const left = (width - gridWidth) / 2
  const color = colors === 'ink' ? inkColor(from, to) : divergingColor(from, to)

  const parts = [openSvg({ width, height, left: 0, right: width, top: TOP, bottom: height }, title)]
  images.forEach((image, index) => {
    const x = round(left + (index % perRow) * cellWidth)
    const y = round(TOP + Math.floor(index / perRow) * cellHeight)
    const marked = highlight?.[index] === true
    parts.push(`<g class="image${marked ? ' highlighted' : ''}" shape-rendering="crispEdges">`)
    image.forEach((value: number, pixel: number) => {
      const fill = color(value)
      if (fill === undefined) return
      const px = x + (pixel % columns) * pixelSize
      const py = y + Math.floor(pixel / columns) * pixelSize
      parts.push(
        `<rect x="${px}" y="${py}" width="${pixelSize}" height="${pixelSize}" fill="${fill}"/>`,
      )
    })
    if (framed || marked) {
      const stroke = marked ? OKABE_ITO.vermillion : '#BBBBBB'
      const strokeWidth = marked ? 2 : 1
      const inset = strokeWidth / 2
      parts.push(
        `<rect class="image-frame" x="${x - inset}" y="${y - inset}" width="${imageWidth + strokeWidth}" height="${imageHeight + strokeWidth}" fill="none" stroke="${stroke}" stroke-width="${strokeWidth}"/>`,
      )
    }
    parts.push('</g>')
    const caption = captions?.[index]
    if (caption !== undefined) {
      const fill = marked ? OKABE_ITO.vermillion : TEXT
      const weight = marked ? ' font-weight="bold"' : ''
      parts.push(
        `<text class="caption" x="${round(x + imageWidth / 2)}" y="${y + imageHeight + 14}" text-anchor="middle" font-size="12" fill="${fill}"${weight}>${escapeXml(caption)}</text>`,
      )
    }
  })
  parts.push('</svg>')
  return parts.join('\n')
}

/** The images' `[rows, columns]`: the option, checked, or the square of the first image's length. */
function readShape(name: string, shape: unknown, first: unknown): [number, number] {
  if (shape === undefined) {
    const length = Array.isArray(first) ? first.length : 0
    const side = Math.round(Math.sqrt(length))
    if (length === 0 || side * side !== length)
      throw new InvalidInputError(
        name,
        'shape',
        shape,
        `[rows, columns], since images[0] has ${length} pixels, not a square number`,
      )
    return [side, side]
  }
  if (
    !Array.isArray(shape) ||
    shape.length !== 2 ||
    !shape.every((side) => Number.isInteger(side) && side >= 1 && side <= 1000)
  )
    throw new InvalidInputError(name, 'shape', shape, '[rows, columns] of whole numbers from 1')
  return [shape[0], shape[1]]
}

/** An optional list with one entry of type `kind` per image. */
function readList<T extends 'string' | 'boolean'>(
  name: string,
  option: string,
  list: unknown,
  count: number,
  kind: T,
): (T extends 'string' ? string : boolean)[] | undefined {
  if (list === undefined) return undefined
  if (
    !Array.isArray(list) ||
    list.length !== count ||
    !list.every((entry) => typeof entry === kind)
  )
    throw new InvalidInputError(name, option, list, `a list of ${count} ${kind}s, one per image`)
  return list
}

/** White at `from`, black at `to`, nothing drawn at or below `from` (the background is white). */
function inkColor(from: number, to: number): (value: number) => string | undefined {
  const span = to > from ? to - from : 1
  return (value) => {
    const level = Math.min(1, Math.max(0, (value - from) / span))
    if (level === 0) return undefined
    const channel = Math.round(255 * (1 - level))
      .toString(16)
      .padStart(2, '0')
    return `#${channel}${channel}${channel}`
  }
}

/** Blue below 0, vermillion above, white at 0; full colour at the range's larger end. */
function divergingColor(from: number, to: number): (value: number) => string | undefined {
  const span = Math.max(Math.abs(from), Math.abs(to)) || 1
  return (value) => {
    const level = Math.min(1, Math.abs(value) / span)
    if (level === 0) return undefined
    return tint(value < 0 ? OKABE_ITO.blue : OKABE_ITO.vermillion, 1 - level)
  }
}
