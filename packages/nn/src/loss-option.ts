import { Value } from '@mg/engine'
import { type AccuracyRule, accuracyRule } from './accuracy.js'
import { InvalidOptionError } from './errors.js'
import { type LabelInputs, LOSSES, type LossName, lossNames, type NamedLoss } from './losses.js'

/** A custom loss: the model's outputs for a batch (one row per sample) and their labels, to a scalar. */
export type LossFunction = (outputs: Value[][], labels: number[]) => Value

/** A loss as a training run uses it: the data set's labels mapped, the loss, and its accuracy rule. */
export interface PreparedLoss {
  /** The data set's labels, mapped to what the loss takes. */
  labels: number[]
  compute(outputs: Value[][], labels: number[]): Value
  /** The loss's accuracy rule on these labels: the options of {@link accuracy}, checked. */
  accuracyRule: AccuracyRule
  /** How a compiled graph takes the labels; absent for a custom function, which takes numbers. */
  labelInputs?: LabelInputs
}

/** Resolves the `loss` option of {@link train} (a {@link LossName} or a {@link LossFunction}) for `dataLabels`. */
export function prepareLoss(
  loss: LossName | LossFunction,
  dataLabels: readonly number[],
): PreparedLoss {
  if (typeof loss === 'function')
    return {
      labels: [...dataLabels],
      compute: (outputs, labels) => {
        const value = loss(outputs, labels)
        if (!(value instanceof Value))
          throw new InvalidOptionError('loss', value, 'a loss function that returns a Value')
        return value
      },
      accuracyRule: accuracyRule(undefined),
    }
  if (typeof loss !== 'string' || !Object.hasOwn(LOSSES, loss))
    throw new InvalidOptionError('loss', loss, `${quotedLossNames(',')} or a function`)
  const named = LOSSES[loss]
  const labels = dataLabels.map(named.mapLabel)
  return {
    labels,
    compute: named.compute,
    accuracyRule: accuracyRule(named.accuracyOptions(labels)),
    labelInputs: named.labelInputs,
  }
}

/**
 * The entry of {@link LOSSES} named `name`.
 *
 * @throws {@link InvalidOptionError} for a name that is not in {@link lossNames}.
 * @example
 * ```ts
 * import { getLoss } from '@mg/nn'
 *
 * const loss = getLoss('bce')
 * console.log(loss.title, loss.binary, loss.mapLabel(-1)) // 'Logistic (binary cross-entropy)' true 0
 * ```
 */
export function getLoss(name: LossName): NamedLoss {
  if (typeof name !== 'string' || !Object.hasOwn(LOSSES, name))
    throw new InvalidOptionError('loss', name, quotedLossNames('or'))
  return LOSSES[name]
}

/** `'hinge', 'mse', 'bce' or 'softmax-cross-entropy'`, with `last` before the last name. */
function quotedLossNames(last: 'or' | ','): string {
  const quoted = lossNames.map((name) => `'${name}'`)
  return last === ',' ? quoted.join(', ') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`
}
