import type { Value } from '@mg/engine'
import type { LossFunction, LossName } from '@mg/nn'
import { type LossChoice, outputCount } from '../state/settings.js'
import { batchLoss } from './batch-loss.js'

/** How a loss choice meets a dataset: the model's output size, the loss `train` takes, and how to read a prediction. */
export interface Objective {
  loss: LossChoice
  classCount: number
  /** Output neurons of the model. */
  outputs: number
  /** What `train` and `evaluate` of `@mg/nn` take for this loss. */
  trainingLoss: LossName | LossFunction
  /**
   * The predicted class and how sure the model is, from 0 (on the boundary) to 1, read from the
   * model's outputs for one point.
   */
  predict(outputs: ArrayLike<number>): { label: number; confidence: number }
}

/**
 * Builds the objective for a loss and a number of classes. Hinge and logistic loss take one
 * score (positive means class 1); softmax cross-entropy takes one logit per class; mean squared
 * error regresses a single 0/1 target for two classes and a one-hot row for more.
 */
export function createObjective(loss: LossChoice, classCount: number): Objective {
  const outputs = outputCount(loss, classCount)
  const base = { loss, classCount, outputs }
  switch (loss) {
    case 'hinge':
      // A margin of 1 is where hinge loss stops pushing, so |score| = 1 reads as sure.
      return {
        ...base,
        trainingLoss: 'hinge',
        predict: (out) => signed(out[0]!, Math.tanh(Math.abs(out[0]!) * 1.5)),
      }
    case 'bce':
      return {
        ...base,
        trainingLoss: 'bce',
        predict: (out) => signed(out[0]!, Math.abs(2 * sigmoid(out[0]!) - 1)),
      }
    case 'softmax-cross-entropy':
      return {
        ...base,
        trainingLoss: 'softmax-cross-entropy',
        predict: (out) => softmaxPrediction(out),
      }
    case 'mse':
      if (outputs === 1)
        return {
          ...base,
          trainingLoss: 'mse',
          predict: (out) => signed(out[0]! - 0.5, Math.min(1, 2 * Math.abs(out[0]! - 0.5))),
        }
      return {
        ...base,
        trainingLoss: oneHotMse(),
        predict: (out) => marginPrediction(out),
      }
  }
}

/** Mean squared error against one-hot rows, over every output of every sample (PyTorch's `MSELoss` on one-hot targets). */
function oneHotMse(): LossFunction {
  return (outputs: Value[][], labels: number[]) => batchLoss(outputs, labels, 'mse')
}

function signed(score: number, confidence: number): { label: number; confidence: number } {
  return { label: score > 0 ? 1 : 0, confidence }
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x))
}

function argmax(values: ArrayLike<number>): number {
  let best = 0
  for (let index = 1; index < values.length; index++)
    if (values[index]! > values[best]!) best = index
  return best
}

function softmaxPrediction(logits: ArrayLike<number>): { label: number; confidence: number } {
  const label = argmax(logits)
  const top = logits[label]!
  let total = 0
  for (let index = 0; index < logits.length; index++) total += Math.exp(logits[index]! - top)
  const chance = 1 / logits.length
  return { label, confidence: (1 / total - chance) / (1 - chance) }
}

function marginPrediction(outputs: ArrayLike<number>): { label: number; confidence: number } {
  const label = argmax(outputs)
  let runnerUp = Number.NEGATIVE_INFINITY
  for (let index = 0; index < outputs.length; index++)
    if (index !== label) runnerUp = Math.max(runnerUp, outputs[index]!)
  return { label, confidence: Math.min(1, outputs[label]! - runnerUp) }
}
