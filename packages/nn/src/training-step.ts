import { type Value, zeroGrad } from '@mg/engine'
import { l2Penalty } from './l2-penalty.js'
import type { Optimizer } from './optimizer.js'
import type { Dataset, TrainableModel } from './training-data.js'
import type { TrainingLoss } from './training-loss.js'

/** Everything a training step needs besides the batch. */
export interface StepContext {
  model: TrainableModel
  /** The model's parameters, listed once. */
  parameters: Value[]
  data: Dataset
  /** The labels after the loss's mapping (hinge: ±1). */
  labels: readonly number[]
  loss: TrainingLoss
  optimizer: Optimizer
  l2Alpha: number
}

/** What one step measured, before the update. */
export interface StepResult {
  loss: number
  dataLoss: number
  accuracy: number
}

/**
 * One step of micrograd's loop on the samples at `indices`: forward every sample, the loss (plus
 * the L2 penalty), the accuracy, zero the gradients, backward, and the optimizer's update.
 */
export function trainingStep(context: StepContext, indices: readonly number[]): StepResult {
  const { model, parameters, data, labels, loss, optimizer, l2Alpha } = context
  const outputs = indices.map((index) => model.forward(data.X[index]!))
  const batchLabels = indices.map((index) => labels[index]!)
  const dataLoss = loss.compute(outputs, batchLabels)
  const total = l2Alpha > 0 ? dataLoss.add(l2Penalty(parameters, l2Alpha)) : dataLoss
  const accuracy = loss.accuracy(
    outputs.map((row) => row.map((value) => value.data)),
    batchLabels,
  )
  zeroGrad(parameters)
  total.backward()
  optimizer.step()
  return { loss: total.data, dataLoss: dataLoss.data, accuracy }
}
