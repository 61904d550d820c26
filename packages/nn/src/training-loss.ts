import { Value } from '@mg/engine'
import { accuracy } from './accuracy.js'
import { BCE_LABELS, binaryCrossEntropyWithLogits } from './binary-cross-entropy.js'
import { checkLabels, type LabelRule } from './check-pairs.js'
import { InvalidOptionError } from './errors.js'
import { HINGE_LABELS, hingeLoss } from './hinge-loss.js'
import { MSE_TARGETS, mseLoss } from './mse-loss.js'
import { checkClassIndex, softmaxCrossEntropy } from './softmax-cross-entropy.js'

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
  /** The batch accuracy from the outputs' numbers, one row per sample. */
  accuracy(scores: readonly (readonly number[])[], labels: readonly number[]): number
  /** How a compiled graph takes the labels; absent for a custom function, which takes numbers. */
  labelInputs?: LabelInputs
}

/** Labels as inputs of a compiled graph: `Value`s whose data changes with every batch. */
interface LabelInputs {
  /** Checks every mapped label and returns the numbers each sample's label inputs hold. */
  encode(labels: readonly number[], outputCount: number): number[][]
  /** The batch loss on label `Value`s laid out as {@link LabelInputs.encode} lays out numbers. */
  compute(outputs: Value[][], labels: Value[][]): Value
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

/** Label inputs for a loss on one output per sample: one input per label, as it is. */
function scalarLabels(
  rule: LabelRule,
  loss: (scores: Value[], labels: Value[]) => Value,
  name: LossName,
): LabelInputs {
  return {
    encode: (labels) => {
      checkLabels(rule, labels)
      return labels.map((label) => [label])
    },
    compute: (outputs, labels) =>
      loss(
        firstOutputs(outputs, name),
        labels.map((row) => row[0]!),
      ),
  }
}

/** Resolves the `loss` option of {@link train}: a {@link LossName} or a {@link LossFunction}. */
export function trainingLoss(
  loss: LossName | LossFunction,
  allLabels: readonly number[],
): TrainingLoss {
  const same = (labels: readonly number[]) => [...labels]
  const signAccuracy = (scores: readonly (readonly number[])[], labels: readonly number[]) =>
    accuracy(scores, labels)
  switch (loss) {
    case 'hinge':
      return {
        mapLabels: (labels) => labels.map((label) => (label === 0 ? -1 : label)),
        compute: (outputs, labels) => hingeLoss(firstOutputs(outputs, loss), labels),
        accuracy: signAccuracy,
        labelInputs: scalarLabels(HINGE_LABELS, hingeLoss, loss),
      }
    case 'bce':
      return {
        mapLabels: (labels) => labels.map((label) => (label === -1 ? 0 : label)),
        compute: (outputs, labels) =>
          binaryCrossEntropyWithLogits(firstOutputs(outputs, loss), labels),
        accuracy: signAccuracy,
        labelInputs: scalarLabels(BCE_LABELS, binaryCrossEntropyWithLogits, loss),
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
        accuracy: (scores, labels) =>
          scores.filter((row, index) => row[0]! > middle === labels[index]! > middle).length /
          scores.length,
        labelInputs: scalarLabels(MSE_TARGETS, mseLoss, loss),
      }
    }
    case 'softmax-cross-entropy':
      return {
        mapLabels: same,
        compute: softmaxCrossEntropy,
        accuracy: signAccuracy,
        // One-hot rows: picking z_c by the label would be a branch a compiled graph cannot replay.
        labelInputs: {
          encode: (labels, outputCount) =>
            labels.map((label, index) => {
              checkClassIndex(index, label, outputCount)
              return Array.from({ length: outputCount }, (_, column) => (column === label ? 1 : 0))
            }),
          compute: softmaxCrossEntropy,
        },
      }
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
