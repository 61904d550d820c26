import { type BinaryOp, OP_LIST, type UnaryOp } from '../ops.js'
import { dotBackward, dotForward } from './dot-kernels.js'
import { binaryBackward, elementwiseForward, unaryBackward } from './elementwise-kernels.js'
import { batchedBackward, batchedForward } from './simd/batched-layer.js'
import { runOnKernel } from './simd/elementwise-kernel.js'
import type { GraphMemory } from './simd/graph-memory.js'
import { DOT, RECORD_WIDTH, ROWS, SUM } from './tape.js'

/**
 * Runs every record forward, writing each result into `memory.values` (and the input of each fused
 * activation into `memory.preActivations`). Stops at the first result that is not finite and
 * returns its record's index, with the repetition in `failure[0]` (the caller turns them into an
 * error); returns -1 when all is well.
 */
export function replayForward(
  records: Int32Array,
  operands: Int32Array,
  memory: GraphMemory,
  failure: Int32Array,
): number {
  const { values, preActivations } = memory
  for (let at = 0; at < records.length; at += RECORD_WIDTH) {
    const code = records[at]!
    let repetition: number
    // A batched layer runs on the matrix kernel; a sum is recorded as a dot with ones.
    if (records[at + ROWS]! > 1) repetition = batchedForward(records, at, memory)
    else if (code === DOT || code === SUM)
      repetition = dotForward(records, at, operands, values, preActivations)
    else
      repetition =
        runOnKernel('forward', records, at, memory) ??
        elementwiseForward(OP_LIST[code] as UnaryOp | BinaryOp, records, at, values)
    if (repetition < 0) continue
    failure[0] = repetition
    return at / RECORD_WIDTH
  }
  return -1
}

/**
 * Runs every record backward, in reverse (repetitions too), accumulating into `memory.grads`,
 * which the caller has zeroed and seeded. Stops at the first output gradient that is not finite
 * and returns its record's index, with the repetition in `failure[0]`; returns -1 when all is well.
 */
export function replayBackward(
  records: Int32Array,
  operands: Int32Array,
  memory: GraphMemory,
  failure: Int32Array,
): number {
  const { values, grads } = memory
  for (let at = records.length - RECORD_WIDTH; at >= 0; at -= RECORD_WIDTH) {
    const code = records[at]!
    let repetition: number
    if (records[at + ROWS]! > 1) repetition = batchedBackward(records, at, memory)
    else if (code === DOT || code === SUM) repetition = dotBackward(records, at, operands, memory)
    else {
      const op = OP_LIST[code]!
      repetition =
        runOnKernel('backward', records, at, memory) ??
        (op.arity === 1
          ? unaryBackward(op as UnaryOp, records, at, values, grads)
          : binaryBackward(op as BinaryOp, records, at, values, grads))
    }
    if (repetition < 0) continue
    failure[0] = repetition
    return at / RECORD_WIDTH
  }
  return -1
}
