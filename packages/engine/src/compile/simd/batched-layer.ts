import {
  A,
  A_ROW_STRIDE,
  B,
  BIAS,
  FLAGS,
  fusedActivation,
  LENGTH,
  OUT,
  OUT_ROW_STRIDE,
  REPEAT,
  ROWS,
  W_GRAD,
  X_GRAD,
} from '../tape.js'
import { type GraphMemory, type MatrixKernel, paddedWidth } from './graph-memory.js'

/**
 * Runs the batched layer at `at` forward: `Z = X·Wᵀ` by the matrix kernel, then, for each sample
 * and neuron in order, `+ bias`, the activation and the finiteness checks of `dotForward`. The
 * kernel adds each neuron's terms in the order of the scalar loop, so the numbers are the same to
 * the bit. Returns the first repetition (`row · neurons + neuron`) that is not finite, or -1.
 */
export function batchedForward(records: Int32Array, at: number, memory: GraphMemory): number {
  const { values, preActivations } = memory
  const matrix = memory.matrix as MatrixKernel
  const { weights, sums } = matrix
  const length = records[at + LENGTH]!
  const neurons = records[at + REPEAT]!
  const rows = records[at + ROWS]!
  const w = records[at + B]!
  const bias = records[at + BIAS]!
  const width = paddedWidth(neurons, matrix.block)
  // The kernel's vectors run across neurons, so it reads the weights transposed.
  for (let neuron = 0; neuron < neurons; neuron++)
    for (let k = 0; k < length; k++) weights[k * width + neuron] = values[w + neuron * length + k]!
  const { bytes, valuesAt } = matrix
  const a = records[at + A]!
  const aRow = records[at + A_ROW_STRIDE]!
  matrix.gemm(
    rows,
    width,
    length,
    valuesAt + a * bytes,
    aRow,
    1,
    matrix.weightsAt,
    width,
    matrix.sumsAt,
    width,
  )

  const activation = fusedActivation(records, at)
  const keepInput = activation?.derivativeReadsInput === true
  const outRow = records[at + OUT_ROW_STRIDE]!
  let out = records[at + OUT]!
  for (let row = 0; row < rows; row++, out += outRow) {
    for (let neuron = 0; neuron < neurons; neuron++) {
      const slot = out + neuron
      // Stored before it is checked, so that a float32 graph checks the rounded number.
      values[slot] =
        bias >= 0
          ? sums[row * width + neuron]! + values[bias + neuron]!
          : sums[row * width + neuron]!
      let result = values[slot]!
      if (result - result !== 0) return row * neurons + neuron
      if (activation === undefined) continue
      if (keepInput) preActivations[slot] = result
      values[slot] = activation.forward(result)
      result = values[slot]!
      if (result - result !== 0) return row * neurons + neuron
    }
  }
  return -1
}

/**
 * Propagates the gradients of the batched layer at `at`: `G = ∂L/∂Z` (the output gradients times
 * the activation's derivative), then `∂L/∂b += Σ_rows G`, `∂L/∂W += Gᵀ·X` and `∂L/∂X += G·W` by the
 * matrix kernel, each only where it is needed. The weights' gradients add the samples in another
 * order than the scalar replay, so they may differ from it in the last bits. Returns the first
 * repetition whose output gradient is not finite, or -1.
 */
export function batchedBackward(records: Int32Array, at: number, memory: GraphMemory): number {
  const { values, grads, preActivations } = memory
  const matrix = memory.matrix as MatrixKernel
  const { sums: gradients, bytes, valuesAt, block } = matrix
  const length = records[at + LENGTH]!
  const neurons = records[at + REPEAT]!
  const rows = records[at + ROWS]!
  const flags = records[at + FLAGS]!
  const w = records[at + B]!
  const bias = records[at + BIAS]!
  const a = records[at + A]!
  const aRow = records[at + A_ROW_STRIDE]!
  const outRow = records[at + OUT_ROW_STRIDE]!
  const width = paddedWidth(neurons, block)
  const activation = fusedActivation(records, at)
  const keepInput = activation?.derivativeReadsInput === true

  let out = records[at + OUT]!
  for (let row = 0; row < rows; row++, out += outRow) {
    for (let neuron = 0; neuron < neurons; neuron++) {
      const slot = out + neuron
      const g = grads[slot]!
      if (g - g !== 0) return row * neurons + neuron
      const at = row * width + neuron
      gradients[at] =
        activation === undefined
          ? g
          : activation.derivative(keepInput ? preActivations[slot]! : 0, values[slot]!) * g
      if (bias >= 0) grads[bias + neuron]! += gradients[at]!
    }
  }
  if ((flags & W_GRAD) !== 0) {
    // (∂L/∂W)ᵀ = Xᵀ·G: the kernel's rows are the xs, its sum runs over the samples.
    const { weights } = matrix
    matrix.gemm(
      length,
      width,
      rows,
      valuesAt + a * bytes,
      1,
      aRow,
      matrix.sumsAt,
      width,
      matrix.weightsAt,
      width,
    )
    for (let neuron = 0; neuron < neurons; neuron++)
      for (let k = 0; k < length; k++)
        grads[w + neuron * length + k]! += weights[k * width + neuron]!
  }
  if ((flags & X_GRAD) !== 0) {
    const { inputGrads } = matrix
    const inputWidth = paddedWidth(length, block)
    matrix.gemm(
      rows,
      inputWidth,
      neurons,
      matrix.sumsAt,
      width,
      1,
      valuesAt + w * bytes,
      length,
      matrix.inputGradsAt,
      inputWidth,
    )
    let x = a
    for (let row = 0; row < rows; row++, x += aRow)
      for (let k = 0; k < length; k++) grads[x + k]! += inputGrads[row * inputWidth + k]!
  }
  return -1
}
