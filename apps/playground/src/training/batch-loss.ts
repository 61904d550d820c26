import type { Value } from '@mg/engine'
import { binaryCrossEntropyWithLogits, hingeLoss, mseLoss, softmaxCrossEntropy } from '@mg/nn'
import type { LossChoice } from '../state/settings.js'

/**
 * What the loss compares a sample's outputs with, from its class label (0, 1, …), as `train` from
 * `@mg/nn` maps labels: hinge takes ±1, logistic loss and one-output squared error 0/1, softmax
 * cross-entropy and several-output squared error a one-hot row.
 */
function encodeTarget(label: number, loss: LossChoice, outputCount: number): number[] {
  if (loss === 'hinge') return [label === 1 ? 1 : -1]
  if (outputCount === 1) return [label]
  return Array.from({ length: outputCount }, (_, index) => (index === label ? 1 : 0))
}

/** The loss of a batch from the model's outputs (one row per sample) and the targets of {@link encodeTarget}. */
function lossFromTargets(
  outputs: readonly (readonly Value[])[],
  targets: readonly (readonly number[])[],
  loss: LossChoice,
): Value {
  const scores = outputs.map((row) => row[0]!)
  const firsts = targets.map((row) => row[0]!)
  switch (loss) {
    case 'hinge':
      return hingeLoss(scores, firsts)
    case 'bce':
      return binaryCrossEntropyWithLogits(scores, firsts)
    case 'softmax-cross-entropy':
      return softmaxCrossEntropy(outputs, targets)
    case 'mse':
      return mseLoss(outputs.flat(), targets.flat())
  }
}

/**
 * The loss of a batch from the model's outputs and the page's class labels (0, 1, …): the point
 * graph's loss, and the one-hot squared error that `train` from `@mg/nn` takes as a function.
 */
export function batchLoss(
  outputs: readonly (readonly Value[])[],
  labels: readonly number[],
  loss: LossChoice,
): Value {
  const outputCount = outputs[0]?.length ?? 1
  return lossFromTargets(
    outputs,
    labels.map((label) => encodeTarget(label, loss, outputCount)),
    loss,
  )
}
