import {
  type CompiledGraph,
  type CompileGraphOptions,
  compileGraph,
  EngineError,
  noGrad,
  topologicalSort,
  Value,
} from '@mg/engine'
import { InvalidOptionError } from './errors.js'
import { l2Penalty } from './l2-penalty.js'
import type { StepContext, StepResult } from './training-step.js'

/** Every sample's input numbers, one row of `width` each: its features, then its label inputs. */
interface SampleTable {
  numbers: Float64Array
  width: number
  featureCount: number
  outputCount: number
}

/** A training step's graph, recorded once for one batch size. */
interface RecordedStep {
  graph: CompiledGraph
  /** For each declared input, the position of its sample in the batch… */
  inputSample: Int32Array
  /** …and its column in that sample's row of the {@link SampleTable}. */
  inputColumn: Int32Array
  /** Parameters the loss does not reach; the dynamic step leaves their gradient at 0. */
  unreached: Value[]
  /** Whether an L2 penalty is added, so that `observedData[0]` is the data loss. */
  penalised: boolean
}

/**
 * The training step of `train(…, { compiled: true })`: the same step as {@link trainingStep}, but
 * its graph is recorded once per batch size with `compileGraph` and replayed on each batch, whose
 * features and labels are written into the graph's inputs.
 */
export function compiledTrainingStep(
  context: StepContext,
): (indices: readonly number[]) => StepResult {
  const graphs = new Map<number, RecordedStep>()
  let table: SampleTable | undefined
  return (indices) => {
    table ??= sampleTable(context)
    let recorded = graphs.get(indices.length)
    if (recorded === undefined) {
      recorded = record(context, table, indices)
      graphs.set(indices.length, recorded)
    }
    return replay(context, table, recorded, indices)
  }
}

function replay(
  context: StepContext,
  table: SampleTable,
  recorded: RecordedStep,
  indices: readonly number[],
): StepResult {
  const { graph, inputSample, inputColumn, unreached, penalised } = recorded
  const { numbers, width, outputCount } = table
  const inputData = graph.inputData
  for (let input = 0; input < inputData.length; input++)
    inputData[input] = numbers[indices[inputSample[input]!]! * width + inputColumn[input]!]!
  // The parameter Values are the truth: the graph of another batch size, or the caller between
  // two runs, may have moved them since this graph last ran.
  graph.pullParameters()
  const loss = graph.forward()
  const observed = graph.observedData
  let at = penalised ? 1 : 0
  const scores: number[][] = new Array(indices.length)
  for (let sample = 0; sample < indices.length; sample++) {
    const row: number[] = new Array(outputCount)
    for (let output = 0; output < outputCount; output++) row[output] = observed[at++]!
    scores[sample] = row
  }
  const accuracy = context.loss.accuracy(
    scores,
    indices.map((index) => context.labels[index]!),
  )
  graph.backward()
  graph.pushParameters()
  for (const parameter of unreached) parameter.grad = 0
  context.optimizer.step()
  return { loss, dataLoss: penalised ? observed[0]! : loss, accuracy }
}

/** Records the step for a batch the size of `indices`, with input `Value`s holding its numbers. */
function record(
  context: StepContext,
  table: SampleTable,
  indices: readonly number[],
): RecordedStep {
  const { model, parameters, data, labels, loss, l2Alpha } = context
  const { numbers, width, featureCount } = table
  if (loss.labelInputs === undefined && indices.length < data.X.length)
    throw new InvalidOptionError(
      'batchSize',
      indices.length,
      'full batches (no batchSize) for compiled: true with a loss function',
      'A loss function takes the labels as numbers, which the compiled graph would keep from the ' +
        "first batch. Use a named loss ('hinge', 'mse', 'bce', 'softmax-cross-entropy'), full " +
        'batches, or compiled: false.',
    )
  const rows = indices.map((index) =>
    Array.from(numbers.subarray(index * width, (index + 1) * width), (number) => new Value(number)),
  )
  const outputs = rows.map((row) => model.forward(row.slice(0, featureCount)))
  const dataLoss = loss.labelInputs
    ? loss.labelInputs.compute(
        outputs,
        rows.map((row) => row.slice(featureCount)),
      )
    : loss.compute(
        outputs,
        indices.map((index) => labels[index]!),
      )
  const penalised = l2Alpha > 0
  const total = penalised ? dataLoss.add(l2Penalty(parameters, l2Alpha)) : dataLoss
  // Declare only the leaves the loss reaches: compileGraph refuses the others, and a model may
  // well ignore a feature.
  const reached = new Set(topologicalSort(total))
  const inputs: Value[] = []
  const inputSample: number[] = []
  const inputColumn: number[] = []
  rows.forEach((row, sample) => {
    row.forEach((value, column) => {
      if (!reached.has(value)) return
      inputs.push(value)
      inputSample.push(sample)
      inputColumn.push(column)
    })
  })
  const graph = compile({
    output: total,
    parameters: parameters.filter((parameter) => reached.has(parameter)),
    inputs,
    observed: [...(penalised ? [dataLoss] : []), ...outputs.flat()],
  })
  return {
    graph,
    inputSample: Int32Array.from(inputSample),
    inputColumn: Int32Array.from(inputColumn),
    unreached: parameters.filter((parameter) => !reached.has(parameter)),
    penalised,
  }
}

/** Lays out every sample's features and label inputs, checking them once for the whole run. */
function sampleTable(context: StepContext): SampleTable {
  const { model, data, labels, loss } = context
  const featureCount = data.X[0]!.length
  const outputCount = noGrad(() => model.forward(data.X[0]!).length)
  data.X.forEach((row, index) => {
    if (row.length === featureCount) return
    noGrad(() => model.forward(row)) // the model's own error for an input of the wrong size
    throw new InvalidOptionError(
      `data.X[${index}]`,
      row,
      `${featureCount} features, as data.X[0] has`,
      'A compiled step is recorded for one input size.',
    )
  })
  const labelRows = loss.labelInputs?.encode(labels, outputCount)
  const width = featureCount + (labelRows?.[0]?.length ?? 0)
  const numbers = new Float64Array(data.X.length * width)
  data.X.forEach((row, index) => {
    numbers.set(row, index * width)
    if (labelRows) numbers.set(labelRows[index]!, index * width + featureCount)
  })
  return { numbers, width, featureCount, outputCount }
}

/** compileGraph, its refusal turned into an error about the `compiled` option. */
function compile(options: CompileGraphOptions): CompiledGraph {
  try {
    return compileGraph(options)
  } catch (error) {
    if (!(error instanceof EngineError)) throw error
    throw new InvalidOptionError(
      'compiled',
      true,
      'a model and loss whose step compileGraph can record',
      `It refused this one: ${error.message} Train with compiled: false instead.`,
      { cause: error },
    )
  }
}
