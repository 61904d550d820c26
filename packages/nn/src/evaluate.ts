import { noGrad } from '@mg/engine'
import { l2Penalty } from './l2-penalty.js'
import { nonNegative } from './optimizer.js'
import { checkModelAndData, type Dataset, type TrainableModel } from './training-data.js'
import { type LossFunction, type LossName, trainingLoss } from './training-loss.js'

/** Options for {@link evaluate}. */
export interface EvaluateOptions {
  /** The loss, as given to {@link train}. */
  loss: LossName | LossFunction
  /** Add the L2 penalty to the loss, as {@link train} does. Default 0. */
  l2Alpha?: number
}

/** Loss and accuracy on a data set. */
export interface Evaluation {
  /** The loss on the whole data set taken as one batch, plus the L2 penalty if `l2Alpha` > 0. */
  loss: number
  /** The fraction of samples predicted right, in [0, 1], as {@link train} measures it. */
  accuracy: number
}

/**
 * The loss and accuracy of `model` on `data` (such as a held-out split), computed inside `noGrad`,
 * so no graph is recorded and no gradient changes.
 *
 * @example
 * ```ts
 * const { loss, accuracy } = evaluate(model, test, { loss: 'hinge' })
 * ```
 */
export function evaluate(
  model: TrainableModel,
  data: Dataset,
  options: EvaluateOptions,
): Evaluation {
  checkModelAndData(model, data)
  const loss = trainingLoss(options?.loss, data.y)
  const l2Alpha = nonNegative('l2Alpha', options.l2Alpha ?? 0)
  const labels = loss.mapLabels(data.y)
  return noGrad(() => {
    const outputs = data.X.map((x) => model.forward(x))
    let value = loss.compute(outputs, labels)
    if (l2Alpha > 0) value = value.add(l2Penalty(model.parameters(), l2Alpha))
    const scores = outputs.map((row) => row.map((output) => output.data))
    return { loss: value.data, accuracy: loss.accuracy(scores, labels) }
  })
}
