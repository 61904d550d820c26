import { type Operand, Value } from '@mg/engine'
import { asValue, negate, oneMinus } from './as-value.js'
import { checkLabels, checkPairs, type LabelRule } from './check-pairs.js'

/** The labels {@link binaryCrossEntropyWithLogits} takes. */
export const BCE_LABELS: LabelRule = {
  caller: 'binaryCrossEntropyWithLogits',
  accepts: (label) => label >= 0 && label <= 1,
  allowed: 'in [0, 1]',
}

/**
 * Binary cross-entropy on raw scores, PyTorch's `BCEWithLogitsLoss()`: the mean over samples of
 * `−[yᵢ log σ(xᵢ) + (1 − yᵢ) log(1 − σ(xᵢ))]`, computed in the stable form
 * `max(x, 0) − x·y + log(1 + e^−|x|)` so logits of ±1000 neither overflow nor give log(0).
 * The gradient with respect to each logit is `(σ(x) − y) / n`. Labels may be `Value`s (such as
 * the inputs of a compiled graph), checked by their current data.
 *
 * @throws {@link InvalidLabelError} for a label outside [0, 1].
 * @example
 * ```ts
 * import { binaryCrossEntropyWithLogits, MLP } from '@mg/nn'
 * const X = [[0.5, -1], [-0.2, 0.3]]
 * const y = [1, 0]
 * const model = new MLP(2, [4, 1], { seed: 1 })
 * const logits = X.map((x) => model.forward(x)[0]!)
 * const loss = binaryCrossEntropyWithLogits(logits, y) // y: 0 or 1
 * ```
 */
export function binaryCrossEntropyWithLogits(
  logits: readonly Operand[],
  labels: readonly Operand[],
): Value {
  checkPairs('binaryCrossEntropyWithLogits', logits, labels)
  checkLabels(BCE_LABELS, labels)
  const losses = logits.map((operand, index) => {
    const logit = asValue(operand)
    const label = labels[index]!
    // max(x, 0) and min(x, 0) as ops, not a branch on x.data, so a compiled graph replays the loss
    // for logits of either sign. Both are exact, so this is x·(1 − y) + log(e^−x + 1) for x ≥ 0
    // and x·(−y) + log(e^x + 1) for x < 0 to the last bit.
    const positive = logit.relu()
    const negative = logit.sub(positive)
    const linear = positive.mul(oneMinus(label)).add(negative.mul(negate(label)))
    // |x| = max − min has slope −1 at x = 0 (relu's is 0 there), which gives σ(0) − y at 0 too.
    const softplus = positive.sub(negative).neg().exp().add(1).log()
    return linear.add(softplus)
  })
  return Value.sum(losses).mul(1 / losses.length)
}
