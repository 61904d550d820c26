/**
 * A compiled graph is a tape of fixed-width records over one flat array of node values (and one of
 * gradients, with the same slots). Each record is `RECORD_WIDTH` int32s: `[code, out, a, b, length,
 * bias, activation, flags, repeat, outStride, aStride, bStride, biasStride, …]`.
 *
 * - `add`, `mul`, `pow`: `out = a op b`; unary ops read `a`.
 * - `sum`: `length` operands, at slots `a, a + 1, …` when `flags & X_RANGE`, else listed at
 *   `operands[a …]`.
 * - `dot`: `length` pairs; xs at `a` and ws at `b`, each a slot range or an offset into
 *   `operands` according to `X_RANGE` / `W_RANGE`; then `+ bias` when `bias >= 0`, then the
 *   activation (a fused neuron).
 * - A record runs `repeat` times, its slot fields advancing by their strides each time: the
 *   neurons of a layer, or the squares of an L2 penalty, become one record.
 */
export interface Tape {
  /** The records, `RECORD_WIDTH` int32s each, in execution order. */
  readonly records: Int32Array
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
/** The slot fields that advance with each repetition, and where their strides are kept. */
export const SLOT_FIELDS = [OUT, A, B, BIAS] as const
export const STRIDE_FIELDS = [OUT_STRIDE, A_STRIDE, B_STRIDE, BIAS_STRIDE] as const

export const ADD = 0
export const MUL = 1
export const POW = 2
/** `pow` whose exponent is a constant: its gradient (a logarithm) is never needed. */
export const POW_FIXED_EXPONENT = 3
export const RELU = 4
export const TANH = 5
export const EXP = 6
export const LOG = 7
export const SIGMOID = 8
export const SUM = 9
export const DOT = 10

/** Not an op: a leaf or a constant. */
export const NO_OP = 255

/** The code of each op of the `Value` API (`pow` is refined to `POW_FIXED_EXPONENT` later). */
export const OP_CODES: Readonly<Record<string, number>> = {
  add: ADD,
  mul: MUL,
  pow: POW,
  relu: RELU,
  tanh: TANH,
  exp: EXP,
  log: LOG,
  sigmoid: SIGMOID,
  sum: SUM,
  dot: DOT,
}

/** The op name each code replays, for error messages. */
export const OP_NAMES = [
  'add',
  'mul',
  'pow',
  'pow',
  'relu',
  'tanh',
  'exp',
  'log',
  'sigmoid',
  'sum',
  'dot',
] as const

/** The xs (or a sum's operands) are the slot range starting at `a`. */
export const X_RANGE = 1
/** The ws are the slot range starting at `b`. */
export const W_RANGE = 2
/** Some x depends on an input or parameter, so the xs receive gradients. */
export const X_GRAD = 4
/** Some w depends on an input or parameter, so the ws receive gradients. */
export const W_GRAD = 8
