import {
  NonFiniteGradientError,
  NonFiniteResultError,
  type Operand,
  type Value,
  zeroGrad,
} from '@mg/engine'
import { accuracy } from './accuracy.js'
import { NonFiniteValueError, TrainingDivergedError } from './errors.js'
import { l2Penalty } from './l2-penalty.js'
import type { BatchGraph } from './step-recording.js'
import type { StepContext } from './training-setup.js'

/** What one step measured on its batch, before its update. */
export interface StepResult {
  loss: number
  dataLoss: number
  accuracy: number
}

/**
 * How a run takes its steps. The steps may keep the parameters' numbers elsewhere in between, as
 * long as code outside them always sees the parameter `Value`s current and its changes are kept.
 */
export interface StepTaker {
  /**
   * One training step on the samples at `indices`: forward, loss, backward and update. The result
   * is one object that every step refills: copy what it holds before the next step.
   */
  take(indices: readonly number[]): StepResult
  /** Hands the numbers of the latest step back to the parameter `Value`s and lets them go. */
  letGo(): void
}

/**
 * micrograd's training step, top to bottom: run the batch forward, compute the loss plus the L2
 * penalty, zero the gradients, backpropagate, and let the optimizer update the parameters. It
 * works on the parameter `Value`s themselves, so there is nothing to pull or push.
 */
export function dynamicStep(context: StepContext): StepTaker {
  const { parameters, data, loss, optimizer } = context
  const result: StepResult = { loss: 0, dataLoss: 0, accuracy: 0 }
  return {
    take: (indices) => {
      const labels = indices.map((index) => loss.labels[index]!)
      const { outputs, dataLoss, total } = forwardAndLoss(
        context,
        indices.map((index) => data.X[index]!),
        (outputs) => loss.compute(outputs, labels),
      )
      result.accuracy = accuracy(scoresOf(outputs), labels, loss.accuracyRule)
      zeroGrad(parameters)
      total.backward()
      optimizer.step()
      result.loss = total.data
      result.dataLoss = dataLoss.data
      return result
    },
    letGo: () => {},
  }
}

/**
 * A batch's forward pass and its loss plus the L2 penalty: the graph each dynamic step builds,
 * the one a compiled step with a loss function records, and what {@link evaluate} computes.
 */
export function forwardAndLoss(
  context: Pick<StepContext, 'model' | 'parameters' | 'l2Alpha'>,
  features: readonly (readonly Operand[])[],
  dataLossOf: (outputs: Value[][]) => Value,
): BatchGraph {
  return lossOfOutputs(
    context,
    features.map((x) => context.model.forward(x)),
    dataLossOf,
  )
}

/** The loss plus the L2 penalty of a batch's outputs, however they were computed. */
export function lossOfOutputs(
  context: Pick<StepContext, 'parameters' | 'l2Alpha'>,
  outputs: Value[][],
  dataLossOf: (outputs: Value[][]) => Value,
): BatchGraph {
  const { parameters, l2Alpha } = context
  const dataLoss = dataLossOf(outputs)
  const total = l2Alpha > 0 ? dataLoss.add(l2Penalty(parameters, l2Alpha)) : dataLoss
  return { outputs, dataLoss, total }
}

/** The numbers of a batch's outputs, one row per sample. */
export function scoresOf(outputs: readonly (readonly Value[])[]): number[][] {
  return outputs.map((row) => row.map((value) => value.data))
}

/**
 * What step number `step` throws for `error`: an overflow anywhere in the step becomes a
 * {@link TrainingDivergedError} naming the step; anything else is thrown as it is.
 */
export function divergence(step: number, error: unknown): unknown {
  if (error instanceof NonFiniteResultError)
    return new TrainingDivergedError(
      step,
      `the forward pass produced ${error.result} in ${error.op}.`,
      { cause: error },
    )
  if (error instanceof NonFiniteGradientError)
    return new TrainingDivergedError(step, `a gradient became ${error.grad}.`, { cause: error })
  if (error instanceof NonFiniteValueError)
    return new TrainingDivergedError(
      step,
      `the update made parameter ${error.index} ${String(error.value)}.`,
      { cause: error },
    )
  return error
}
