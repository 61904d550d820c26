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

/**
 * Whether `op` has the lane forms the elementwise kernel needs for `pass`: the kernel's generator
 * writes a loop for exactly these ops, and the replay sends it exactly these.
 */
export function hasLanes(op: UnaryOp | BinaryOp, pass: 'forward' | 'backward'): boolean {
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
 * Runs the elementwise record at `at` on the kernel for `pass`, when the graph's arrays live in its
 * memory and the record is one for it: returns the first repetition whose result (forward) or
 * output gradient (backward) is not finite, or -1; `undefined` when the JavaScript loop is to run it.
 */
export function runOnKernel(
  pass: 'forward' | 'backward',
  records: Int32Array,
  at: number,
  memory: GraphMemory,
): number | undefined {
  const { wasm } = memory
  if (wasm === undefined || kernelOp(records, at, pass) === undefined) return undefined
  const { bytes, valuesAt, gradsAt } = wasm
  const code = records[at]!
  const repeat = records[at + REPEAT]!
  const out = valuesAt + records[at + OUT]! * bytes
  const outStride = records[at + OUT_STRIDE]!
  const a = valuesAt + records[at + A]! * bytes
  const aStride = records[at + A_STRIDE]!
  const b = valuesAt + records[at + B]! * bytes
  const bStride = records[at + B_STRIDE]!
  return pass === 'forward'
    ? wasm.forward(code, repeat, out, outStride, a, aStride, b, bStride)
    : wasm.backward(
        code,
        repeat,
        out,
        outStride,
        a,
        aStride,
        b,
        bStride,
        gradsAt - valuesAt,
        records[at + FLAGS]!,
      )
}
