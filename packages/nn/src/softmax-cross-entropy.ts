import { type Operand, Value } from '@mg/engine'
import { asValue, dataOf } from './as-value.js'
import { checkPairs } from './check-pairs.js'
import { InvalidLabelError, InvalidOptionError, LengthMismatchError } from './errors.js'

const CALLER = 'softmaxCrossEntropy'

/**
 * Cross-entropy of the softmax of each row of logits, PyTorch's `CrossEntropyLoss()`: the mean over
 * samples of `log Σⱼ e^zⱼ − z_c` for a class index `c`, computed as `log Σⱼ e^(zⱼ − m) − (z_c − m)`
 * with `m` the row's largest logit, so logits of ±1000 do not overflow. The gradient with respect to
 * each logit is `(softmaxⱼ − [j = c]) / n`.
 *
 * A target may also be a row of class probabilities (one-hot or soft, numbers or `Value`s), as
 * PyTorch allows: the loss is then `−Σⱼ tⱼ log softmaxⱼ`, with gradient `(softmaxⱼ · Σt − tⱼ) / n`,
 * and it is built from ops alone (the shift `m` too), so a compiled graph can record it with the
 * targets as inputs.
 *
 * @throws {@link InvalidLabelError} for a class index that is not a whole number in [0, row length),
 * or a probability outside [0, 1].
 * @example
 * ```ts
 * import { MLP, softmaxCrossEntropy } from '@mg/nn'
 * const X = [[0.5, -1], [-0.2, 0.3]]
 * const y = [1, 2]
 * const model = new MLP(2, [4, 3], { seed: 1 })
 * const logits = X.map((x) => model.forward(x)) // one row of nout logits per sample
 * const loss = softmaxCrossEntropy(logits, y)    // y: 0, 1, 2, …
 * softmaxCrossEntropy(logits, [[0, 1, 0], [0.2, 0.8, 0]]) // or rows of class probabilities
 * ```
 */
export function softmaxCrossEntropy(
  logits: readonly (readonly Operand[])[],
  targets: readonly number[] | readonly (readonly Operand[])[],
): Value {
  checkPairs(CALLER, logits, targets)
  const losses = logits.map((row, index) => {
    if (!Array.isArray(row) || row.length === 0)
      throw new InvalidOptionError(`${CALLER} logits[${index}]`, row, 'a non-empty array of logits')
    const target = targets[index]
    return Array.isArray(target)
      ? probabilityLoss(row.map(asValue), target, index)
      : classLoss(row.map(asValue), target as number, index)
  })
  return Value.sum(losses).mul(1 / losses.length)
}

/** Throws unless `classIndex` is a whole number in [0, classes); `caller` names the loss in the message. */
export function checkClassIndex(
  index: number,
  classIndex: unknown,
  classes: number,
  caller = CALLER,
): void {
  if (
    !(typeof classIndex === 'number' && Number.isInteger(classIndex)) ||
    classIndex < 0 ||
    classIndex >= classes
  )
    throw new InvalidLabelError(caller, index, classIndex, `a class index in [0, ${classes})`)
}

function classLoss(values: Value[], classIndex: number, index: number): Value {
  checkClassIndex(index, classIndex, values.length)
  let largest = Number.NEGATIVE_INFINITY
  for (const value of values) largest = Math.max(largest, value.data)
  const shifted = values.map((value) => value.add(-largest))
  return Value.sum(shifted.map((value) => value.exp()))
    .log()
    .sub(shifted[classIndex]!)
}

function probabilityLoss(values: Value[], target: readonly Operand[], index: number): Value {
  if (target.length !== values.length)
    throw new LengthMismatchError(
      `${CALLER}: logits[${index}] and targets[${index}]`,
      values.length,
      target.length,
    )
  for (const probability of target) {
    const number = dataOf(probability)
    if (!(typeof number === 'number' && number >= 0 && number <= 1))
      throw new InvalidLabelError(CALLER, index, number, 'a row of class probabilities in [0, 1]')
  }
  // The largest logit as ops, a + relu(b − a), rather than read from .data: the loss does not
  // depend on the shift, so its gradient through it is 0 up to rounding.
  let largest = values[0]!
  for (const value of values.slice(1)) largest = largest.add(value.sub(largest).relu())
  const shifted = values.map((value) => value.sub(largest))
  const logSumExp = Value.sum(shifted.map((value) => value.exp())).log()
  // −Σ tⱼ (zⱼ − m − logSumExp), which is exactly logSumExp − (z_c − m) for a one-hot row.
  return logSumExp.mul(Value.sum(target)).sub(Value.dot(target, shifted))
}
