import { sigmoid } from './activations.js'
import { dotBackward, dotForward } from './dot-kernels.js'
import { sumBackward, sumForward } from './sum-kernels.js'
import {
  A,
  A_STRIDE,
  ADD,
  B,
  B_STRIDE,
  DOT,
  EXP,
  FLAGS,
  LENGTH,
  LOG,
  MUL,
  OUT,
  OUT_STRIDE,
  POW,
  POW_FIXED_EXPONENT,
  RECORD_WIDTH,
  RELU,
  REPEAT,
  SIGMOID,
  TANH,
} from './tape.js'

/**
 * Runs every record forward, writing each result into `values`. Stops at the first result that is
 * not finite and returns its record's index, with the repetition in `failure[0]` (the caller turns
 * them into an error); returns -1 when all is well.
 */
export function replayForward(
  records: Int32Array,
  operands: Int32Array,
  values: Float64Array,
  failure: Int32Array,
): number {
  for (let at = 0; at < records.length; at += RECORD_WIDTH) {
    const code = records[at]!
    if (code === DOT) {
      const repetition = dotForward(records, at, operands, values)
      if (repetition < 0) continue
      failure[0] = repetition
      return at / RECORD_WIDTH
    }
    const length = records[at + LENGTH]!
    const flags = records[at + FLAGS]!
    let out = records[at + OUT]!
    let a = records[at + A]!
    let b = records[at + B]!
    for (let repetition = 0; repetition < records[at + REPEAT]!; repetition++) {
      let result: number
      switch (code) {
        case ADD:
          result = values[a]! + values[b]!
          break
        case MUL:
          result = values[a]! * values[b]!
          break
        case POW:
        case POW_FIXED_EXPONENT:
          result = values[a]! ** values[b]!
          break
        case RELU:
          result = Math.max(0, values[a]!)
          break
        case TANH:
          result = Math.tanh(values[a]!)
          break
        case EXP:
          result = Math.exp(values[a]!)
          break
        case LOG:
          result = Math.log(values[a]!)
          break
        case SIGMOID:
          result = sigmoid(values[a]!)
          break
        default: // SUM
          result = sumForward(operands, values, a, length, flags)
      }
      if (result - result !== 0) {
        failure[0] = repetition
        return at / RECORD_WIDTH
      }
      values[out] = result
      out += records[at + OUT_STRIDE]!
      a += records[at + A_STRIDE]!
      b += records[at + B_STRIDE]!
    }
  }
  return -1
}

/**
 * Runs every record backward, in reverse (repetitions too), accumulating into `grads`, which the
 * caller has zeroed and seeded. Stops at the first output gradient that is not finite and returns
 * its record's index, with the repetition in `failure[0]`; returns -1 when all is well.
 */
export function replayBackward(
  records: Int32Array,
  operands: Int32Array,
  values: Float64Array,
  grads: Float64Array,
  failure: Int32Array,
): number {
  for (let at = records.length - RECORD_WIDTH; at >= 0; at -= RECORD_WIDTH) {
    const code = records[at]!
    if (code === DOT) {
      const repetition = dotBackward(records, at, operands, values, grads)
      if (repetition < 0) continue
      failure[0] = repetition
      return at / RECORD_WIDTH
    }
    const length = records[at + LENGTH]!
    const flags = records[at + FLAGS]!
    const last = records[at + REPEAT]! - 1
    let out = records[at + OUT]! + last * records[at + OUT_STRIDE]!
    let a = records[at + A]! + last * records[at + A_STRIDE]!
    let b = records[at + B]! + last * records[at + B_STRIDE]!
    for (let repetition = last; repetition >= 0; repetition--) {
      const g = grads[out]!
      if (g - g !== 0) {
        failure[0] = repetition
        return at / RECORD_WIDTH
      }
      switch (code) {
        case ADD:
          grads[a]! += g
          grads[b]! += g
          break
        case MUL:
          grads[a]! += values[b]! * g
          grads[b]! += values[a]! * g
          break
        case POW: {
          const base = values[a]!
          const exponent = values[b]!
          grads[a]! += exponent * base ** (exponent - 1) * g
          // ln(base) is undefined for base <= 0: the dynamic engine adds nothing there either.
          if (base > 0) grads[b]! += values[out]! * Math.log(base) * g
          break
        }
        case POW_FIXED_EXPONENT: {
          const exponent = values[b]!
          grads[a]! += exponent * values[a]! ** (exponent - 1) * g
          break
        }
        case RELU:
          if (values[out]! > 0) grads[a]! += g
          break
        case TANH: {
          const result = values[out]!
          grads[a]! += (1 - result * result) * g
          break
        }
        case EXP:
          grads[a]! += values[out]! * g
          break
        case LOG:
          grads[a]! += g / values[a]!
          break
        case SIGMOID: {
          const result = values[out]!
          grads[a]! += result * (1 - result) * g
          break
        }
        default: // SUM
          sumBackward(operands, grads, a, length, flags, g)
      }
      out -= records[at + OUT_STRIDE]!
      a -= records[at + A_STRIDE]!
      b -= records[at + B_STRIDE]!
    }
  }
  return -1
}
