import { type Operand, Value } from '@mg/engine'
import { asValue } from './as-value.js'
import { checkLabels, checkPairs } from './check-pairs.js'

/**
 * Binary cross-entropy on raw scores, PyTorch's `BCEWithLogitsLoss()`: the mean over samples of
 * `−[yᵢ log σ(xᵢ) + (1 − yᵢ) log(1 − σ(xᵢ))]`, computed in the stable form
 * `max(x, 0) − x·y + log(1 + e^−|x|)` so logits of ±1000 neither overflow nor give log(0).
 * The gradient with respect to each logit is `(σ(x) − y) / n`.
 *
 * @throws {@link InvalidLabelError} for a label outside [0, 1].
 * @example
 * ```ts
 * const logits = X.map((x) => model.forward(x)[0]!)
 * const loss = binaryCrossEntropyWithLogits(logits, y) // y: 0 or 1
 * ```
 */
export function binaryCrossEntropyWithLogits(
  logits: readonly Operand[],
  labels: readonly number[],
): Value {
  checkPairs('binaryCrossEntropyWithLogits', logits, labels)
  checkLabels(
    'binaryCrossEntropyWithLogits',
    labels,
    (label) => label >= 0 && label <= 1,
    'in [0, 1]',
  )
  const losses = logits.map((operand, index) => {
    const logit = asValue(operand)
    const label = labels[index]!
    // Branching on the sign keeps exp's argument ≤ 0, and gives σ(x) − y as the slope at x = 0 too.
    return logit.data >= 0
      ? logit.mul(1 - label).add(logit.neg().exp().add(1).log())
      : logit.mul(-label).add(logit.exp().add(1).log())
  })
  return Value.sum(losses).mul(1 / losses.length)
}
