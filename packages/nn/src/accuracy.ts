import type { Operand } from '@mg/engine'
import { dataOf } from './as-value.js'
import { checkPairs } from './check-pairs.js'
import { InvalidLabelError, InvalidOptionError } from './errors.js'
import { checkOptionsObject } from './random-source.js'

/** Options for {@link accuracy}: the thresholds that judge one score per sample. */
export interface AccuracyOptions {
  /**
   * For one score per sample: a score above this predicts the positive class. Default `0`, right
   * for ±1 scores and logits; use `0.5` for probabilities.
   */
  threshold?: number
  /**
   * For one score per sample: a label above this is the positive class. Default `0`, right for ±1
   * and 0/1 labels; for regression targets such as 2 and 4, put it (and `threshold`) midway, at 3,
   * as the `'mse'` entry of {@link LOSSES} does.
   */
  labelThreshold?: number
}

/** {@link AccuracyOptions} checked, with their defaults filled in. */
export interface AccuracyRule {
  /** A single score above this predicts the positive class. */
  readonly threshold: number
  /** A label above this is the positive class. */
  readonly labelThreshold: number
}

/**
 * The fraction of samples predicted right, in [0, 1].
 *
 * - One score per sample (a number, a `Value`, or a row of length 1): the prediction is positive
 *   when the score is above `threshold`, the label when it is above `labelThreshold` (default 0),
 *   so ±1 and 0/1 labels both work (micrograd's `(yi > 0) == (scorei.data > 0)`).
 * - Rows of two or more logits: the prediction is the index of the largest, compared with the
 *   class index.
 *
 * @example
 * ```ts
 * import { accuracy } from '@mg/nn'
 * accuracy([0.3, -2, 1.5], [1, -1, -1])              // 2/3
 * accuracy([0.9, 0.2], [1, 0], { threshold: 0.5 })   // 1
 * accuracy([[2, 0.1, -1], [0, 3, 1]], [0, 2])        // 0.5
 * ```
 */
export function accuracy(
  scores: readonly Operand[] | readonly (readonly Operand[])[],
  labels: readonly number[],
  options?: AccuracyOptions,
): number {
  checkPairs('accuracy', scores, labels)
  const rule = accuracyRule(options)
  let correct = 0
  scores.forEach((score, index) => {
    const row = Array.isArray(score)
      ? (score as readonly Operand[]).map(dataOf)
      : [dataOf(score as Operand)]
    if (row.length === 0)
      throw new InvalidOptionError(
        `accuracy scores[${index}]`,
        score,
        'a score or a non-empty row of logits',
      )
    if (predictedRight(rule, row, 0, row.length, labels[index]!, index)) correct++
  })
  return correct / scores.length
}

/** Checks {@link AccuracyOptions} once, for {@link accuracy} or for a whole training run. */
export function accuracyRule(options: AccuracyOptions | undefined): AccuracyRule {
  const given = checkOptionsObject(options, 'accuracy', ['threshold', 'labelThreshold'])
  const finite = (name: string, value: unknown) => {
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new InvalidOptionError(name, value, 'a finite number, such as 0 or 0.5')
    return value
  }
  return {
    threshold: finite('threshold', given.threshold ?? 0),
    labelThreshold: finite('labelThreshold', given.labelThreshold ?? 0),
  }
}

/**
 * {@link accuracy} over scores laid flat, as a compiled graph's `observedData` holds them:
 * sample `s` has the `width` scores from `scores[offset + s · width]` and the label
 * `labelOf(s)`. Reads `count` samples and allocates nothing.
 */
export function flatAccuracy(
  rule: AccuracyRule,
  scores: ArrayLike<number>,
  offset: number,
  width: number,
  count: number,
  labelOf: (sample: number) => number,
): number {
  let correct = 0
  for (let sample = 0; sample < count; sample++)
    if (predictedRight(rule, scores, offset + sample * width, width, labelOf(sample), sample))
      correct++
  return correct / count
}

/**
 * The accuracy rule, for the sample whose `width` scores start at `scores[offset]`: one score
 * by which side of the threshold it and its label are on, several by their largest.
 */
function predictedRight(
  rule: AccuracyRule,
  scores: ArrayLike<number>,
  offset: number,
  width: number,
  label: number,
  sample: number,
): boolean {
  if (width === 1) {
    if (typeof label !== 'number' || Number.isNaN(label))
      throw new InvalidLabelError('accuracy', sample, label, 'a number (±1 or 0/1)')
    return scores[offset]! > rule.threshold === label > rule.labelThreshold
  }
  if (!(Number.isInteger(label) && label >= 0 && label < width))
    throw new InvalidLabelError('accuracy', sample, label, `a class index in [0, ${width})`)
  let best = 0
  for (let index = 1; index < width; index++)
    if (scores[offset + index]! > scores[offset + best]!) best = index
  return best === label
}
