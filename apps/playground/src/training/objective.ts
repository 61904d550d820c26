import { LOSSES, type LossName } from '@mg/nn'

/** How a loss meets a dataset: the model's output size, as `@mg/nn` says, and how to read a prediction. */
export interface Objective {
  /** The loss, as `train` and `evaluate` of `@mg/nn` take it. */
  loss: LossName
  classCount: number
  /** Output neurons of the model. */
  outputs: number
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
export function createObjective(loss: LossName, classCount: number): Objective {
  const outputs = LOSSES[loss].outputCount(classCount)
  return { loss, classCount, outputs, predict: predictor(loss, outputs) }
}

/** How sure a prediction is, read the way each loss pushes the scores. */
function predictor(loss: LossName, outputs: number): Objective['predict'] {
  switch (loss) {
    case 'hinge':
      // A margin of 1 is where hinge loss stops pushing, so |score| = 1 reads as sure.
      return (out) => signed(out[0]!, Math.tanh(Math.abs(out[0]!) * 1.5))
    case 'bce':
      return (out) => signed(out[0]!, Math.abs(2 * sigmoid(out[0]!) - 1))
    case 'softmax-cross-entropy':
      return softmaxPrediction
    case 'mse':
      return outputs === 1
        ? (out) => signed(out[0]! - 0.5, Math.min(1, 2 * Math.abs(out[0]! - 0.5)))
        : marginPrediction
  }
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
