import { X_RANGE } from './tape.js'

/** `Σ` of `length` operands, a slot range starting at `start` or listed in `operands` from there. */
export function sumForward(
  operands: Int32Array,
  values: Float64Array,
  start: number,
  length: number,
  flags: number,
): number {
  let total = 0
  const end = start + length
  if ((flags & X_RANGE) !== 0) for (let k = start; k < end; k++) total += values[k]!
  else for (let k = start; k < end; k++) total += values[operands[k]!]!
  return total
}

/** Adds `g` to the gradient of each operand of a sum. */
export function sumBackward(
  operands: Int32Array,
  grads: Float64Array,
  start: number,
  length: number,
  flags: number,
  g: number,
): void {
  const end = start + length
  if ((flags & X_RANGE) !== 0) for (let k = start; k < end; k++) grads[k]! += g
  else for (let k = start; k < end; k++) grads[operands[k]!]! += g
}
