import { type BinaryOp, OP_LIST, type UnaryOp } from '../ops.js'
import { dotBackward, dotForward } from './dot-kernels.js'
import { binaryBackward, elementwiseForward, unaryBackward } from './elementwise-kernels.js'
import { DOT, RECORD_WIDTH, SUM } from './tape.js'

/**
 * Runs every record forward, writing each result into `values` (and the input of each fused
 * activation into `preActivations`). Stops at the first result that is not finite and returns its
 * record's index, with the repetition in `failure[0]` (the caller turns them into an error);
 * returns -1 when all is well.
 */
export function replayForward(
  records: Int32Array,
  operands: Int32Array,
  values: Float64Array,
  preActivations: Float64Array,
  failure: Int32Array,
): number {
  for (let at = 0; at < records.length; at += RECORD_WIDTH) {
    const code = records[at]!
    let repetition: number
    // A sum is recorded as a dot with ones.
    if (code === DOT || code === SUM)
      repetition = dotForward(records, at, operands, values, preActivations)
    else repetition = elementwiseForward(OP_LIST[code] as UnaryOp | BinaryOp, records, at, values)
    if (repetition < 0) continue
    failure[0] = repetition
    return at / RECORD_WIDTH
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
  preActivations: Float64Array,
  grads: Float64Array,
  failure: Int32Array,
): number {
  for (let at = records.length - RECORD_WIDTH; at >= 0; at -= RECORD_WIDTH) {
    const code = records[at]!
    let repetition: number
    if (code === DOT || code === SUM)
      repetition = dotBackward(records, at, operands, values, preActivations, grads)
    else {
      const op = OP_LIST[code]!
      repetition =
        op.arity === 1
          ? unaryBackward(op as UnaryOp, records, at, values, grads)
          : binaryBackward(op as BinaryOp, records, at, values, grads)
    }
    if (repetition < 0) continue
    failure[0] = repetition
    return at / RECORD_WIDTH
  }
  return -1
}
