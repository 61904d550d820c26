import type { BinaryOp, UnaryOp } from '../ops.js'
import {
  A,
  A_STRIDE,
  B,
  B_STRIDE,
  FLAGS,
  type FloatArray,
  OUT,
  OUT_STRIDE,
  REPEAT,
  W_GRAD,
  X_GRAD,
} from './tape.js'

/**
 * Runs every repetition of the record at `at`, an op of one or two inputs, with the op's forward
 * from the table (a one-input op ignores the second operand it is handed). Returns the first
 * repetition whose result is not finite, or -1.
 */
export function elementwiseForward(
  op: UnaryOp | BinaryOp,
  records: Int32Array,
  at: number,
  values: FloatArray,
): number {
  const forward = op.forward as (a: number, b: number) => number
  const repeat = records[at + REPEAT]!
  const outStride = records[at + OUT_STRIDE]!
  const aStride = records[at + A_STRIDE]!
  const bStride = records[at + B_STRIDE]!
  let out = records[at + OUT]!
  let a = records[at + A]!
  let b = records[at + B]!
  for (let repetition = 0; repetition < repeat; repetition++) {
    // Stored before it is checked, so that a float32 graph checks the rounded number.
    values[out] = forward(values[a]!, values[b]!)
    const result = values[out]!
    if (result - result !== 0) return repetition
    out += outStride
    a += aStride
    b += bStride
  }
  return -1
}

/**
 * Adds each repetition's local derivative times its output gradient into its input's gradient,
 * last repetition first. Returns the first repetition whose output gradient is not finite, or -1.
 */
export function unaryBackward(
  op: UnaryOp,
  records: Int32Array,
  at: number,
  values: FloatArray,
  grads: FloatArray,
): number {
  const derivative = op.derivative
  const last = records[at + REPEAT]! - 1
  const outStride = records[at + OUT_STRIDE]!
  const aStride = records[at + A_STRIDE]!
  let out = records[at + OUT]! + last * outStride
  let a = records[at + A]! + last * aStride
  for (let repetition = last; repetition >= 0; repetition--) {
    const g = grads[out]!
    if (g - g !== 0) return repetition
    grads[a]! += derivative(values[a]!, values[out]!) * g
    out -= outStride
    a -= aStride
  }
  return -1
}

/**
 * Adds each repetition's local derivatives times its output gradient into the gradients of the
 * inputs that need one (first input first, as `Value` does), last repetition first. Returns the
 * first repetition whose output gradient is not finite, or -1.
 */
export function binaryBackward(
  op: BinaryOp,
  records: Int32Array,
  at: number,
  values: FloatArray,
  grads: FloatArray,
): number {
  const { derivativeA, derivativeB } = op
  const last = records[at + REPEAT]! - 1
  const flags = records[at + FLAGS]!
  const aGrad = (flags & X_GRAD) !== 0
  const bGrad = (flags & W_GRAD) !== 0
  const outStride = records[at + OUT_STRIDE]!
  const aStride = records[at + A_STRIDE]!
  const bStride = records[at + B_STRIDE]!
  let out = records[at + OUT]! + last * outStride
  let a = records[at + A]! + last * aStride
  let b = records[at + B]! + last * bStride
  for (let repetition = last; repetition >= 0; repetition--) {
    const g = grads[out]!
    if (g - g !== 0) return repetition
    const x = values[a]!
    const y = values[b]!
    const result = values[out]!
    if (aGrad) grads[a]! += derivativeA(x, y, result) * g
    if (bGrad) grads[b]! += derivativeB(x, y, result) * g
    out -= outStride
    a -= aStride
    b -= bStride
  }
  return -1
}
