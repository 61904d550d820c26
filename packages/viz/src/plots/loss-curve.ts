import { scaleLinear } from 'd3-scale'
import { line } from 'd3-shape'
import { InvalidInputError, NonFiniteDataError } from '../errors.js'
import { checkOptionNames } from '../options.js'
import { OKABE_ITO } from '../theme.js'
import {
  bottomAxis,
  type LegendItem,
  legendAwayFrom,
  makeFrame,
  openSvg,
  round,
  sideAxis,
} from './frame.js'
import { PLOT_OPTION_NAMES, type PlotOptions, readPlotOptions } from './plot-options.js'

/** One record of training: `@mg/nn`'s `StepRecord` fits. */
export interface HistoryEntry {
  /** The step number, like `StepRecord.step`; it must increase from one entry to the next. */
  readonly step: number
  /** The loss at that step, like `StepRecord.loss`, drawn on the left axis; it must be finite. */
  readonly loss: number
  /** Fraction correct in [0, 1], if measured. */
  readonly accuracy?: number
}

/** A training history: a list of records, or `@mg/nn`'s `TrainingHistory` (`{ steps }`). */
export type History =
  | readonly HistoryEntry[]
  | {
      /** The records in step order, like `TrainingHistory.steps`; at least one is required. */
      readonly steps: readonly HistoryEntry[]
    }

/**
 * Options of {@link lossCurveSvg}: the {@link PlotOptions} every plot takes. By default the title
 * is `Training`, the x label `step` and the picture 640 × 400 pixels.
 */
export interface LossCurveOptions extends PlotOptions {}

const LOSS_COLOR = OKABE_ITO.blue
const ACCURACY_COLOR = OKABE_ITO.vermillion

/**
 * Plots loss per step (left axis) and, when the history has it, accuracy (right axis, dashed).
 *
 * @throws {@link NonFiniteDataError} naming the entry when a loss or accuracy is NaN or infinite.
 * @example
 * ```ts
 * import { makeMoons } from '@mg/datasets'
 * import { MLP, SGD, train } from '@mg/nn'
 * import { lossCurveSvg } from '@mg/viz'
 * const model = new MLP(2, [16, 16, 1], { seed: 1337 })
 * const optimizer = new SGD(model.parameters(), { learningRate: 0.1 })
 * const history = train(model, makeMoons({ seed: 1 }), { loss: 'hinge', optimizer, steps: 100 })
 * const svg = lossCurveSvg(history)
 * ```
 */
export function lossCurveSvg(history: History, options: LossCurveOptions = {}): string {
  const name = 'lossCurveSvg'
  checkOptionNames(name, options, PLOT_OPTION_NAMES)
  const { title, xLabel, width, height } = readPlotOptions(name, options, {
    title: 'Training',
    xLabel: 'step',
    height: 400,
  })
  const entries = readHistory(name, history)
  const hasAccuracy = entries.some((entry) => entry.accuracy !== undefined)
  const frame = makeFrame(width, height, hasAccuracy ? 40 : 0)

  const first = entries[0]!.step
  const last = entries.at(-1)!.step
  const xScale = scaleLinear()
    .domain(first === last ? [first - 1, last + 1] : [first, last])
    .range([frame.left, frame.right])
  let lowest = 0
  let highest = Number.NEGATIVE_INFINITY
  for (const entry of entries) {
    lowest = Math.min(lowest, entry.loss)
    highest = Math.max(highest, entry.loss)
  }
  const lossScale = scaleLinear()
    .domain([lowest, highest > lowest ? highest : lowest + 1])
    .nice()
    .range([frame.bottom, frame.top])
  const accuracyScale = scaleLinear().domain([0, 1]).range([frame.bottom, frame.top])

  const lossPath = line<HistoryEntry>()
    .x((entry) => round(xScale(entry.step)))
    .y((entry) => round(lossScale(entry.loss)))(entries)
  const accuracyPath = line<HistoryEntry>()
    .defined((entry) => entry.accuracy !== undefined)
    .x((entry) => round(xScale(entry.step)))
    .y((entry) => round(accuracyScale(entry.accuracy ?? 0)))(entries)

  const items: LegendItem[] = [{ label: 'loss', color: LOSS_COLOR, kind: 'line' }]
  if (hasAccuracy) items.push({ label: 'accuracy', color: ACCURACY_COLOR, kind: 'dashed' })
  const drawnPoints = entries.flatMap((entry): [number, number][] => {
    const x = xScale(entry.step)
    const points: [number, number][] = [[x, lossScale(entry.loss)]]
    if (entry.accuracy !== undefined) points.push([x, accuracyScale(entry.accuracy)])
    return points
  })
  const dots =
    entries.length <= 40
      ? entries.map(
          (entry) =>
            `<circle class="point" cx="${round(xScale(entry.step))}" cy="${round(lossScale(entry.loss))}" r="3" fill="${LOSS_COLOR}"/>`,
        )
      : []
  return [
    openSvg(frame, title),
    bottomAxis(frame, xScale, xLabel),
    sideAxis(frame, lossScale, 'loss', 'left'),
    hasAccuracy ? sideAxis(frame, accuracyScale, 'accuracy', 'right', percent, false) : '',
    hasAccuracy
      ? `<path class="series accuracy" d="${accuracyPath}" fill="none" stroke="${ACCURACY_COLOR}" stroke-width="2" stroke-dasharray="6 4"/>`
      : '',
    `<path class="series loss" d="${lossPath}" fill="none" stroke="${LOSS_COLOR}" stroke-width="2.2"/>`,
    ...dots,
    legendAwayFrom(frame, items, drawnPoints),
    '</svg>',
  ].join('\n')
}

function readHistory(name: string, history: History): readonly HistoryEntry[] {
  const entries = Array.isArray(history)
    ? history
    : (history as { steps?: unknown } | undefined)?.steps
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new InvalidInputError(
      name,
      'history',
      history,
      'a non-empty list of { step, loss, accuracy? } records, or { steps: [...] } as train() returns',
    )
  }
  let previous = Number.NEGATIVE_INFINITY
  entries.forEach((entry: Partial<HistoryEntry> | undefined, index) => {
    for (const field of ['step', 'loss', 'accuracy'] as const) {
      const value = entry?.[field]
      if (field === 'accuracy' && value === undefined) continue
      if (typeof value !== 'number') {
        throw new InvalidInputError(name, `history[${index}].${field}`, value, 'a number')
      }
      if (!Number.isFinite(value)) {
        throw new NonFiniteDataError(
          name,
          `history[${index}].${field}`,
          value,
          field === 'loss'
            ? 'A NaN or infinite loss means training diverged: lower the learning rate.'
            : `Record a finite ${field} for every step.`,
        )
      }
    }
    if (entry!.accuracy !== undefined && (entry!.accuracy < 0 || entry!.accuracy > 1)) {
      throw new InvalidInputError(
        name,
        `history[${index}].accuracy`,
        entry!.accuracy,
        'a fraction from 0 to 1 (divide a percentage by 100)',
      )
    }
    if (entry!.step! <= previous) {
      throw new InvalidInputError(
        name,
        `history[${index}].step`,
        entry!.step,
        `a step greater than the one before (${previous}); steps must increase`,
      )
    }
    previous = entry!.step!
  })
  return entries
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`
}
