import { scaleLinear } from 'd3-scale'
import { InvalidInputError } from '../errors.js'
import {
  checkOptionNames,
  integerOption,
  numberOption,
  rangeOption,
  stringOption,
} from '../options.js'
import { SERIES_COLORS, tint } from '../theme.js'
import { type Dataset2d, type LabelScheme, readDataset } from './dataset.js'
import {
  bottomAxis,
  clipPath,
  type LegendItem,
  legend,
  makeFrame,
  openSvg,
  sideAxis,
} from './frame.js'
import { marker } from './markers.js'
import { type Bounds, evaluateMesh, type Mesh, type Predict } from './mesh.js'
import { PLOT_OPTION_NAMES, type PlotOptions, readPlotOptions } from './plot-options.js'
import { regionPaths } from './regions.js'

/**
 * Options of {@link decisionBoundarySvg}, with the {@link PlotOptions} every plot takes. By
 * default the title is `Decision boundary`, the x label `x[0]` and the picture 640 × 480 pixels.
 */
export interface DecisionBoundaryOptions extends PlotOptions {
  /** Mesh cells per side (default 100); the classifier runs resolution² times. */
  resolution?: number
  /** The region to draw; by default the data's extent plus a margin. */
  bounds?: {
    /** Range `[min, max]` of `x0` (default: the data's, plus max(0.5, 15% of it) per side). */
    x?: readonly [number, number]
    /** Range `[min, max]` of `x1` (default: the data's, plus max(0.5, 15% of it) per side). */
    y?: readonly [number, number]
  }
  /**
   * Score at which a single-output classifier switches class. Default: 0 for ±1 labels and for
   * logits, 0.5 for 0/1 labels when every score lies in [0, 1] (probabilities).
   */
  threshold?: number
  /** Legend names of the classes, in class order (default `−1`/`+1`, `0`/`1`, or `0` … `K−1`). */
  classNames?: readonly string[]
  /** Label beside the vertical axis (default `x[1]`). */
  yLabel?: string
}

const OPTION_NAMES = [
  'resolution',
  'bounds',
  'threshold',
  'classNames',
  'yLabel',
  ...PLOT_OPTION_NAMES,
]
const LEGEND_WIDTH = 132

/**
 * Draws a classifier's regions over the plane with the data on top, like micrograd's moons
 * picture. `predict` is called on a mesh inside `noGrad` (no graph is recorded); it may return a
 * ±1 score, a probability, or one score per class (the largest wins).
 *
 * @example
 * ```ts
 * import { makeMoons } from '@mg/datasets'
 * import { MLP } from '@mg/nn'
 * import { decisionBoundarySvg } from '@mg/viz'
 * const moons = makeMoons({ nSamples: 100, noise: 0.1, seed: 1 })
 * const model = new MLP(2, [16, 16, 1], { seed: 1337 }) // trained on moons
 * const svg = decisionBoundarySvg((a, b) => model.forward([a, b])[0]!, moons)
 * ```
 */
export function decisionBoundarySvg(
  predict: Predict,
  dataset: Dataset2d,
  options: DecisionBoundaryOptions = {},
): string {
  const name = 'decisionBoundarySvg'
  checkOptionNames(name, options, OPTION_NAMES)
  if (typeof predict !== 'function') {
    throw new InvalidInputError(name, 'predict', predict, 'a function (x0, x1) => score')
  }
  const scheme = readDataset(name, dataset)
  const resolution = integerOption(name, 'resolution', options.resolution, {
    min: 2,
    max: 1000,
    fallback: 100,
  })
  const yLabel = stringOption(name, 'yLabel', options.yLabel, 'x[1]')
  const { title, xLabel, width, height } = readPlotOptions(name, options, {
    title: 'Decision boundary',
    xLabel: 'x[0]',
    height: 480,
  })
  checkOptionNames(name, options.bounds, ['x', 'y'])
  const bounds: Bounds = {
    x: rangeOption(name, 'bounds.x', options.bounds?.x) ?? padded(dataset.X.map((row) => row[0]!)),
    y: rangeOption(name, 'bounds.y', options.bounds?.y) ?? padded(dataset.X.map((row) => row[1]!)),
  }
  const mesh = evaluateMesh(name, predict, bounds, resolution)
  const threshold = numberOption(name, 'threshold', options.threshold, {
    fallback: defaultThreshold(scheme, mesh),
  })
  const classNames = readClassNames(name, options.classNames, scheme)

  const frame = makeFrame(width, height, LEGEND_WIDTH)
  const xScale = scaleLinear().domain(bounds.x).range([frame.left, frame.right])
  const yScale = scaleLinear().domain(bounds.y).range([frame.bottom, frame.top])
  const classCount = Math.max(
    scheme.classes.length,
    mesh.kind === 'classes' ? mesh.margins.length : 2,
  )
  const colors = Array.from(
    { length: classCount },
    (_, index) => SERIES_COLORS[index % SERIES_COLORS.length]!,
  )
  const regions = regionPaths(mesh, resolution, threshold, xScale, yScale, bounds)

  const parts = [
    openSvg(frame, title),
    clipPath(frame, 'plot-area'),
    `<g class="regions" clip-path="url(#plot-area)">`,
    `<rect x="${frame.left}" y="${frame.top}" width="${frame.right - frame.left}" height="${frame.bottom - frame.top}" fill="${tint(colors[0]!, 0.78)}"/>`,
    ...regions.map(
      ({ classIndex, path }) =>
        `<path class="region" data-class="${classIndex}" d="${path}" fill="${tint(colors[classIndex]!, 0.78)}" fill-rule="evenodd"/>`,
    ),
    '</g>',
    bottomAxis(frame, xScale, xLabel),
    sideAxis(frame, yScale, yLabel, 'left'),
    '<g class="points">',
    ...dataset.X.map((row, index) => {
      const classIndex = scheme.classes.indexOf(dataset.y[index]!)
      return marker(classIndex, xScale(row[0]!), yScale(row[1]!), colors[classIndex]!)
    }),
    '</g>',
    legend(legendItems(classNames, colors), frame.right + 12, frame.top),
    '</svg>',
  ]
  return parts.join('\n')
}

function defaultThreshold(scheme: LabelScheme, mesh: Mesh): number {
  if (scheme.kind !== 'binary' || mesh.kind !== 'scores') return 0
  return mesh.values.every((score) => score >= 0 && score <= 1) ? 0.5 : 0
}

function readClassNames(name: string, value: unknown, scheme: LabelScheme): readonly string[] {
  const fallback = scheme.classes.map((label) =>
    scheme.kind === 'signs' ? (label > 0 ? '+1' : '−1') : String(label),
  )
  if (value === undefined) return fallback
  if (
    !Array.isArray(value) ||
    value.length !== scheme.classes.length ||
    !value.every((entry) => typeof entry === 'string')
  ) {
    throw new InvalidInputError(
      name,
      'classNames',
      value,
      `${scheme.classes.length} strings, one per class (${fallback.join(', ')})`,
    )
  }
  return value
}

function legendItems(classNames: readonly string[], colors: readonly string[]): LegendItem[] {
  const items: LegendItem[] = classNames.map((label, index) => ({
    label: `class ${label}`,
    color: colors[index]!,
    kind: 'marker',
    marker: marker(index, 0, 0, colors[index]!, 4.5, 'legend-marker'),
  }))
  for (const [index, label] of classNames.entries()) {
    items.push({ label: `predicted ${label}`, color: tint(colors[index]!, 0.78), kind: 'swatch' })
  }
  return items
}

/** The extent of `values` widened by 15% of its span on each side (at least 0.5). */
function padded(values: readonly number[]): readonly [number, number] {
  let low = Number.POSITIVE_INFINITY
  let high = Number.NEGATIVE_INFINITY
  for (const value of values) {
    low = Math.min(low, value)
    high = Math.max(high, value)
  }
  const margin = Math.max(0.5, 0.15 * (high - low))
  return [low - margin, high + margin]
}
