import { NonFiniteGradientError, NonFiniteResultError } from '../errors.js'
import {
  ACTIVATION_NAMES,
  NO_ACTIVATION,
  RELU_ACTIVATION,
  SIGMOID_ACTIVATION,
  sigmoid,
} from './activations.js'
import {
  A,
  ACTIVATION,
  ADD,
  B,
  BIAS,
  DOT,
  FLAGS,
  LENGTH,
  MUL,
  OP_NAMES,
  OUT,
  POW,
  POW_FIXED_EXPONENT,
  RECORD_WIDTH,
  SLOT_FIELDS,
  STRIDE_FIELDS,
  SUM,
  type Tape,
  W_RANGE,
  X_RANGE,
} from './tape.js'

/**
 * Explains why repetition `repetition` of record `index` gave a non-finite result, naming the op
 * and inputs the dynamic engine would have named (for a fused neuron: its `dot`, `add` or
 * activation step).
 */
export function nonFiniteResult(
  tape: Tape,
  values: Float64Array,
  index: number,
  repetition: number,
): NonFiniteResultError {
  const record = expand(tape.records, index, repetition)
  const code = record[0]!
  const a = record[A]!
  const length = record[LENGTH]!
  const slots = (start: number, flag: number) =>
    Array.from({ length }, (_, k) =>
      (record[FLAGS]! & flag) !== 0 ? start + k : tape.operands[start + k]!,
    )
  if (code === SUM) {
    const terms = slots(a, X_RANGE).map((slot) => values[slot]!)
    return new NonFiniteResultError(
      'sum',
      terms,
      terms.reduce((total, term) => total + term, 0),
    )
  }
  if (code !== DOT) {
    const binary = code === ADD || code === MUL || code === POW || code === POW_FIXED_EXPONENT
    const inputs = binary ? [values[a]!, values[record[B]!]!] : [values[a]!]
    return new NonFiniteResultError(OP_NAMES[code]!, inputs, recompute(code, inputs))
  }
  const xs = slots(a, X_RANGE).map((slot) => values[slot]!)
  const ws = slots(record[B]!, W_RANGE).map((slot) => values[slot]!)
  let total = 0
  for (let k = 0; k < length; k++) total += xs[k]! * ws[k]!
  if (!Number.isFinite(total)) return new NonFiniteResultError('dot', [...xs, ...ws], total)
  const bias = record[BIAS]!
  const biased = bias >= 0 ? total + values[bias]! : total
  if (bias >= 0 && !Number.isFinite(biased))
    return new NonFiniteResultError('add', [total, values[bias]!], biased)
  const activation = record[ACTIVATION]!
  const result =
    activation === RELU_ACTIVATION
      ? Math.max(0, biased)
      : activation === SIGMOID_ACTIVATION
        ? sigmoid(biased)
        : Math.tanh(biased)
  return new NonFiniteResultError(ACTIVATION_NAMES[activation]!, [biased], result)
}

/** Names the node (op and label) whose gradient is not finite, as the dynamic `backward()` would. */
export function nonFiniteGradient(
  tape: Tape,
  grads: Float64Array,
  index: number,
  repetition: number,
): NonFiniteGradientError {
  const record = expand(tape.records, index, repetition)
  const out = record[OUT]!
  return new NonFiniteGradientError(recordOp(record), tape.labels.get(out) ?? '', grads[out]!)
}

/** The single record that repetition `repetition` of record `index` stands for. */
function expand(records: Int32Array, index: number, repetition: number): Int32Array {
  const at = index * RECORD_WIDTH
  const record = records.slice(at, at + RECORD_WIDTH)
  SLOT_FIELDS.forEach((field, position) => {
    record[field]! += repetition * record[STRIDE_FIELDS[position]!]!
  })
  return record
}

function recordOp(record: Int32Array): string {
  const code = record[0]!
  if (code !== DOT) return OP_NAMES[code]!
  const activation = record[ACTIVATION]!
  if (activation !== NO_ACTIVATION) return ACTIVATION_NAMES[activation]!
  return record[BIAS]! >= 0 ? 'add' : 'dot'
}

function recompute(code: number, inputs: readonly number[]): number {
  const [a = 0, b = 0] = inputs
  const name = OP_NAMES[code]
  if (name === 'add') return a + b
  if (name === 'mul') return a * b
  if (name === 'pow') return a ** b
  if (name === 'relu') return Math.max(0, a)
  if (name === 'tanh') return Math.tanh(a)
  if (name === 'exp') return Math.exp(a)
  if (name === 'log') return Math.log(a)
  return sigmoid(a)
}
