import {
  NonFiniteGradientError,
  NonFiniteResultError,
  type Operand,
  type Value,
  zeroGrad,
} from '@mg/engine'
import { NonFiniteValueError, TrainingDivergedError } from './errors.js'
import { l2Penalty } from './l2-penalty.js'
import { type BatchGraph, stepRecorder } from './step-recording.js'
import type { StepContext } from './training-setup.js'

/** What one step measured on its batch, before its update. */
interface StepResult {
  loss: number
  dataLoss: number
  accuracy: number
}

/** One training step on the samples at `indices`: forward, loss, backward and update. */
type TrainingStep = (indices: readonly number[]) => StepResult

/**
 * micrograd's training step, top to bottom: run the batch forward, compute the loss plus the L2
 * penalty, zero the gradients, backpropagate, and let the optimizer update the parameters.
 */
export function dynamicStep(context: StepContext): TrainingStep {
  const { parameters, data, loss, optimizer } = context
  return (indices) => {
    const labels = indices.map((index) => loss.labels[index]!)
    const { outputs, dataLoss, total } = forwardAndLoss(
      context,
      indices.map((index) => data.X[index]!),
      (outputs) => loss.compute(outputs, labels),
    )
    const accuracy = loss.accuracy(scoresOf(outputs), labels)
    zeroGrad(parameters)
    total.backward()
    optimizer.step()
    return { loss: total.data, dataLoss: dataLoss.data, accuracy }
  }
}

/**
 * The same step over a recorded graph (`compiled: true`): {@link forwardAndLoss} is recorded once
 * per batch size with `compileGraph`, the batch's features and labels as its inputs; each step
 * writes its batch into those inputs and replays forward and backward over flat arrays. The
 * optimizer still updates the parameter `Value`s, so it, the schedule and `onStep` are unchanged.
 */
export function compiledStep(context: StepContext): TrainingStep {
  const { loss, optimizer } = context
  const recordingFor = stepRecorder(context, forwardAndLoss)
  return (indices) => {
    const { graph, unreached, penalised, load, scores } = recordingFor(indices)
    load(indices)
    // The parameter Values are the truth: the graph of another batch size, or the caller between
    // two runs, may have moved them since this graph last ran.
    graph.pullParameters()
    const total = graph.forward()
    const accuracy = loss.accuracy(
      scores(),
      indices.map((index) => loss.labels[index]!),
    )
    graph.zeroGrad()
    graph.backward()
    graph.pushParameters()
    for (const parameter of unreached) parameter.grad = 0
    optimizer.step()
    return { loss: total, dataLoss: penalised ? graph.observedData[0]! : total, accuracy }
  }
}

/**
 * A batch's forward pass and its loss plus the L2 penalty: the graph each dynamic step builds,
 * the one a compiled step records, and what {@link evaluate} computes.
 */
export function forwardAndLoss(
  context: Pick<StepContext, 'model' | 'parameters' | 'l2Alpha'>,
  features: readonly (readonly Operand[])[],
  dataLossOf: (outputs: Value[][]) => Value,
): BatchGraph {
  const { model, parameters, l2Alpha } = context
  const outputs = features.map((x) => model.forward(x))
  const dataLoss = dataLossOf(outputs)
  const total = l2Alpha > 0 ? dataLoss.add(l2Penalty(parameters, l2Alpha)) : dataLoss
  return { outputs, dataLoss, total }
}

/** The numbers of a batch's outputs, one row per sample. */
export function scoresOf(outputs: readonly (readonly Value[])[]): number[][] {
  return outputs.map((row) => row.map((value) => value.data))
}

/** Runs step number `step`, turning an overflow anywhere in it into a {@link TrainingDivergedError}. */
export function guardStep<T>(step: number, run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (error instanceof NonFiniteResultError)
      throw new TrainingDivergedError(
        step,
        `the forward pass produced ${error.result} in ${error.op}.`,
        { cause: error },
      )
    if (error instanceof NonFiniteGradientError)
      throw new TrainingDivergedError(step, `a gradient became ${error.grad}.`, { cause: error })
    if (error instanceof NonFiniteValueError)
      throw new TrainingDivergedError(
        step,
        `the update made parameter ${error.index} ${String(error.value)}.`,
        { cause: error },
      )
    throw error
  }
}
