import type { GraphMemory } from './simd/graph-memory.js'
import {
  A,
  A_STRIDE,
  B,
  B_STRIDE,
  BIAS,
  BIAS_STRIDE,
  FLAGS,
  type FloatArray,
  fusedActivation,
  LENGTH,
  OUT,
  OUT_STRIDE,
  REPEAT,
  W_GRAD,
  W_RANGE,
  X_GRAD,
  X_RANGE,
} from './tape.js'

const BOTH_RANGES = X_RANGE | W_RANGE

/**
 * Runs every repetition of the dot record at `at` (a fused neuron, or a layer of them):
 * `Σ xs[k] · ws[k]` in order, `+ bias` when `bias >= 0`, then the activation, an op of the table
 * whose input is kept in `preActivations` for the backward pass when its derivative reads it. Returns the first repetition whose
 * sum before the activation, or whose result, is not finite (so a `relu` or `tanh` cannot hide an
 * overflow the dynamic engine would have reported), or -1.
 */
export function dotForward(
  records: Int32Array,
  at: number,
  operands: Int32Array,
  values: FloatArray,
  preActivations: FloatArray,
): number {
  const activation = fusedActivation(records, at)
  const keepInput = activation?.derivativeReadsInput === true
  const length = records[at + LENGTH]!
  const flags = records[at + FLAGS]!
  const repeat = records[at + REPEAT]!
  let out = records[at + OUT]!
  let x = records[at + A]!
  let w = records[at + B]!
  let bias = records[at + BIAS]!
  for (let repetition = 0; repetition < repeat; repetition++) {
    let total = 0
    if ((flags & BOTH_RANGES) === BOTH_RANGES) {
      for (let k = 0; k < length; k++) total += values[x + k]! * values[w + k]!
    } else {
      for (let k = 0; k < length; k++) {
        const xSlot = (flags & X_RANGE) !== 0 ? x + k : operands[x + k]!
        const wSlot = (flags & W_RANGE) !== 0 ? w + k : operands[w + k]!
        total += values[xSlot]! * values[wSlot]!
      }
    }
    if (bias >= 0) total += values[bias]!
    // Stored before it is checked, so that a float32 graph checks (and activates) the rounded number.
    values[out] = total
    total = values[out]!
    if (total - total !== 0) return repetition
    if (activation !== undefined) {
      if (keepInput) preActivations[out] = total
      values[out] = activation.forward(total)
      total = values[out]!
      if (total - total !== 0) return repetition
    }
    out += records[at + OUT_STRIDE]!
    x += records[at + A_STRIDE]!
    w += records[at + B_STRIDE]!
    bias += records[at + BIAS_STRIDE]!
  }
  return -1
}

/**
 * Propagates the gradients of every repetition of the dot record at `at`, last repetition first,
 * to their biases, xs and ws, with the same expressions and in the same order as the separate
 * nodes' backward steps. Returns the first repetition whose output gradient is not finite, or -1.
 */
export function dotBackward(
  records: Int32Array,
  at: number,
  operands: Int32Array,
  memory: GraphMemory,
): number {
  const { values, preActivations, grads } = memory
  const length = records[at + LENGTH]!
  const flags = records[at + FLAGS]!
  const last = records[at + REPEAT]! - 1
  const outStride = records[at + OUT_STRIDE]!
  const xStride = records[at + A_STRIDE]!
  const wStride = records[at + B_STRIDE]!
  const biasStride = records[at + BIAS_STRIDE]!
  const activation = fusedActivation(records, at)
  const keepInput = activation?.derivativeReadsInput === true
  const xGrad = (flags & X_GRAD) !== 0
  const wGrad = (flags & W_GRAD) !== 0
  const ranges = (flags & BOTH_RANGES) === BOTH_RANGES
  let out = records[at + OUT]! + last * outStride
  let x = records[at + A]! + last * xStride
  let w = records[at + B]! + last * wStride
  let bias = records[at + BIAS]! + last * biasStride
  for (let repetition = last; repetition >= 0; repetition--, out -= outStride) {
    let g = grads[out]!
    if (g - g !== 0) return repetition
    if (activation !== undefined)
      g = activation.derivative(keepInput ? preActivations[out]! : 0, values[out]!) * g
    // An inactive ReLU passes no gradient; skipping it only spares adding zeros.
    if (g !== 0) {
      if (bias >= 0) grads[bias]! += g
      if (ranges && xGrad && wGrad) {
        // Two passes give each slot its two terms in the loop's order when the ranges are one (an
        // L2 penalty's dot(p, p)) or apart.
        if (x === w || x + length <= w || w + length <= x) {
          addScaled(memory, length, g, w, x)
          addScaled(memory, length, g, x, w)
        } else {
          for (let k = 0; k < length; k++) {
            grads[x + k]! += values[w + k]! * g
            grads[w + k]! += values[x + k]! * g
          }
        }
      } else if (ranges && wGrad) {
        addScaled(memory, length, g, x, w)
      } else if (ranges && xGrad) {
        addScaled(memory, length, g, w, x)
      } else if (!ranges) {
        gatherBackward(operands, values, grads, x, w, length, flags, g)
      }
    }
    x -= xStride
    w -= wStride
    bias -= biasStride
  }
  return -1
}

/** Lengths from which {@link addScaled} runs on the WebAssembly kernel, where the graph has it. */
const MIN_KERNEL_LENGTH = 32

/**
 * `grads[into + k] += values[from + k] · g` for `k < length`: one half of a dot's backward pass over
 * ranges, on the WebAssembly kernel (two lanes at a time, the same float64 arithmetic) when the
 * graph's arrays live in its memory and the range is long, such as an L2 penalty's sum.
 */
function addScaled(memory: GraphMemory, length: number, g: number, from: number, into: number) {
  const { wasm, values, grads } = memory
  if (wasm !== undefined && length >= MIN_KERNEL_LENGTH) {
    const { axpy, bytes, valuesAt, gradsAt } = wasm
    axpy(length, g, valuesAt + from * bytes, gradsAt + into * bytes)
    return
  }
  for (let k = 0; k < length; k++) grads[into + k]! += values[from + k]! * g
}

function gatherBackward(
  operands: Int32Array,
  values: FloatArray,
  grads: FloatArray,
  x: number,
  w: number,
  length: number,
  flags: number,
  g: number,
): void {
  for (let k = 0; k < length; k++) {
    const xSlot = (flags & X_RANGE) !== 0 ? x + k : operands[x + k]!
    const wSlot = (flags & W_RANGE) !== 0 ? w + k : operands[w + k]!
    if ((flags & X_GRAD) !== 0) grads[xSlot]! += values[wSlot]! * g
    if ((flags & W_GRAD) !== 0) grads[wSlot]! += values[xSlot]! * g
  }
}
