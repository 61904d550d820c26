import { checkOptionsObject } from '@mg/common'
import { checkValues } from '../check-values.js'
import { InvalidOptionError, LengthMismatchError } from '../errors.js'
import { Value } from '../value.js'
import { buildTape } from './build-tape.js'
import { CompiledGraph } from './compiled-graph.js'
import type { CompileGraphSamples } from './record-graph.js'
import type { Precision } from './simd/precision.js'
import { simdAvailable } from './simd/wasm-kernels.js'
import type { FloatArray } from './tape.js'

/** What to record: the output and the leaves that may change between replays. */
export interface CompileGraphOptions {
  /** The scalar to compute and differentiate, e.g. a training loss. */
  output: Value
  /** Trainable leaves: replay reads their data from `parameterData` and fills `parameterGrad`. */
  parameters?: readonly Value[]
  /** Leaves whose data changes between replays (samples, labels): written through `inputData`. */
  inputs?: readonly Value[]
  /** Other nodes of the graph to read after each `forward()`, e.g. a model's scores. */
  observed?: readonly Value[]
  /**
   * The numbers' type. `'float64'` (the default) gives the `Value` API's numbers; `'float32'`
   * halves the memory and doubles the SIMD lanes, with about 7 significant digits: the arrays are
   * then `Float32Array`s and every result is rounded to float32.
   */
  precision?: Precision
  /**
   * Run the layers a batch's samples share as matrix products on a WebAssembly SIMD kernel, where
   * the runtime has it (Node, Deno, Bun and current browsers do). Default `true`; `false` keeps
   * to the scalar JavaScript replay. Either way float64 values are the `Value` API's to the bit;
   * gradients that several samples add into may differ in the last bits (about 1e-16 relative).
   */
  simd?: boolean
  /**
   * The samples of a batch, when each runs the same computation (a model's forward pass): the
   * graph is then built and recorded for the first sample only and replayed for all of them, so
   * compiling a batch of 100 costs about what one sample costs. `inputs[s]` are sample `s`'s input
   * leaves, each also listed in `inputs` above (which sets their place in `inputData`).
   * `outputs[0]` are the values computed from `inputs[0]`, the parameters, constants and declared
   * inputs outside `samples` (which every sample then shares); for every other sample, `outputs[s]`
   * are new leaves that stand for the same computation of `inputs[s]`: build the rest of the graph
   * (the loss over the batch) from them, and observe them like any other value. A `Value` may sit
   * in several rows (a constant feature). A sample whose computation branches on `.data` runs the
   * first sample's branch.
   */
  samples?: CompileGraphSamples
  /**
   * Whether `backward()` computes the inputs' gradients (`inputGrad`). Default `true`; `false`
   * leaves `inputGrad` at 0 and spares the work, such as a batch's first layer's `G·W`, for a
   * training step that reads only the parameters' gradients.
   */
  inputGradients?: boolean
}

/** {@link CompileGraphOptions} for a float32 graph, whose arrays are `Float32Array`s. */
export interface CompileGraphFloat32Options extends CompileGraphOptions {
  /** `'float32'`: every number of the graph is rounded to float32. */
  precision: 'float32'
}

/**
 * Records the graph that computes `output` once and returns a {@link CompiledGraph} that replays it
 * over flat arrays, with the same numbers as the `Value` API and none of its per-step allocation.
 *
 * Every leaf that is not declared as a parameter or an input is a constant baked in at record time,
 * and so is every branch taken in plain JavaScript while building the graph: code that inspects
 * `.data` to decide what to compute records one path only. Data-dependent ops (`relu`'s mask, the
 * sign tests in `pow`) are recorded as ops and stay exact.
 *
 * @throws {@link InvalidOptionError} if `options` is not an object, names an option this function
 * does not take ({@link UnknownOptionError}), `output` is not a `Value`, or `parameters`, `inputs`
 * or `observed` is not an array of `Value`s.
 * @throws {@link UnreachableValueError} if the output does not depend on a declared value.
 * @throws {@link NotALeafError} if a declared parameter or input was computed by an op.
 * @throws {@link DuplicateDeclarationError} if a `Value` is declared twice.
 * @example
 * ```ts
 * import { compileGraph, Value } from '@mg/engine'
 * const x = new Value(0, { label: 'x' })
 * const w = new Value(0.5, { label: 'w' })
 * const graph = compileGraph({ output: x.mul(w).tanh(), parameters: [w], inputs: [x] })
 * graph.setInputs([2])
 * graph.forward() // tanh(1)
 * graph.backward()
 * graph.parameterGrad[0] // 2 * (1 - tanh(1) ** 2)
 * ```
 */
export function compileGraph(options: CompileGraphFloat32Options): CompiledGraph<Float32Array>
export function compileGraph(
  options: CompileGraphOptions & { precision?: 'float64' },
): CompiledGraph<Float64Array>
export function compileGraph(options: CompileGraphOptions): CompiledGraph<FloatArray>
export function compileGraph(options: CompileGraphOptions): CompiledGraph<FloatArray> {
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new InvalidOptionError(
      'options',
      options,
      'an object { output, parameters, inputs }',
      '',
      {
        functionName: 'compileGraph',
      },
    )
  checkOptionsObject(options, 'compileGraph', [
    'output',
    'parameters',
    'inputs',
    'observed',
    'precision',
    'simd',
    'samples',
    'inputGradients',
  ])
  const { output } = options
  if (!(output instanceof Value))
    throw new InvalidOptionError(
      'output',
      output,
      'a Value: the scalar to compute and differentiate, such as a loss',
      '',
      { functionName: 'compileGraph' },
    )
  const parameters = valueList('parameters', options.parameters)
  const inputs = valueList('inputs', options.inputs)
  const observed = valueList('observed', options.observed)
  const precision = options.precision ?? 'float64'
  if (precision !== 'float64' && precision !== 'float32')
    throw new InvalidOptionError('precision', precision, "'float64' or 'float32'", '', {
      functionName: 'compileGraph',
    })
  const simd = options.simd ?? true
  if (typeof simd !== 'boolean')
    throw new InvalidOptionError('simd', simd, 'true or false', '', {
      functionName: 'compileGraph',
    })
  const inputGradients = options.inputGradients ?? true
  if (typeof inputGradients !== 'boolean')
    throw new InvalidOptionError('inputGradients', inputGradients, 'true or false', '', {
      functionName: 'compileGraph',
    })
  const samples = sampleDeclaration(options.samples)
  const batch = simd && simdAvailable()
  const tape = buildTape({ output, parameters, inputs, observed, samples }, batch, inputGradients)
  return new CompiledGraph(tape, [...parameters], [...inputs], { precision, simd: batch })
}

/** The `samples` option, checked to be rows of `Value`s of one width per list, one row per sample. */
function sampleDeclaration(
  samples: CompileGraphSamples | undefined,
): CompileGraphSamples | undefined {
  if (samples === undefined) return undefined
  if (typeof samples !== 'object' || samples === null || Array.isArray(samples))
    throw new InvalidOptionError(
      'samples',
      samples,
      'an object { inputs, outputs }: one row of Values per sample in each',
      '',
      { functionName: 'compileGraph' },
    )
  checkOptionsObject(samples, 'compileGraph samples', ['inputs', 'outputs'])
  const inputs = sampleRows('samples.inputs', samples.inputs)
  const outputs = sampleRows('samples.outputs', samples.outputs)
  if (inputs.length !== outputs.length)
    throw new LengthMismatchError(
      'compileGraph: samples.inputs and samples.outputs (one row per sample)',
      inputs.length,
      outputs.length,
    )
  return { inputs, outputs }
}

/** A list of rows of `Value`s, at least one, all as long as the first. */
function sampleRows(
  role: string,
  rows: readonly (readonly Value[])[] | undefined,
): readonly (readonly Value[])[] {
  if (!Array.isArray(rows) || rows.length === 0)
    throw new InvalidOptionError(role, rows, 'an array with one array of Values per sample', '', {
      functionName: 'compileGraph',
    })
  rows.forEach((row: unknown, index) => {
    checkValues(`${role}[${index}]`, row, 'compileGraph')
    if ((row as readonly Value[]).length !== rows[0]!.length)
      throw new LengthMismatchError(
        `compileGraph: ${role}[0] and ${role}[${index}] (every sample has as many)`,
        rows[0]!.length,
        (row as readonly Value[]).length,
      )
  })
  return rows
}

/** A declared list, checked to be an array of `Value`s; none is an empty list. */
function valueList(role: string, list: readonly Value[] | undefined): readonly Value[] {
  return list === undefined ? [] : checkValues(role, list, 'compileGraph')
}
