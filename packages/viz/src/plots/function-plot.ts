import { noGrad, type Value } from '@mg/engine'
import { scaleLinear } from 'd3-scale'
import { line } from 'd3-shape'
import { InvalidInputError } from '../errors.js'
import { formatShort } from '../format.js'
import {
  checkOptionNames,
  integerOption,
  numberOption,
  precisionOption,
  stringOption,
} from '../options.js'
import { OKABE_ITO } from '../theme.js'
import {
  bottomAxis,
  clipPath,
  type LegendItem,
  legendAwayFrom,
  makeFrame,
  openSvg,
  round,
  sideAxis,
} from './frame.js'
import { PLOT_OPTION_NAMES, type PlotOptions, readPlotOptions } from './plot-options.js'
import { evaluate, tangentAt } from './tangent.js'

/**
 * Options of {@link functionPlotSvg}, with the {@link PlotOptions} every plot takes. By default
 * the title is `f(x) and its tangents`, the x label `x` and the picture 640 × 420 pixels.
 */
export interface FunctionPlotOptions extends PlotOptions {
  /** Left end of the x range (default −5). */
  from?: number
  /** Right end of the x range (default 5). */
  to?: number
  /** Where to draw tangent lines, with slopes from `backward()`: one x or several. */
  at?: number | readonly number[]
  /** Points sampled along the curve (default 200). */
  samples?: number
  /** Decimals of the slopes and points in the legend (default 4, trailing zeros dropped). */
  precision?: number
  /** Label beside the vertical axis (default `f(x)`). */
  yLabel?: string
}

const OPTION_NAMES = ['from', 'to', 'at', 'samples', 'precision', 'yLabel', ...PLOT_OPTION_NAMES]
const CURVE_COLOR = OKABE_ITO.blue
const TANGENT_COLORS = [OKABE_ITO.vermillion, OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple]

/**
 * Plots `f` over `[from, to]` and, at each `at`, the tangent line whose slope the engine computes
 * with `backward()` — the lecture's f(x) = 3x² − 4x + 5 has slope 14 at x = 3 and 0 at x = 2/3.
 *
 * @example
 * ```ts
 * import { Value } from '@mg/engine'
 * import { functionPlotSvg } from '@mg/viz'
 * const f = (x: Value) => x.mul(x).mul(3).sub(x.mul(4)).add(5)
 * const svg = functionPlotSvg(f, { from: -5, to: 5, at: [3, 2 / 3] })
 * ```
 */
export function functionPlotSvg(f: (x: Value) => Value, options: FunctionPlotOptions = {}): string {
  const name = 'functionPlotSvg'
  checkOptionNames(name, options, OPTION_NAMES)
  if (typeof f !== 'function') {
    throw new InvalidInputError(name, 'f', f, 'a function of a Value, e.g. (x) => x.mul(x)')
  }
  const from = numberOption(name, 'from', options.from, { fallback: -5 })
  const to = numberOption(name, 'to', options.to, { fallback: 5 })
  if (from >= to)
    throw new InvalidInputError(name, 'to', to, `a number greater than from (${from})`)
  const samples = integerOption(name, 'samples', options.samples, {
    min: 2,
    max: 100_000,
    fallback: 200,
  })
  const precision = precisionOption(name, options.precision, 4)
  const yLabel = stringOption(name, 'yLabel', options.yLabel, 'f(x)')
  const { title, xLabel, width, height } = readPlotOptions(name, options, {
    title: 'f(x) and its tangents',
    xLabel: 'x',
    height: 420,
  })
  const points = [options.at ?? []].flat()
  for (const point of points) {
    if (typeof point !== 'number' || !Number.isFinite(point) || point < from || point > to) {
      throw new InvalidInputError(name, 'at', point, `a number from ${from} to ${to}`)
    }
  }

  const curve = noGrad(() =>
    Array.from({ length: samples }, (_, index) => {
      const x = from + ((to - from) * index) / (samples - 1)
      return { x, y: evaluate(name, f, x) }
    }),
  )
  const tangents = points.map((x) => tangentAt(name, f, x))
  const ys = [...curve, ...tangents].flatMap((point) => (point.y === undefined ? [] : [point.y]))
  if (ys.length === 0) {
    throw new InvalidInputError(name, 'f', f, `a function defined somewhere in [${from}, ${to}]`)
  }
  let low = Number.POSITIVE_INFINITY
  let high = Number.NEGATIVE_INFINITY
  for (const y of ys) {
    low = Math.min(low, y)
    high = Math.max(high, y)
  }
  if (low === high) [low, high] = [low - 1, high + 1]
  const pad = 0.06 * (high - low)

  const frame = makeFrame(width, height)
  const xScale = scaleLinear().domain([from, to]).range([frame.left, frame.right])
  const yScale = scaleLinear()
    .domain([low - pad, high + pad])
    .nice()
    .range([frame.bottom, frame.top])
  const path = line<{ x: number; y: number | undefined }>()
    .defined((point) => point.y !== undefined)
    .x((point) => round(xScale(point.x)))
    .y((point) => round(yScale(point.y ?? 0)))(curve)

  const halfWidth = (to - from) / 5
  const items: LegendItem[] = [{ label: 'f(x)', color: CURVE_COLOR, kind: 'line' }]
  const tangentMarks = tangents.flatMap((tangent, index) => {
    const color = TANGENT_COLORS[index % TANGENT_COLORS.length]!
    const slope = formatShort(tangent.slope, precision)
    items.push({
      label: `slope ${slope} at x = ${formatShort(tangent.x, precision)}`,
      color,
      kind: 'dashed',
    })
    const ends = [tangent.x - halfWidth, tangent.x + halfWidth].map((x) => [
      round(xScale(x)),
      round(yScale(tangent.y + tangent.slope * (x - tangent.x))),
    ])
    return [
      `<line class="tangent" data-x="${tangent.x}" data-slope="${tangent.slope}" x1="${ends[0]![0]}" y1="${ends[0]![1]}" x2="${ends[1]![0]}" y2="${ends[1]![1]}" stroke="${color}" stroke-width="2" stroke-dasharray="7 4"/>`,
      `<circle class="point" cx="${round(xScale(tangent.x))}" cy="${round(yScale(tangent.y))}" r="4.5" fill="${color}" stroke="#1A1A1A" stroke-width="0.8"/>`,
    ]
  })
  const drawnPoints = curve.flatMap((point): [number, number][] =>
    point.y === undefined ? [] : [[xScale(point.x), yScale(point.y)]],
  )
  for (const tangent of tangents) {
    for (let step = -10; step <= 10; step++) {
      const x = tangent.x + (halfWidth * step) / 10
      drawnPoints.push([xScale(x), yScale(tangent.y + tangent.slope * (x - tangent.x))])
    }
  }
  return [
    openSvg(frame, title),
    clipPath(frame, 'plot-area'),
    bottomAxis(frame, xScale, xLabel),
    sideAxis(frame, yScale, yLabel, 'left'),
    '<g clip-path="url(#plot-area)">',
    `<path class="series curve" d="${path}" fill="none" stroke="${CURVE_COLOR}" stroke-width="2.4"/>`,
    ...tangentMarks,
    '</g>',
    legendAwayFrom(frame, items, drawnPoints),
    '</svg>',
  ].join('\n')
}
