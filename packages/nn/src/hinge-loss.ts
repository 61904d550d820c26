import { type Operand, Value } from '@mg/engine'
import { asValue } from './as-value.js'
import { checkLabels, checkPairs } from './check-pairs.js'

/**
 * micrograd's SVM "max-margin" loss: the mean of `relu(1 − yᵢ · sᵢ)` over the samples, for labels
 * ±1. Computed as micrograd's demo does, `(1 + -yᵢ·sᵢ).relu()` summed and times `1 / n`, so it
 * matches micrograd to the last bit.
 *
 * @throws {@link InvalidLabelError} for a label other than −1 or 1.
 * @example
 * ```ts
 * const scores = X.map((x) => model.forward(x)[0]!)
 * const loss = hingeLoss(scores, y) // y: ±1
 * ```
 */
export function hingeLoss(scores: readonly Operand[], labels: readonly number[]): Value {
  checkPairs('hingeLoss', scores, labels)
  checkLabels('hingeLoss', labels, (label) => label === 1 || label === -1, '−1 or 1')
  const margins = scores.map((score, index) => asValue(score).mul(-labels[index]!).add(1).relu())
  return Value.sum(margins).mul(1 / margins.length)
}
