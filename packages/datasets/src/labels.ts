import { checkList } from './checks.js'
import { InvalidLabelError, InvalidParameterError } from './errors.js'

/**
 * Maps class labels 0 and 1 to -1 and +1 (micrograd's `y * 2 - 1`), the targets a hinge loss
 * such as `max(0, 1 - y * score)` expects.
 *
 * @throws {@link InvalidLabelError} for any label other than 0 or 1; {@link InvalidParameterError}
 * if `y` is not an array.
 * @example
 * ```ts
 * import { toSignedLabels } from '@mg/datasets'
 * toSignedLabels([0, 1, 1]) // [-1, 1, 1]
 * ```
 */
export function toSignedLabels(y: readonly number[]): number[] {
  checkList('toSignedLabels', 'y', y, 'an array of labels 0 and 1')
  return y.map((label, index) => {
    if (label !== 0 && label !== 1)
      throw new InvalidLabelError('toSignedLabels', index, label, '0 or 1')
    return label * 2 - 1
  })
}

/**
 * One row per label with a 1 in that label's column and 0 elsewhere, for softmax and
 * cross-entropy over `nClasses` classes.
 *
 * @param nClasses - number of columns; defaults to the largest label plus one.
 * @throws {@link InvalidLabelError} for a label that is not an integer in `[0, nClasses)`.
 * @throws {@link InvalidParameterError} if `y` is not an array or `nClasses` is not a positive
 * integer.
 * @example
 * ```ts
 * import { oneHot } from '@mg/datasets'
 * oneHot([0, 2, 1]) // [[1, 0, 0], [0, 0, 1], [0, 1, 0]]
 * ```
 */
export function oneHot(y: readonly number[], nClasses?: number): number[][] {
  checkList('oneHot', 'y', y, 'an array of class indices')
  const largest = y.reduce(
    (max, label) => (Number.isInteger(label) && label > max ? label : max),
    0,
  )
  const columns = nClasses === undefined ? largest + 1 : nClasses
  if (!Number.isSafeInteger(columns) || columns < 1) {
    const fix = 'Pass the number of classes, e.g. oneHot(y, 3), or leave it out to use max(y) + 1.'
    throw new InvalidParameterError('oneHot', 'nClasses', nClasses, 'a positive integer', fix)
  }
  return y.map((label, index) => {
    if (!Number.isInteger(label) || label < 0 || label >= columns) {
      const allowed = `an integer class index from 0 to ${columns - 1}`
      throw new InvalidLabelError('oneHot', index, label, allowed)
    }
    const row = new Array<number>(columns).fill(0)
    row[label] = 1
    return row
  })
}
