import { Value } from '@mg/engine'
import { accuracy } from './accuracy.js'
import { binaryCrossEntropyWithLogits } from './binary-cross-entropy.js'
import { InvalidOptionError } from './errors.js'
import { hingeLoss } from './hinge-loss.js'
import { mseLoss } from './mse-loss.js'
import { softmaxCrossEntropy } from './softmax-cross-entropy.js'

/** The losses {@link train} and {@link evaluate} know by name. */
export type LossName = 'hinge' | 'mse' | 'bce' | 'softmax-cross-entropy'

/** A custom loss: the model's outputs for a batch (one row per sample) and their labels, to a scalar. */
export type LossFunction = (outputs: Value[][], labels: number[]) => Value

/** A loss as the training loop uses it: label mapping, the loss itself, and the matching accuracy. */
export interface TrainingLoss {
  /** Maps the data set's labels to the ones the loss takes (hinge: 0 → −1; bce: −1 → 0). */
  mapLabels(labels: readonly number[]): number[]
  /** The batch loss. */
  compute(outputs: Value[][], labels: number[]): Value
  /** The batch accuracy from the outputs' data. */
  accuracy(outputs: readonly (readonly Value[])[], labels: readonly number[]): number
}

const firstOutputs = (outputs: readonly (readonly Value[])[], caller: string): Value[] =>
  outputs.map((row) => {
    if (row.length !== 1)
      throw new InvalidOptionError(
        'loss',
        caller,
        `a model with one output for '${caller}' (its output has ${row.length} values)`,
        "For several classes use 'softmax-cross-entropy'.",
      )
    return row[0]!
  })

/** Resolves the `loss` option of {@link train}: a {@link LossName} or a {@link LossFunction}. */
export function trainingLoss(
  loss: LossName | LossFunction,
  allLabels: readonly number[],
): TrainingLoss {
  const same = (labels: readonly number[]) => [...labels]
  const signAccuracy = (outputs: readonly (readonly Value[])[], labels: readonly number[]) =>
    accuracy(outputs as Value[][], labels)
  switch (loss) {
    case 'hinge':
      return {
        mapLabels: (labels) => labels.map((label) => (label === 0 ? -1 : label)),
        compute: (outputs, labels) => hingeLoss(firstOutputs(outputs, loss), labels),
        accuracy: signAccuracy,
      }
    case 'bce':
      return {
        mapLabels: (labels) => labels.map((label) => (label === -1 ? 0 : label)),
        compute: (outputs, labels) =>
          binaryCrossEntropyWithLogits(firstOutputs(outputs, loss), labels),
        accuracy: signAccuracy,
      }
    case 'mse': {
      // A regression has no accuracy; for targets that are two classes (0/1, ±1) a prediction
      // counts as right when it lies on its target's side of the midpoint between the extremes.
      const middle =
        (allLabels.reduce((a, b) => Math.min(a, b)) + allLabels.reduce((a, b) => Math.max(a, b))) /
        2
      return {
        mapLabels: same,
        compute: (outputs, labels) => mseLoss(firstOutputs(outputs, loss), labels),
        accuracy: (outputs, labels) =>
          outputs.filter((row, index) => row[0]!.data > middle === labels[index]! > middle).length /
          outputs.length,
      }
    }
    case 'softmax-cross-entropy':
      return { mapLabels: same, compute: softmaxCrossEntropy, accuracy: signAccuracy }
    default:
      if (typeof loss !== 'function')
        throw new InvalidOptionError(
          'loss',
          loss,
          "'hinge', 'mse', 'bce', 'softmax-cross-entropy' or a function",
        )
      return {
        mapLabels: same,
        compute: (outputs, labels) => {
          const value = loss(outputs, labels)
          if (!(value instanceof Value))
            throw new InvalidOptionError('loss', value, 'a loss function that returns a Value')
          return value
        },
        accuracy: signAccuracy,
      }
  }
}
