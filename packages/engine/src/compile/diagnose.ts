import { NonFiniteGradientError, NonFiniteResultError } from '../errors.js'
import { type BinaryOp, OP_LIST, type UnaryOp } from '../ops.js'
import {
  DOT,
  type FloatArray,
  NO_ACTIVATION,
  RECORD_WIDTH,
  type RecordFields,
  readRecord,
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
  values: FloatArray,
  index: number,
  repetition: number,
): NonFiniteResultError {
  const { code, a, b, length, flags, bias, activation } = readRecord(
    tape.records,
    index * RECORD_WIDTH,
    repetition,
  )
  const slots = (start: number, flag: number) =>
    Array.from({ length }, (_, k) => ((flags & flag) !== 0 ? start + k : tape.operands[start + k]!))
  if (code === SUM) {
    const terms = slots(a, X_RANGE).map((slot) => values[slot]!)
    return new NonFiniteResultError(
      'sum',
      terms,
      terms.reduce((total, term) => total + term, 0),
    )
  }
  if (code !== DOT) {
    const op = OP_LIST[code] as UnaryOp | BinaryOp
    if (op.arity === 1)
      return new NonFiniteResultError(op.name, [values[a]!], op.forward(values[a]!))
    const inputs = [values[a]!, values[b]!] as const
    return new NonFiniteResultError(op.name, inputs, op.forward(...inputs))
  }
  const xs = slots(a, X_RANGE).map((slot) => values[slot]!)
  const ws = slots(b, W_RANGE).map((slot) => values[slot]!)
  let total = 0
  for (let k = 0; k < length; k++) total += xs[k]! * ws[k]!
  if (!Number.isFinite(total)) return new NonFiniteResultError('dot', [...xs, ...ws], total)
  const biased = bias >= 0 ? total + values[bias]! : total
  if (bias >= 0 && !Number.isFinite(biased))
    return new NonFiniteResultError('add', [total, values[bias]!], biased)
  const fused = OP_LIST[activation] as UnaryOp
  return new NonFiniteResultError(fused.name, [biased], fused.forward(biased))
}

/** Names the node (op and label) whose gradient is not finite, as the dynamic `backward()` would. */
export function nonFiniteGradient(
  tape: Tape,
  grads: FloatArray,
  index: number,
  repetition: number,
): NonFiniteGradientError {
  const record = readRecord(tape.records, index * RECORD_WIDTH, repetition)
  return new NonFiniteGradientError(
    recordOp(record),
    tape.labels.get(record.out) ?? '',
    grads[record.out]!,
  )
}

/** The op of the last node a record computes: a fused neuron ends in its activation or bias `add`. */
function recordOp({ code, activation, bias }: RecordFields): string {
  if (code !== DOT) return OP_LIST[code]!.name
  if (activation !== NO_ACTIVATION) return OP_LIST[activation]!.name
  return bias >= 0 ? 'add' : 'dot'
}
