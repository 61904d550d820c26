import { flatAccuracy } from './accuracy.js'
import { stepRecorder } from './step-recording.js'
import type { StepContext } from './training-setup.js'
import { forwardAndLoss, type StepResult, type StepTaker } from './training-step.js'

/**
 * The training step over a recorded graph (`compiled: true`): {@link forwardAndLoss} is recorded
 * once per batch size with `compileGraph`, the batch's features and labels as its inputs; each
 * step writes its batch into those inputs and replays forward and backward over flat arrays.
 *
 * Between `pullParameters` and `pushParameters` the parameters' numbers live in two flat arrays,
 * `data` and `grad`, shared by every recorded graph (a smaller last batch has its own): the
 * optimizer's parameters first, in its order, so that its `stepArrays` updates them in place, then
 * the model's other parameters, which it does not train. A step copies `data` into its graph,
 * replays it, copies the gradients back (0 for parameters the loss does not reach, as a dynamic
 * step leaves them) and steps the optimizer. Accuracy is read from the graph's observed scores.
 * Nothing is allocated per step.
 */
export function compiledStep(context: StepContext): StepTaker {
  const { parameters, loss, optimizer } = context
  const trained = new Set(optimizer.parameters)
  const order = [
    ...optimizer.parameters,
    ...parameters.filter((parameter) => !trained.has(parameter)),
  ]
  const data = new Float64Array(order.length)
  const grad = new Float64Array(order.length)
  const trainedData = data.subarray(0, optimizer.parameters.length)
  const trainedGrad = grad.subarray(0, optimizer.parameters.length)
  // Whether a step has changed data and grad since the Values were last made current.
  let stepped = false
  const pullParameters = () => {
    for (let index = 0; index < order.length; index++) data[index] = order[index]!.data
  }
  const pushParameters = () => {
    if (!stepped) return
    for (let index = 0; index < order.length; index++) {
      const parameter = order[index]!
      parameter.data = data[index]!
      parameter.grad = grad[index]!
    }
    stepped = false
  }
  const recordingFor = stepRecorder(context, forwardAndLoss, order, pushParameters)
  let batch: readonly number[] = []
  const labelOf = (sample: number) => loss.labels[batch[sample]!]!
  const result: StepResult = { loss: 0, dataLoss: 0, accuracy: 0 }
  return {
    take: (indices) => {
      const { graph, parameterIndex, penalised, scoreOffset, outputCount, load } =
        recordingFor(indices)
      const { parameterData, parameterGrad, observedData } = graph
      load(indices)
      for (let slot = 0; slot < parameterIndex.length; slot++)
        parameterData[slot] = data[parameterIndex[slot]!]!
      result.loss = graph.forward()
      result.dataLoss = penalised ? observedData[0]! : result.loss
      batch = indices
      result.accuracy = flatAccuracy(
        loss.accuracyRule,
        observedData,
        scoreOffset,
        outputCount,
        indices.length,
        labelOf,
      )
      graph.zeroGrad()
      graph.backward()
      grad.fill(0)
      for (let slot = 0; slot < parameterIndex.length; slot++)
        grad[parameterIndex[slot]!] = parameterGrad[slot]!
      stepped = true
      optimizer.stepArrays(trainedData, trainedGrad)
      return result
    },
    pullParameters,
    pushParameters,
  }
}
