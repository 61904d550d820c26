import { type Operand, Value } from '@mg/engine'
import { asValue } from './as-value.js'
import { checkPairs } from './check-pairs.js'
import { InvalidLabelError, InvalidOptionError } from './errors.js'

/**
 * Cross-entropy of the softmax of each row of logits against a class index, PyTorch's
 * `CrossEntropyLoss()`: the mean over samples of `log Σⱼ e^zⱼ − z_c`, computed as
 * `log Σⱼ e^(zⱼ − m) − (z_c − m)` with `m` the row's largest logit, so logits of ±1000 do not
 * overflow. The gradient with respect to each logit is `(softmaxⱼ − [j = c]) / n`.
 *
 * @throws {@link InvalidLabelError} for a class index that is not a whole number in [0, row length).
 * @example
 * ```ts
 * const logits = X.map((x) => model.forward(x)) // one row of nout logits per sample
 * const loss = softmaxCrossEntropy(logits, y)    // y: 0, 1, 2, …
 * ```
 */
export function softmaxCrossEntropy(
  logits: readonly (readonly Operand[])[],
  classIndices: readonly number[],
): Value {
  const caller = 'softmaxCrossEntropy'
  checkPairs(caller, logits, classIndices)
  const losses = logits.map((row, index) => {
    if (!Array.isArray(row) || row.length === 0)
      throw new InvalidOptionError(`${caller} logits[${index}]`, row, 'a non-empty array of logits')
    const classIndex = classIndices[index]!
    if (!(Number.isInteger(classIndex) && classIndex >= 0 && classIndex < row.length))
      throw new InvalidLabelError(caller, index, classIndex, `a class index in [0, ${row.length})`)
    const values = row.map(asValue)
    let largest = Number.NEGATIVE_INFINITY
    for (const value of values) largest = Math.max(largest, value.data)
    const shifted = values.map((value) => value.add(-largest))
    return Value.sum(shifted.map((value) => value.exp()))
      .log()
      .sub(shifted[classIndex]!)
  })
  return Value.sum(losses).mul(1 / losses.length)
}
