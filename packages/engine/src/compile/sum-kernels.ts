import { A, A_STRIDE, FLAGS, LENGTH, OUT, OUT_STRIDE, REPEAT, X_RANGE } from './tape.js'

/**
 * Runs every repetition of the `sum` record at `at`: `Σ` of `length` operands, a slot range
 * starting at `a` or listed in `operands` from there. Returns the first repetition whose total is
 * not finite, or -1.
 */
export function sumForward(
  records: Int32Array,
  at: number,
  operands: Int32Array,
  values: Float64Array,
): number {
  const length = records[at + LENGTH]!
  const ranged = (records[at + FLAGS]! & X_RANGE) !== 0
  const repeat = records[at + REPEAT]!
  const outStride = records[at + OUT_STRIDE]!
  const aStride = records[at + A_STRIDE]!
  let out = records[at + OUT]!
  let start = records[at + A]!
  for (let repetition = 0; repetition < repeat; repetition++) {
    let total = 0
    const end = start + length
    if (ranged) for (let k = start; k < end; k++) total += values[k]!
    else for (let k = start; k < end; k++) total += values[operands[k]!]!
    if (total - total !== 0) return repetition
    values[out] = total
    out += outStride
    start += aStride
  }
  return -1
}

/**
 * Adds each repetition's output gradient to the gradient of each of its operands (a sum's local
 * derivatives are all 1), last repetition first. Returns the first repetition whose output
 * gradient is not finite, or -1.
 */
export function sumBackward(
  records: Int32Array,
  at: number,
  operands: Int32Array,
  grads: Float64Array,
): number {
  const length = records[at + LENGTH]!
  const ranged = (records[at + FLAGS]! & X_RANGE) !== 0
  const last = records[at + REPEAT]! - 1
  const outStride = records[at + OUT_STRIDE]!
  const aStride = records[at + A_STRIDE]!
  let out = records[at + OUT]! + last * outStride
  let start = records[at + A]! + last * aStride
  for (let repetition = last; repetition >= 0; repetition--) {
    const g = grads[out]!
    if (g - g !== 0) return repetition
    const end = start + length
    if (ranged) for (let k = start; k < end; k++) grads[k]! += g
    else for (let k = start; k < end; k++) grads[operands[k]!]! += g
    out -= outStride
    start -= aStride
  }
  return -1
}
