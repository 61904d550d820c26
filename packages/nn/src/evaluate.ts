import { noGrad } from '@mg/engine'
import { accuracy } from './accuracy.js'
import { type LossFunction, prepareLoss } from './loss-option.js'
import type { LossName } from './losses.js'
import { nonNegative } from './optimizer.js'
import { checkOptionsObject } from './random-source.js'
import { checkModelAndData, type Dataset, type TrainableModel } from './training-setup.js'
import { forwardAndLoss, scoresOf } from './training-step.js'

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
 * import { makeMoons, trainTestSplit } from '@mg/datasets'
 * import { evaluate, MLP } from '@mg/nn'
 * const { test } = trainTestSplit(makeMoons({ noise: 0.1, seed: 1 }), { seed: 1 })
 * const model = new MLP(2, [16, 16, 1], { seed: 1337 }) // trained on the other split
 * const { loss, accuracy } = evaluate(model, test, { loss: 'hinge' })
 * ```
 */
export function evaluate(
  model: TrainableModel,
  data: Dataset,
  options: EvaluateOptions,
): Evaluation {
  checkModelAndData(model, data)
  const given = checkOptionsObject(options, 'evaluate', ['loss', 'l2Alpha'])
  const loss = prepareLoss(given.loss as EvaluateOptions['loss'], data.y)
  const l2Alpha = nonNegative('l2Alpha', given.l2Alpha ?? 0)
  return noGrad(() => {
    const { outputs, total } = forwardAndLoss(
      { model, parameters: model.parameters(), l2Alpha },
      data.X,
      (outputs) => loss.compute(outputs, loss.labels),
    )
    return {
      loss: total.data,
      accuracy: accuracy(scoresOf(outputs), loss.labels, loss.accuracyRule),
    }
  })
}
