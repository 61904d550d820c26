import { type Operand, Value } from '@mg/engine'
import { asValue, negate } from './as-value.js'
import { checkLabels, checkPairs, type LabelRule } from './check-pairs.js'

/** The labels {@link hingeLoss} takes. */
export const HINGE_LABELS: LabelRule = {
  caller: 'hingeLoss',
  accepts: (label) => label === 1 || label === -1,
  allowed: '−1 or 1',
}

/**
 * micrograd's SVM "max-margin" loss: the mean of `relu(1 − yᵢ · sᵢ)` over the samples, for labels
 * ±1. Computed as micrograd's demo does, `(1 + -yᵢ·sᵢ).relu()` summed and times `1 / n`, so it
 * matches micrograd to the last bit. Labels may be `Value`s (such as the inputs of a compiled
 * graph), checked by their current data.
 *
 * @throws {@link InvalidLabelError} for a label other than −1 or 1.
 * @example
 * ```ts
 * import { hingeLoss, MLP } from '@mg/nn'
 * const X = [[0.5, -1], [-0.2, 0.3]]
 * const y = [1, -1]
 * const model = new MLP(2, [4, 1], { seed: 1 })
 * const scores = X.map((x) => model.forward(x)[0]!)
 * const loss = hingeLoss(scores, y) // y: ±1
 * ```
 */
export function hingeLoss(scores: readonly Operand[], labels: readonly Operand[]): Value {
  checkPairs('hingeLoss', scores, labels)
  checkLabels(HINGE_LABELS, labels)
  const margins = scores.map((score, index) =>
    asValue(score).mul(negate(labels[index]!)).add(1).relu(),
  )
  return Value.sum(margins).mul(1 / margins.length)
}
