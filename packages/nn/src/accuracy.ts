import type { Operand } from '@mg/engine'
import { dataOf } from './as-value.js'
import { checkPairs } from './check-pairs.js'
import { InvalidLabelError, InvalidOptionError } from './errors.js'
import { checkOptionsObject } from './random-source.js'

/** Options for {@link accuracy}. */
export interface AccuracyOptions {
  /**
   * For one score per sample: a score above this predicts the positive class. Default `0`, right
   * for ±1 scores and logits; use `0.5` for probabilities.
   */
  threshold?: number
}

/**
 * The fraction of samples predicted right, in [0, 1].
 *
 * - One score per sample (a number, a `Value`, or a row of length 1): the prediction is positive
 *   when the score is above `threshold`, the label when it is above 0, so ±1 and 0/1 labels both
 *   work (micrograd's `(yi > 0) == (scorei.data > 0)`).
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
  const threshold = checkOptionsObject(options, 'accuracy').threshold ?? 0
  if (typeof threshold !== 'number' || !Number.isFinite(threshold))
    throw new InvalidOptionError('threshold', threshold, 'a finite number, such as 0 or 0.5')
  let correct = 0
  scores.forEach((score, index) => {
    const label = labels[index]!
    const row = Array.isArray(score)
      ? (score as readonly Operand[]).map(dataOf)
      : [dataOf(score as Operand)]
    if (row.length === 0)
      throw new InvalidOptionError(
        `accuracy scores[${index}]`,
        score,
        'a score or a non-empty row of logits',
      )
    if (row.length === 1) {
      if (typeof label !== 'number' || Number.isNaN(label))
        throw new InvalidLabelError('accuracy', index, label, 'a number (±1 or 0/1)')
      if (row[0]! > threshold === label > 0) correct++
    } else {
      if (!(Number.isInteger(label) && label >= 0 && label < row.length))
        throw new InvalidLabelError('accuracy', index, label, `a class index in [0, ${row.length})`)
      if (argmax(row) === label) correct++
    }
  })
  return correct / scores.length
}

function argmax(row: readonly number[]): number {
  let best = 0
  for (let index = 1; index < row.length; index++) if (row[index]! > row[best]!) best = index
  return best
}
