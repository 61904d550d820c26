import { OP_LIST, OPS, type UnaryOp } from '../ops.js'

/**
 * A compiled graph is a tape of fixed-width records over one flat array of node values (and one of
 * gradients, with the same slots). Each record is `RECORD_WIDTH` int32s: `[code, out, a, b, length,
 * bias, activation, flags, repeat, outStride, aStride, bStride, biasStride, …]`. The code is the
 * op's position in the op table ({@link OP_LIST}), whose entries say what each op computes.
 *
 * - Ops of two inputs: `out = op(a, b)`; ops of one input read `a`. `flags` tell which inputs
 *   receive gradients (`X_GRAD` for `a`, `W_GRAD` for `b`): a constant's never need computing.
 * - `sum`: a `dot` of its `length` terms with a range of ones at `b`, and a sum's code so that
 *   errors name it.
 * - `dot`: `length` pairs; xs at `a` and ws at `b`, each a slot range or an offset into
 *   `operands` according to `X_RANGE` / `W_RANGE`; then `+ bias` when `bias >= 0`, then the
 *   one-input op whose code is in `activation` unless it is `NO_ACTIVATION` (a fused neuron).
 * - A record runs `repeat` times, its slot fields advancing by their strides each time: the
 *   neurons of a layer, or the squares of an L2 penalty, become one record.
 * - A layer's `dot` record may run for `rows` samples at once (a batched layer, see
 *   `batchSamples`): row `r` reads its xs from `a + r · aRowStride` and writes its outputs from
 *   `out + r · outRowStride`, with the same weights and biases. Repetition `r · repeat + j` is
 *   neuron `j` of row `r`. Every other record has one row.
 */
export interface Tape {
  /** The records, `RECORD_WIDTH` int32s each, in execution order. */
  readonly records: Int32Array
  /**
   * The same records before `batchSamples` gathered them (the same array when it did not): the
   * order in which the scalar replay meets a failure, which an error names.
   */
  readonly scalarRecords: Int32Array
  /** Slot lists of the operands that are not stored side by side. */
  readonly operands: Int32Array
  /** Number of nodes in the recorded graph. */
  readonly nodeCount: number
  readonly slotCount: number
  readonly parameterCount: number
  readonly inputCount: number
  readonly outputSlot: number
  readonly observedSlots: Int32Array
  /** The value of every slot, from record time: constants keep theirs, replay overwrites the rest. */
  readonly values: Float64Array
  /** Labels of labelled nodes, by slot, for error messages. */
  readonly labels: ReadonlyMap<number, string>
  /** Whether `backward()` gives the inputs' gradients (`compileGraph`'s `inputGradients`). */
  readonly inputGradients: boolean
}

export const RECORD_WIDTH = 16
export const CODE = 0
export const OUT = 1
export const A = 2
export const B = 3
export const LENGTH = 4
export const BIAS = 5
export const ACTIVATION = 6
export const FLAGS = 7
export const REPEAT = 8
export const OUT_STRIDE = 9
export const A_STRIDE = 10
export const B_STRIDE = 11
export const BIAS_STRIDE = 12
export const ROWS = 13
export const OUT_ROW_STRIDE = 14
export const A_ROW_STRIDE = 15

/** The fields of one record, with its slots where a given repetition finds them. */
export interface RecordFields {
  readonly code: number
  readonly out: number
  readonly a: number
  readonly b: number
  readonly length: number
  readonly bias: number
  readonly activation: number
  readonly flags: number
  readonly repeat: number
  readonly outStride: number
  readonly aStride: number
  readonly bStride: number
  readonly biasStride: number
  readonly rows: number
}

/**
 * Reads the record at `at`, its slot fields advanced to repetition `repetition` (of its row, for a
 * batched layer), for diagnosis. The kernels read their few fields directly: an object per record
 * costs them measurably.
 */
export function readRecord(records: Int32Array, at: number, repetition: number): RecordFields {
  const repeat = records[at + REPEAT]!
  const row = Math.floor(repetition / repeat)
  const step = repetition % repeat
  const outStride = records[at + OUT_STRIDE]!
  const aStride = records[at + A_STRIDE]!
  const bStride = records[at + B_STRIDE]!
  const biasStride = records[at + BIAS_STRIDE]!
  return {
    code: records[at + CODE]!,
    out: records[at + OUT]! + row * records[at + OUT_ROW_STRIDE]! + step * outStride,
    a: records[at + A]! + row * records[at + A_ROW_STRIDE]! + step * aStride,
    b: records[at + B]! + step * bStride,
    length: records[at + LENGTH]!,
    bias: records[at + BIAS]! + step * biasStride,
    activation: records[at + ACTIVATION]!,
    flags: records[at + FLAGS]!,
    repeat,
    outStride,
    aStride,
    bStride,
    biasStride,
    rows: records[at + ROWS]!,
  }
}

/** The numbers of a compiled graph: `Float64Array`s by default, `Float32Array`s for `precision: 'float32'`. */
export type FloatArray = Float64Array | Float32Array

/** The code of each op: its position in the op table. */
export const OP_CODES: ReadonlyMap<string, number> = new Map(
  OP_LIST.map((op, code) => [op.name, code]),
)
export const SUM = OP_LIST.indexOf(OPS.sum)
export const DOT = OP_LIST.indexOf(OPS.dot)

/** Not an op: a leaf or a constant. */
export const NO_OP = 255
/** A `dot` record's activation field when no activation is fused into it. */
export const NO_ACTIVATION = -1

/** The xs (or a sum's operands) are the slot range starting at `a`. */
export const X_RANGE = 1
/** The ws are the slot range starting at `b`. */
export const W_RANGE = 2
/** Some x (or the first operand) depends on an input or parameter, so it receives gradients. */
export const X_GRAD = 4
/** Some w (or the second operand) depends on an input or parameter, so it receives gradients. */
export const W_GRAD = 8

/** The op fused after a `dot` record's sum, if any. */
export function fusedActivation(records: Int32Array, at: number): UnaryOp | undefined {
  const code = records[at + ACTIVATION]!
  return code === NO_ACTIVATION ? undefined : (OP_LIST[code] as UnaryOp)
}
