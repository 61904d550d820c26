import {
  type CompiledGraph,
  type CompileGraphOptions,
  type CompileGraphSamples,
  compileGraph,
  EngineError,
  type FloatArray,
  noGrad,
  topologicalSort,
  UnreachableValueError,
  Value,
} from '@mg/engine'
import { InvalidOptionError } from './errors.js'
import { lossNames } from './losses.js'
import type { StepContext } from './training-setup.js'
import { forwardAndLoss, lossOfOutputs } from './training-step.js'

/** A batch's forward pass and loss: the graph a training step backpropagates. */
export interface BatchGraph {
  /** The model's outputs, one row per sample. */
  outputs: Value[][]
  /** The loss without the L2 penalty. */
  dataLoss: Value
  /** The minimised loss: the data loss plus the L2 penalty. */
  total: Value
}

/** A training step's graph, recorded once for one batch size. */
export interface RecordedStep {
  graph: CompiledGraph<FloatArray>
  /**
   * For each of the graph's parameter slots, the index of its parameter in the run's parameter
   * order; parameters the loss does not reach have no slot.
   */
  parameterIndex: Int32Array
  /** Whether an L2 penalty is added, so that `observedData[0]` is the data loss. */
  penalised: boolean
  /** Where the model's outputs start in `observedData`: one row of `outputCount` per sample. */
  scoreOffset: number
  /** The model's outputs per sample. */
  outputCount: number
  /**
   * Writes the features and labels of the samples at `indices` into the graph's inputs, unless
   * they hold those samples already.
   */
  load(indices: readonly number[]): void
}

/** Every sample's input numbers, one row of `width` each: its features, then its label inputs. */
interface SampleTable {
  numbers: Float64Array
  width: number
  featureCount: number
  outputCount: number
}

/**
 * For each batch, the step's graph recorded for its size, on the first batch of that size, with
 * `Value`s holding the batch's features and labels as the graph's inputs, after `beforeRecording`
 * (the model's code runs then, so its parameters must hold their numbers). `parameterOrder` lists
 * the context's parameters in the order the caller keeps their numbers.
 */
export function stepRecorder(
  context: StepContext,
  parameterOrder: readonly Value[],
  beforeRecording: () => void,
): (indices: readonly number[]) => RecordedStep {
  const recordings = new Map<number, RecordedStep>()
  const orderIndex = new Map(parameterOrder.map((parameter, index) => [parameter, index]))
  let table: SampleTable | undefined
  return (indices) => {
    let recorded = recordings.get(indices.length)
    if (recorded === undefined) {
      beforeRecording()
      table ??= sampleTable(context)
      recorded = record(context, table, indices, orderIndex)
      recordings.set(indices.length, recorded)
    }
    return recorded
  }
}

/**
 * Builds and compiles one batch's step. With a named loss, whose labels are inputs, the model's
 * forward pass is built for the first sample only and replayed for every sample (compileGraph's
 * `samples`): a 256-wide MLP on 100 samples is then 130 thousand edges to build and record, not 13
 * million. A loss function gets every sample's outputs as they are, so its graph is built whole.
 */
function record(
  context: StepContext,
  table: SampleTable,
  indices: readonly number[],
  orderIndex: ReadonlyMap<Value, number>,
): RecordedStep {
  const { parameters, data, loss, l2Alpha } = context
  const { numbers, width, featureCount, outputCount } = table
  const { labelInputs } = loss
  if (labelInputs === undefined && indices.length < data.X.length)
    throw new InvalidOptionError(
      'batchSize',
      indices.length,
      'full batches (no batchSize) for compiled: true with a loss function',
      'A loss function takes the labels as numbers, which the compiled graph would keep from the ' +
        `first batch. Use a named loss (${lossNames.map((name) => `'${name}'`).join(', ')}), ` +
        'full batches, or compiled: false.',
    )
  const rows = indices.map((index) =>
    Array.from(numbers.subarray(index * width, (index + 1) * width), (number) => new Value(number)),
  )
  const features = rows.map((row) => row.slice(0, featureCount))
  let graphOf: BatchGraph
  let samples: CompileGraphSamples | undefined
  if (labelInputs) {
    const first = context.model.forward(features[0]!)
    // Leaves that stand for the other samples' outputs: the loss is built from them.
    const outputs = features.map((_, sample) =>
      sample === 0 ? first : first.map(() => new Value(0)),
    )
    samples = { inputs: features, outputs }
    graphOf = lossOfOutputs(context, outputs, (outputs) =>
      labelInputs.compute(
        outputs,
        rows.map((row) => row.slice(featureCount)),
      ),
    )
  } else
    graphOf = forwardAndLoss(context, features, (outputs) =>
      loss.compute(
        outputs,
        indices.map((index) => loss.labels[index]!),
      ),
    )
  const { outputs, dataLoss, total } = graphOf
  const penalised = l2Alpha > 0
  const options = (leaves: DeclaredLeaves): CompileGraphOptions => ({
    output: total,
    parameters: leaves.parameters,
    inputs: leaves.inputs,
    observed: [...(penalised ? [dataLoss] : []), ...outputs.flat()],
    precision: context.precision,
    // A step reads the parameters' gradients only.
    inputGradients: false,
    ...(samples && { samples }),
  })
  // compileGraph refuses a declared leaf the loss does not reach, and a model may well ignore a
  // feature or a parameter. Most reach them all: declare everything, and only when compileGraph
  // finds one unreached walk the graph to leave such leaves out (the samples' features stay: the
  // graph of the first sample only cannot reach the others').
  const featuresOnly = samples && featureCount
  let leaves = declaredLeaves(rows, parameters)
  let graph = compile(options(leaves), 'unless-unreached')
  if (graph === undefined) {
    leaves = declaredLeaves(rows, parameters, new Set(topologicalSort(total)), featuresOnly)
    graph = compile(options(leaves))
  }
  const { inputSample, inputColumn, parameters: graphParameters } = leaves
  const { inputData } = graph
  // The sample each batch row's inputs hold: a full-batch run loads its inputs once, as nothing
  // else writes them.
  const loaded = new Int32Array(indices.length).fill(-1)
  return {
    graph,
    parameterIndex: Int32Array.from(graphParameters, (parameter) => orderIndex.get(parameter)!),
    penalised,
    scoreOffset: penalised ? 1 : 0,
    outputCount,
    load: (batch) => {
      let row = 0
      while (row < batch.length && loaded[row] === batch[row]) row++
      if (row === batch.length) return
      for (let input = 0; input < inputData.length; input++)
        inputData[input] = numbers[batch[inputSample[input]!]! * width + inputColumn[input]!]!
      loaded.set(batch)
    },
  }
}

/** Lays out every sample's features and label inputs, checking them once for the whole run. */
function sampleTable(context: StepContext): SampleTable {
  const { model, data, loss } = context
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
  const labelRows = loss.labelInputs?.encode(loss.labels, outputCount)
  const width = featureCount + (labelRows?.[0]?.length ?? 0)
  const numbers = new Float64Array(data.X.length * width)
  data.X.forEach((row, index) => {
    numbers.set(row, index * width)
    if (labelRows) numbers.set(labelRows[index]!, index * width + featureCount)
  })
  return { numbers, width, featureCount, outputCount }
}

/**
 * compileGraph, its refusal turned into an error about the `compiled` option; with
 * `'unless-unreached'`, `undefined` when it refuses a declared leaf the output does not reach.
 */
function compile(options: CompileGraphOptions): CompiledGraph<FloatArray>
function compile(
  options: CompileGraphOptions,
  unreached: 'unless-unreached',
): CompiledGraph<FloatArray> | undefined
function compile(
  options: CompileGraphOptions,
  unreached?: 'unless-unreached',
): CompiledGraph<FloatArray> | undefined {
  try {
    return compileGraph(options)
  } catch (error) {
    if (unreached !== undefined && error instanceof UnreachableValueError) return undefined
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

/** The leaves a step's graph declares: its inputs, with the row and column each holds, and parameters. */
interface DeclaredLeaves {
  inputs: Value[]
  inputSample: number[]
  inputColumn: number[]
  parameters: Value[]
}

/**
 * Every input of `rows` and every parameter, or only those in `reached` (but always a row's first
 * `keptColumns` inputs).
 */
function declaredLeaves(
  rows: readonly (readonly Value[])[],
  parameters: readonly Value[],
  reached?: ReadonlySet<Value>,
  keptColumns = 0,
): DeclaredLeaves {
  const leaves: DeclaredLeaves = { inputs: [], inputSample: [], inputColumn: [], parameters: [] }
  rows.forEach((row, sample) => {
    row.forEach((value, column) => {
      if (reached !== undefined && column >= keptColumns && !reached.has(value)) return
      leaves.inputs.push(value)
      leaves.inputSample.push(sample)
      leaves.inputColumn.push(column)
    })
  })
  leaves.parameters = parameters.filter((parameter) => reached?.has(parameter) ?? true)
  return leaves
}
