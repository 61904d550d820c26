import { type Operand, Value } from '@mg/engine'
import { asValue } from './as-value.js'
import { checkLabels, checkPairs } from './check-pairs.js'

/**
 * Mean squared error, PyTorch's `MSELoss()`: the mean of `(pᵢ − tᵢ)²`.
 *
 * @throws {@link InvalidLabelError} for a target that is not a finite number.
 * @example
 * ```ts
 * mseLoss([new Value(2.5), new Value(0)], [3, -0.5]).data // 0.25
 * ```
 */
export function mseLoss(predictions: readonly Operand[], targets: readonly number[]): Value {
  checkPairs('mseLoss', predictions, targets)
  checkLabels('mseLoss', targets, Number.isFinite, 'a finite number')
  const squares = predictions.map((prediction, index) => {
    const difference = asValue(prediction).add(-targets[index]!)
    return difference.mul(difference)
  })
  return Value.sum(squares).mul(1 / squares.length)
}
