import type { UnaryOp } from '../../ops.js'
import {
  A,
  A_ROW_STRIDE,
  ACTIVATION,
  B,
  B_STRIDE,
  BIAS,
  BIAS_STRIDE,
  FLAGS,
  type FloatArray,
  fusedActivation,
  LENGTH,
  NO_ACTIVATION,
  OUT,
  OUT_ROW_STRIDE,
  REPEAT,
  ROWS,
  W_GRAD,
  X_GRAD,
} from '../tape.js'
import { type GraphMemory, paddedWidth, rowsCollide, type WasmKernels } from './graph-memory.js'

/**
 * Runs the batched layer at `at` forward: `Z = X·Wᵀ + b` by the matrix kernel (its one-column form
 * for a layer of one neuron), straight into the layer's output slots, with the activation and the
 * finiteness checks of `dotForward` where the activation has a lane form (ReLU), or then for each
 * sample and neuron in order (tanh, sigmoid). The kernel adds each neuron's terms in the order of
 * the scalar loop, then the bias, then the activation, so the numbers are the same to the bit.
 * Returns the first repetition (`row · neurons + neuron`) that is not finite, or -1.
 */
export function batchedForward(records: Int32Array, at: number, memory: GraphMemory): number {
  const matrix = memory.wasm as WasmKernels
  const layer = layerAt(records, at)
  if (layer.neurons > 1) transposeWeights(matrix, memory.values, layer)
  const activation = fusedActivation(records, at)
  if (activation === undefined || inKernel(activation)) {
    const code = activation === undefined ? NO_ACTIVATION : records[at + ACTIVATION]!
    if (layerSums(matrix, layer, code) === 1) return -1
  } else if (
    layerSums(matrix, layer, NO_ACTIVATION) === 1 &&
    activateAll(activation, memory, layer)
  )
    return -1
  // Something is not finite: compute the sums again and find where, in order.
  layerSums(matrix, layer, NO_ACTIVATION)
  return firstFailure(activation, memory, layer)
}

/**
 * For a layer of several neurons, whose vectors in the kernel run across neurons: the weights
 * transposed (by the transpose kernel, a vector's lanes square at a time) and the biases side by
 * side, into the kernel's scratch.
 */
function transposeWeights(matrix: WasmKernels, values: FloatArray, layer: Layer): void {
  const { biases, bytes, valuesAt, weightsAt } = matrix
  const { length, neurons, w, wRow, bias, biasStep } = layer
  const width = paddedWidth(neurons, matrix.block, matrix.bytes)
  matrix.transpose(neurons, length, valuesAt + w * bytes, wRow, weightsAt, width)
  if (bias >= 0)
    for (let neuron = 0; neuron < neurons; neuron++)
      biases[neuron] = values[bias + neuron * biasStep]!
}

/**
 * The layer's sums through the activation of `code` (or none), into its output slots, by the
 * matrix kernel (from the weights {@link transposeWeights} prepared), or for a layer of one neuron
 * by its one-column form, which reads the weights in place with its vectors across samples.
 * Returns the kernel's 1 when every result is finite.
 */
function layerSums(matrix: WasmKernels, layer: Layer, code: number): number {
  const { bytes, valuesAt } = matrix
  const { length, neurons, rows, w, bias, a, aRow, out, outRow } = layer
  if (neurons === 1)
    return matrix.gemv(
      rows,
      length,
      valuesAt + a * bytes,
      aRow,
      valuesAt + w * bytes,
      valuesAt + out * bytes,
      outRow,
      bias >= 0 ? valuesAt + bias * bytes : -1,
      code,
    )
  return matrix.gemm(
    rows,
    neurons,
    length,
    valuesAt + a * bytes,
    aRow,
    1,
    matrix.weightsAt,
    paddedWidth(neurons, matrix.block, matrix.bytes),
    valuesAt + out * bytes,
    outRow,
    bias >= 0 ? matrix.biasesAt : -1,
    0,
    code,
  )
}

/**
 * Whether the kernel applies `activation` itself: it has a lane form, and its derivative needs
 * only the result, so that its input need not be kept.
 */
function inKernel(activation: UnaryOp): boolean {
  return activation.lanes?.forward !== undefined && !activation.derivativeReadsInput
}

/**
 * Applies `activation` to a batched layer's sums in place (keeping them where its derivative reads
 * them), and tells whether every result is finite. The check adds up `v - v`, which is 0 for a
 * finite `v` and NaN otherwise, so the loop does not branch on it.
 */
function activateAll(activation: UnaryOp, memory: GraphMemory, layer: Layer): boolean {
  const { values, preActivations } = memory
  const { out, outRow, rows, neurons } = layer
  let check = 0
  const { forward } = activation
  const keepInput = activation.derivativeReadsInput
  for (let row = 0, start = out; row < rows; row++, start += outRow)
    for (let slot = start, end = start + neurons; slot < end; slot++) {
      const sum = values[slot]!
      if (keepInput) preActivations[slot] = sum
      // Stored before it is checked, so that a float32 graph checks the rounded number.
      values[slot] = forward(sum)
      const result = values[slot]!
      check += result - result
    }
  return check === 0
}

/** The first repetition whose sum or activated result is not finite, activating up to there. */
function firstFailure(activation: UnaryOp | undefined, memory: GraphMemory, layer: Layer): number {
  const { values } = memory
  const { out, outRow, rows, neurons } = layer
  for (let row = 0, start = out; row < rows; row++, start += outRow) {
    for (let neuron = 0; neuron < neurons; neuron++) {
      const slot = start + neuron
      let result = values[slot]!
      if (result - result !== 0) return row * neurons + neuron
      if (activation === undefined) continue
      values[slot] = activation.forward(result)
      result = values[slot]!
      if (result - result !== 0) return row * neurons + neuron
    }
  }
  return -1
}

/**
 * Propagates the gradients of the batched layer at `at`: `G = ∂L/∂Z` (the output gradients times
 * the activation's derivative), then `∂L/∂b += Σ_rows G` and, by the matrix kernel adding straight
 * into the gradient slots, `∂L/∂W += Gᵀ·X` and `∂L/∂X += G·W`, each only where it is needed. The
 * weights' and biases' gradients add the samples in another order than the scalar replay, so they
 * may differ from it in the last bits. Returns the first repetition whose output gradient is not
 * finite, or -1.
 */
export function batchedBackward(records: Int32Array, at: number, memory: GraphMemory): number {
  const matrix = memory.wasm as WasmKernels
  const { biases: biasGrads, bytes, valuesAt, gradsAt } = matrix
  const { grads } = memory
  const layer = layerAt(records, at)
  const { length, neurons, rows, w, wRow, bias, biasStep, a, aRow, out, outRow } = layer
  const flags = records[at + FLAGS]!
  const width = paddedWidth(neurons, matrix.block, matrix.bytes)
  const activation = fusedActivation(records, at)
  if (activation === undefined || activation.lanes?.derivativeFromOutput !== undefined) {
    const finite = matrix.gradient(
      rows,
      neurons,
      gradsAt + out * bytes,
      valuesAt + out * bytes,
      outRow,
      activation === undefined ? NO_ACTIVATION : records[at + ACTIVATION]!,
      matrix.sumsAt,
      width,
      matrix.biasesAt,
    )
    if (finite !== 1) return firstNonFinite(grads, layer)
  } else {
    const failure = gradientPrologue(activation, memory, layer, width)
    if (failure >= 0) return failure
  }
  if (bias >= 0) {
    for (let neuron = 0; neuron < neurons; neuron++)
      grads[bias + neuron * biasStep]! += biasGrads[neuron]!
  }
  // ∂L/∂W += Gᵀ·X: the kernel's rows are the neurons, its sum runs over the samples.
  if ((flags & W_GRAD) !== 0)
    matrix.gemm(
      neurons,
      length,
      rows,
      matrix.sumsAt,
      1,
      width,
      valuesAt + a * bytes,
      aRow,
      gradsAt + w * bytes,
      wRow,
      -1,
      1,
      NO_ACTIVATION,
    )
  // ∂L/∂X += G·W.
  if ((flags & X_GRAD) !== 0) {
    const { at: weights, row } = weightsForBackward(matrix, layer)
    matrix.gemm(
      rows,
      length,
      neurons,
      matrix.sumsAt,
      width,
      1,
      weights,
      row,
      gradsAt + a * bytes,
      aRow,
      -1,
      1,
      NO_ACTIVATION,
    )
  }
  return -1
}

/**
 * Where `G·W` reads the layer's weights: in place, or, when their rows would collide in the cache
 * (a fan-in of 256 float64s, say: `W` is the parameters in their order, not laid out for the
 * kernel), from a copy with wider rows in the scratch, which costs a small part of what it saves.
 * Returns the byte offset and the row stride in elements.
 */
function weightsForBackward(matrix: WasmKernels, layer: Layer): { at: number; row: number } {
  const { all, block, bytes, valuesAt, weightsAt } = matrix
  const { length, neurons, w, wRow } = layer
  // One neuron's weights are one row (its stride is 0): nothing to collide with.
  if (neurons === 1 || !rowsCollide(wRow * bytes)) return { at: valuesAt + w * bytes, row: wRow }
  const row = paddedWidth(length, block, bytes)
  const from = valuesAt / bytes + w
  const to = weightsAt / bytes
  for (let neuron = 0; neuron < neurons; neuron++)
    all.copyWithin(to + neuron * row, from + neuron * wRow, from + neuron * wRow + length)
  return { at: weightsAt, row }
}

/**
 * The backward pass's start in JavaScript, for an activation whose derivative has no lane form:
 * `G = f'(z) · g` into the scratch matrix and the column sums of G into the bias scratch. Returns
 * the first repetition whose output gradient is not finite, or -1.
 */
function gradientPrologue(
  activation: UnaryOp,
  memory: GraphMemory,
  layer: Layer,
  width: number,
): number {
  const { values, grads, preActivations } = memory
  const { out, outRow, rows, neurons } = layer
  const { sums: gradients, biases: biasGrads } = memory.wasm as WasmKernels
  const keepInput = activation.derivativeReadsInput
  biasGrads.fill(0, 0, neurons)
  for (let row = 0, start = out; row < rows; row++, start += outRow) {
    for (let neuron = 0; neuron < neurons; neuron++) {
      const slot = start + neuron
      const g = grads[slot]!
      if (g - g !== 0) return row * neurons + neuron
      const entry = row * width + neuron
      gradients[entry] =
        activation.derivative(keepInput ? preActivations[slot]! : 0, values[slot]!) * g
      biasGrads[neuron]! += gradients[entry]!
    }
  }
  return -1
}

/** The first repetition of a batched layer whose output gradient is not finite, or -1. */
function firstNonFinite(grads: FloatArray, layer: Layer): number {
  const { out, outRow, rows, neurons } = layer
  for (let row = 0, start = out; row < rows; row++, start += outRow)
    for (let neuron = 0; neuron < neurons; neuron++) {
      const g = grads[start + neuron]!
      if (g - g !== 0) return row * neurons + neuron
    }
  return -1
}

/** A batched layer's record, read by {@link layerAt}. */
type Layer = ReturnType<typeof layerAt>

/**
 * A batched layer's record, read: `rows` samples of `neurons` neurons over `length` inputs; the
 * weights from `w` (a neuron's row `wRow` apart), biases from `bias` (`biasStep` apart, or none if
 * negative); each sample's inputs from `a` and outputs from `out`, a row `aRow` and `outRow` apart.
 */
function layerAt(records: Int32Array, at: number) {
  return {
    length: records[at + LENGTH]!,
    neurons: records[at + REPEAT]!,
    rows: records[at + ROWS]!,
    w: records[at + B]!,
    wRow: records[at + B_STRIDE]!,
    bias: records[at + BIAS]!,
    biasStep: records[at + BIAS_STRIDE]!,
    a: records[at + A]!,
    aRow: records[at + A_ROW_STRIDE]!,
    out: records[at + OUT]!,
    outRow: records[at + OUT_ROW_STRIDE]!,
  }
}
