import { type Operand, Value } from '@mg/engine'
import { asValue, negate } from './as-value.js'
import { checkLabels, checkPairs, type LabelRule } from './check-pairs.js'

/** The targets {@link mseLoss} takes. */
export const MSE_TARGETS: LabelRule = {
  caller: 'mseLoss',
  accepts: Number.isFinite,
  allowed: 'a finite number',
}

/**
 * Mean squared error, PyTorch's `MSELoss()`: the mean of `(pᵢ − tᵢ)²`. Targets may be `Value`s
 * (such as the inputs of a compiled graph), checked by their current data.
 *
 * @throws {@link InvalidLabelError} for a target that is not a finite number.
 * @example
 * ```ts
 * import { Value } from '@mg/engine'
 * import { mseLoss } from '@mg/nn'
 * mseLoss([new Value(2.5), new Value(0)], [3, -0.5]).data // 0.25
 * ```
 */
export function mseLoss(predictions: readonly Operand[], targets: readonly Operand[]): Value {
  checkPairs('mseLoss', predictions, targets)
  checkLabels(MSE_TARGETS, targets)
  const squares = predictions.map((prediction, index) => {
    const difference = asValue(prediction).add(negate(targets[index]!))
    return difference.mul(difference)
  })
  return Value.sum(squares).mul(1 / squares.length)
}
