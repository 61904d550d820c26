import { allFinite } from '@mg/common'
import { NonFiniteGradientError } from '../errors.js'
import type { Value } from '../value.js'
import { backwardFailure, forwardFailure } from './diagnose.js'
import { checkInputData, checkTape, nonFiniteLeaf } from './leaf-checks.js'
import { replayBackward, replayForward } from './replay.js'
import { allocateGraphMemory, type GraphMemory } from './simd/graph-memory.js'
import type { Precision } from './simd/precision.js'
import type { FloatArray, Tape } from './tape.js'

/** How a tape is replayed: chosen by `compileGraph`'s options. */
interface ReplaySettings {
  readonly precision: Precision
  /** Whether the tape's batched layers run on the WebAssembly SIMD matrix kernel. */
  readonly simd: boolean
}

/**
 * A graph recorded once by {@link compileGraph} and replayed over flat `Float64Array`s: the same
 * numbers as the `Value` API, with no allocation per step.
 *
 * Parameters, inputs and observed values are exposed as arrays that view the graph's own memory:
 * the same `Float64Array` objects are reused on every step, so write new input data into
 * {@link CompiledGraph.inputData} (or use {@link CompiledGraph.setInputs}) and read gradients from
 * {@link CompiledGraph.parameterGrad} without copying.
 *
 * @example
 * ```ts
 * import { compileGraph, Value } from '@mg/engine'
 * const w = new Value(0.5)
 * const loss = w.sub(3).pow(2) // least at w = 3
 * const graph = compileGraph({ output: loss, parameters: [w] })
 * for (let step = 0; step < 100; step++) {
 *   graph.forward()
 *   graph.zeroGrad()
 *   graph.backward()
 *   for (let i = 0; i < graph.parameterData.length; i++)
 *     graph.parameterData[i]! -= 0.05 * graph.parameterGrad[i]!
 * }
 * graph.pushParameters() // write the trained numbers back into the Values: w.data is now about 3
 * ```
 */
export class CompiledGraph<Data extends FloatArray = Float64Array> {
  /** The parameters, in the order given to `compileGraph`. */
  readonly parameters: readonly Value[]
  /** The inputs, in the order given to `compileGraph`. */
  readonly inputs: readonly Value[]
  /**
   * Number of nodes in the recorded graph (before fusion); with `samples`, every sample's copy of
   * the first sample's computation counts.
   */
  readonly nodeCount: number
  /** The numbers' type: `'float64'` (the default, the `Value` API's numbers) or `'float32'`. */
  readonly precision: Precision
  /**
   * Whether the replay runs on the WebAssembly kernels: `true` when `compileGraph`'s `simd` option
   * allowed it, the runtime has WebAssembly SIMD, and the graph has work for them — a layer that
   * several samples run alike (as matrix products), or an op repeated many times alike.
   */
  readonly simd: boolean
  /** Parameter data, one slot per parameter; the next `forward()` reads it. */
  readonly parameterData: Data
  /** Gradient of the output with respect to each parameter, added to by every `backward()`. */
  readonly parameterGrad: Data
  /** Input data, one slot per input; write the next sample or batch here. */
  readonly inputData: Data
  /**
   * Gradient of the output with respect to each input, added to by every `backward()` (left at 0
   * when compiled with `inputGradients: false`).
   */
  readonly inputGrad: Data
  /** Values of the observed nodes after the last `forward()`, in the order given. */
  readonly observedData: Data
  private readonly tape: Tape
  /** Every slot's value, gradient and activation input, in the kernel's memory when it runs. */
  private readonly memory: GraphMemory
  private readonly values: Data
  private readonly grads: Data
  /** Where replay reports the repetition of a failing record. */
  private readonly failure = new Int32Array(1)

  /** @internal Use {@link compileGraph}. */
  constructor(
    tape: Tape,
    parameters: readonly Value[],
    inputs: readonly Value[],
    settings: ReplaySettings = { precision: 'float64', simd: false },
  ) {
    checkTape(tape, parameters, inputs)
    this.tape = tape
    this.parameters = parameters
    this.inputs = inputs
    this.nodeCount = tape.nodeCount
    this.precision = settings.precision
    this.memory = allocateGraphMemory(
      tape.records,
      tape.slotCount,
      settings.precision,
      settings.simd,
    )
    this.simd = this.memory.wasm !== undefined
    this.values = this.memory.values as Data
    this.values.set(tape.values)
    this.grads = this.memory.grads as Data
    const parameterEnd = tape.parameterCount
    const inputEnd = parameterEnd + tape.inputCount
    this.parameterData = this.values.subarray(0, parameterEnd) as Data
    this.parameterGrad = this.grads.subarray(0, parameterEnd) as Data
    this.inputData = this.values.subarray(parameterEnd, inputEnd) as Data
    this.inputGrad = this.grads.subarray(parameterEnd, inputEnd) as Data
    this.observedData = new (this.values.constructor as new (length: number) => Data)(
      tape.observedSlots.length,
    )
  }

  /**
   * The output's value after the last `forward()` (its recorded value before the first: with
   * `samples`, as computed from the stand-ins' data).
   */
  get value(): number {
    return this.values[this.tape.outputSlot]!
  }

  /**
   * Computes every node from the current parameter and input data and returns the output.
   *
   * @throws {@link InvalidOperandError} naming the slot if a parameter or input is not finite.
   * @throws {@link NonFiniteResultError} naming the op, as the `Value` API would, if a result is not finite.
   */
  forward(): number {
    const { records, operands, observedSlots, parameterCount, inputCount } = this.tape
    // Ops such as tanh, sigmoid, relu and exp turn ±Infinity into finite results, so the output
    // alone cannot show a bad leaf: check the parameters and inputs in one pass.
    if (!allFinite(this.values, parameterCount + inputCount))
      throw nonFiniteLeaf(this.values, this.parameters, this.inputs)
    const failed = replayForward(records, operands, this.memory, this.failure)
    if (failed >= 0) throw forwardFailure(this.tape, this.memory, failed, this.failure[0]!)
    for (let index = 0; index < observedSlots.length; index++)
      this.observedData[index] = this.values[observedSlots[index]!]!
    return this.value
  }

  /**
   * Computes the gradient of the output with respect to every parameter and input, from the values
   * of the last `forward()`, and adds it into {@link CompiledGraph.parameterGrad} and
   * {@link CompiledGraph.inputGrad}: leaves accumulate, exactly as `Value.backward()` accumulates
   * into leaf `grad`s. Call {@link CompiledGraph.zeroGrad} before each training step's backward,
   * as you would call `zeroGrad` on the parameter `Value`s.
   *
   * @throws {@link NonFiniteGradientError} if a gradient overflows or becomes NaN.
   */
  backward(): void {
    const { records, operands, outputSlot, parameterCount, inputCount } = this.tape
    const grads = this.grads
    const leafEnd = parameterCount + inputCount
    // Intermediate gradients belong to this call alone; leaf gradients are the caller's to reset.
    grads.fill(0, leafEnd)
    if (outputSlot < leafEnd) grads[outputSlot]! += 1
    else grads[outputSlot] = 1
    const failed = replayBackward(records, operands, this.memory, this.failure)
    if (failed >= 0) throw backwardFailure(this.tape, this.memory, failed, this.failure[0]!)
    // Without input gradients, what a record still added into an input (a one-input op's, a
    // neuron's bias) is dropped, so that inputGrad stays 0 and nobody is told about it.
    const checkedEnd = this.tape.inputGradients ? leafEnd : parameterCount
    if (checkedEnd < leafEnd) grads.fill(0, checkedEnd, leafEnd)
    if (allFinite(grads, checkedEnd)) return
    for (let slot = 0; slot < checkedEnd; slot++) {
      const grad = grads[slot]!
      if (grad - grad !== 0) {
        const leaf =
          slot < parameterCount ? this.parameters[slot] : this.inputs[slot - parameterCount]
        throw new NonFiniteGradientError('', leaf?.label ?? '', grad)
      }
    }
  }

  /** Sets every parameter and input gradient to 0, ready for the next `backward()` to add into. */
  zeroGrad(): void {
    this.grads.fill(0, 0, this.tape.parameterCount + this.tape.inputCount)
  }

  /**
   * Copies new input data into {@link CompiledGraph.inputData}, in the order the inputs were
   * declared. Every number is checked before any is written, so bad data leaves `inputData` as it was.
   *
   * @throws {@link InvalidOptionError} if `data` is not an array or typed array.
   * @throws {@link DataLengthError} if `data` does not hold one number per input.
   * @throws {@link InvalidOperandError} if a number is not finite.
   */
  setInputs(data: ArrayLike<number>): void {
    const target = this.inputData
    checkInputData(data, target.length, this.precision)
    for (let index = 0; index < target.length; index++) target[index] = data[index]!
  }

  /** Copies each parameter `Value`'s `data` into {@link CompiledGraph.parameterData}, e.g. after an optimizer stepped the `Value`s. */
  pullParameters(): void {
    const { parameters, parameterData } = this
    for (let index = 0; index < parameters.length; index++)
      parameterData[index] = parameters[index]!.data
  }

  /** Writes {@link CompiledGraph.parameterData} and {@link CompiledGraph.parameterGrad} back into the parameter `Value`s' `data` and `grad`. */
  pushParameters(): void {
    const { parameters, parameterData, parameterGrad } = this
    for (let index = 0; index < parameters.length; index++) {
      const parameter = parameters[index]!
      parameter.data = parameterData[index]!
      parameter.grad = parameterGrad[index]!
    }
  }
}
