import { type BinaryOp, OP_LIST, type UnaryOp } from '../../ops.js'
import {
  A,
  A_STRIDE,
  B,
  B_STRIDE,
  FLAGS,
  OUT,
  OUT_STRIDE,
  RECORD_WIDTH,
  REPEAT,
  ROWS,
} from '../tape.js'
import type { GraphMemory } from './graph-memory.js'

/**
 * Repetitions from which an elementwise record runs on the WebAssembly kernel: below, calling it
 * costs more than the JavaScript loop it saves.
 */
const MIN_REPEAT = 8

/** Whether `op` has the lane forms the kernel needs for `pass`. */
function hasLanes(op: UnaryOp | BinaryOp, pass: 'forward' | 'backward'): boolean {
  if (pass === 'forward') return op.lanes?.forward !== undefined
  return op.arity === 1
    ? op.lanes?.derivativeFromOutput !== undefined
    : op.lanes?.derivativeA !== undefined && op.lanes.derivativeB !== undefined
}

/** The elementwise op of the record at `at`, when the kernel runs it for `pass`. */
function kernelOp(
  records: Int32Array,
  at: number,
  pass: 'forward' | 'backward',
): UnaryOp | BinaryOp | undefined {
  if (records[at + ROWS]! > 1 || records[at + REPEAT]! < MIN_REPEAT) return undefined
  const op = OP_LIST[records[at]!]!
  return op.arity !== 'n' && hasLanes(op, pass) ? op : undefined
}

/** Whether the tape has an elementwise record for the kernel, forward or backward. */
export function elementwiseInKernel(records: Int32Array): boolean {
  for (let at = 0; at < records.length; at += RECORD_WIDTH)
    if (kernelOp(records, at, 'forward') ?? kernelOp(records, at, 'backward')) return true
  return false
}

/**
 * Runs the elementwise record at `at` forward on the kernel, when the graph's arrays live in its
 * memory and the record is one for it: returns the first repetition whose result is not finite,
 * or -1; `undefined` when the JavaScript loop is to run it.
 */
export function kernelForward(
  records: Int32Array,
  at: number,
  memory: GraphMemory,
): number | undefined {
  const { wasm } = memory
  if (wasm === undefined || kernelOp(records, at, 'forward') === undefined) return undefined
  const { bytes, valuesAt } = wasm
  return wasm.forward(
    records[at]!,
    records[at + REPEAT]!,
    valuesAt + records[at + OUT]! * bytes,
    records[at + OUT_STRIDE]!,
    valuesAt + records[at + A]! * bytes,
    records[at + A_STRIDE]!,
    valuesAt + records[at + B]! * bytes,
    records[at + B_STRIDE]!,
  )
}

/** {@link kernelForward}'s counterpart for the backward pass. */
export function kernelBackward(
  records: Int32Array,
  at: number,
  memory: GraphMemory,
): number | undefined {
  const { wasm } = memory
  if (wasm === undefined || kernelOp(records, at, 'backward') === undefined) return undefined
  const { bytes, valuesAt, gradsAt } = wasm
  return wasm.backward(
    records[at]!,
    records[at + REPEAT]!,
    valuesAt + records[at + OUT]! * bytes,
    records[at + OUT_STRIDE]!,
    valuesAt + records[at + A]! * bytes,
    records[at + A_STRIDE]!,
    valuesAt + records[at + B]! * bytes,
    records[at + B_STRIDE]!,
    gradsAt - valuesAt,
    records[at + FLAGS]!,
  )
}
