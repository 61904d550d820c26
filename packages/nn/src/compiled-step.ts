import { holdValues, type ValueHold } from '@mg/engine'
import { flatAccuracy } from './accuracy.js'
import { type RecordedStep, stepRecorder } from './step-recording.js'
import type { StepContext } from './training-setup.js'
import type { StepResult, StepTaker } from './training-step.js'

/**
 * The training step over a recorded graph (`compiled: true`): the step's graph is recorded
 * once per batch size with `compileGraph` ({@link stepRecorder}), the batch's features and labels as its inputs; each
 * step writes its batch into those inputs and replays forward and backward over flat arrays.
 *
 * Between `pullParameters` and `pushParameters` the parameters' numbers live in flat arrays: the
 * optimizer's parameters first, in its order, so that its `stepArrays` updates them in place, then
 * the model's other parameters, which it does not train. Where they live depends on the graph:
 *
 * - A float64 graph whose parameters are exactly those, in that order (an MLP trained whole: the
 *   usual case) holds them itself: the optimizer steps its `parameterData` from its
 *   `parameterGrad`, and nothing is copied while the same graph keeps running.
 * - Otherwise (a loss that leaves parameters out, a float32 graph) they live in `data` and `grad`,
 *   shared by the recorded graphs: a step copies `data` into its graph (rounded, for float32),
 *   replays it, copies the gradients back (0 for parameters the loss does not reach, as a dynamic
 *   step leaves them) and steps the optimizer there, in float64.
 *
 * When another graph runs (a smaller last batch has its own) the numbers move to it. Between
 * steps the parameter Values are held (`holdValues`): they are read when a step starts after
 * someone touched them, and written, from wherever the numbers live, when someone touches them.
 * Accuracy is read from the graph's observed scores. Nothing is allocated per step.
 */
export function compiledStep(context: StepContext): StepTaker {
  const { parameters, loss, optimizer } = context
  const trained = new Set(optimizer.parameters)
  const order = [
    ...optimizer.parameters,
    ...parameters.filter((parameter) => !trained.has(parameter)),
  ]
  const trainedCount = optimizer.parameters.length
  const data = new Float64Array(order.length)
  const grad = new Float64Array(order.length)
  const trainedData = data.subarray(0, trainedCount)
  const trainedGrad = grad.subarray(0, trainedCount)
  // The graph whose own arrays hold the current numbers, or undefined when `data` and `grad` do.
  let holder: RecordedStep | undefined
  // Whether a step has changed the numbers since the Values were last made current.
  let stepped = false
  /** Moves the current numbers out of the holding graph, into `data` and `grad`. */
  const release = () => {
    if (holder === undefined) return
    data.set(holder.graph.parameterData)
    grad.set(holder.graph.parameterGrad)
    holder = undefined
  }
  // The Values are read into, and written from, wherever the numbers live: the holding graph's
  // arrays stay in place from one call of the trainer to the next. Between steps the Values are
  // held (holdValues): nothing is copied until someone reads or writes one of them, so a loop of
  // step() calls that does not look at the model pays nothing for keeping it current.
  let hold: ValueHold | undefined
  const handBack = () => {
    if (!stepped) return
    const numbers = holder === undefined ? data : holder.graph.parameterData
    const gradients = holder === undefined ? grad : holder.graph.parameterGrad
    for (let index = 0; index < order.length; index++) {
      const parameter = order[index]!
      parameter.data = numbers[index]!
      parameter.grad = gradients[index]!
    }
    stepped = false
  }
  /** Reads the Values (the caller may have changed them) unless they are still held since. */
  const pullParameters = () => {
    if (hold !== undefined && !hold.released) return
    const into = holder === undefined ? data : holder.graph.parameterData
    for (let index = 0; index < order.length; index++) into[index] = order[index]!.data
    hold = holdValues(order, handBack)
  }
  const handBackNow = () => hold?.release()
  const recordingFor = stepRecorder(context, order, handBackNow)
  /** Each graph's {@link GraphLayout}, worked out once. */
  const layouts = new Map<RecordedStep, GraphLayout>()
  const layoutOf = (recorded: RecordedStep) => {
    let layout = layouts.get(recorded)
    if (layout !== undefined) return layout
    const { graph, parameterIndex } = recorded
    const { parameterData, parameterGrad } = graph
    const inOrder =
      parameterIndex.length === order.length &&
      parameterIndex.every((index, slot) => index === slot)
    const own =
      inOrder && parameterData instanceof Float64Array && parameterGrad instanceof Float64Array
        ? {
            data: parameterData.subarray(0, trainedCount),
            grad: parameterGrad.subarray(0, trainedCount),
          }
        : undefined
    layout = { inOrder, own }
    layouts.set(recorded, layout)
    return layout
  }
  let batch: readonly number[] = []
  const labelOf = (sample: number) => loss.labels[batch[sample]!]!
  const result: StepResult = { loss: 0, dataLoss: 0, accuracy: 0 }
  return {
    take: (indices) => {
      const recorded = recordingFor(indices)
      // Recording a graph runs the model, which reads the Values and so takes them back.
      pullParameters()
      const { graph, parameterIndex, penalised, scoreOffset, outputCount, load } = recorded
      const { parameterData, parameterGrad, observedData } = graph
      const { inOrder, own } = layoutOf(recorded)
      if (holder !== recorded) {
        release()
        if (own) {
          parameterData.set(data)
          holder = recorded
        }
      }
      load(indices)
      // A float32 graph in the run's order takes the numbers by a typed-array copy, rounding each.
      if (!own && inOrder) parameterData.set(data)
      else if (!own)
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
      // A backward pass that fails halfway leaves its gradients, as a dynamic step leaves them.
      stepped = true
      graph.zeroGrad()
      graph.backward()
      if (own) {
        optimizer.stepArrays(own.data, own.grad)
        return result
      }
      if (inOrder) grad.set(parameterGrad)
      else {
        grad.fill(0)
        for (let slot = 0; slot < parameterIndex.length; slot++)
          grad[parameterIndex[slot]!] = parameterGrad[slot]!
      }
      optimizer.stepArrays(trainedData, trainedGrad)
      return result
    },
    letGo: handBackNow,
  }
}

/** How a recorded graph's parameters line up with the run's order of parameters. */
interface GraphLayout {
  /** Whether the graph's parameters are the run's, in its order. */
  readonly inOrder: boolean
  /**
   * For a graph that can hold the numbers itself (float64 and in order), the optimizer's part of
   * its arrays; undefined for the others.
   */
  readonly own: { readonly data: Float64Array; readonly grad: Float64Array } | undefined
}
