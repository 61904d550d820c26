import { NonFiniteGradientError, NonFiniteResultError } from '../errors.js'
import { type BinaryOp, OP_LIST, type UnaryOp } from '../ops.js'
import { replayBackward, replayForward } from './replay.js'
import type { GraphMemory } from './simd/graph-memory.js'
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

/** How a graph of `precision` stores a number. */
function rounding(memory: GraphMemory): (x: number) => number {
  return memory.precision === 'float32' ? Math.fround : (x) => x
}

/**
 * The error `forward()` throws when repetition `repetition` of record `index` failed: the one the
 * scalar replay would throw. Batched records run several samples at once, so they may meet another
 * sample's failure first; the records are then run again in their recorded order, in JavaScript,
 * on copies of the graph's numbers, to find the scalar replay's (the error path alone pays).
 */
export function forwardFailure(
  tape: Tape,
  memory: GraphMemory,
  index: number,
  repetition: number,
): NonFiniteResultError {
  const round = rounding(memory)
  if (tape.scalarRecords !== tape.records) {
    const scratch = scratchMemory(memory)
    const failure = new Int32Array(1)
    const first = replayForward(tape.scalarRecords, tape.operands, scratch, failure)
    if (first >= 0) {
      const scalar = { ...tape, records: tape.scalarRecords }
      return nonFiniteResult(scalar, scratch.values, first, failure[0]!, round)
    }
  }
  return nonFiniteResult(tape, memory.values, index, repetition, round)
}

/**
 * The error `backward()` throws when repetition `repetition` of record `index` failed: the one the
 * scalar replay would throw, found as {@link forwardFailure} finds it (forward, then backward from
 * the output's gradient of 1).
 */
export function backwardFailure(
  tape: Tape,
  memory: GraphMemory,
  index: number,
  repetition: number,
): NonFiniteGradientError {
  if (tape.scalarRecords !== tape.records) {
    const scratch = scratchMemory(memory)
    const failure = new Int32Array(1)
    replayForward(tape.scalarRecords, tape.operands, scratch, failure)
    scratch.grads[tape.outputSlot] = 1
    const first = replayBackward(tape.scalarRecords, tape.operands, scratch, failure)
    if (first >= 0) {
      const scalar = { ...tape, records: tape.scalarRecords }
      return nonFiniteGradient(scalar, scratch.grads, first, failure[0]!)
    }
  }
  return nonFiniteGradient(tape, memory.grads, index, repetition)
}

/**
 * A copy of a graph's numbers in plain arrays, which the replay runs on in JavaScript, with every
 * gradient 0.
 */
function scratchMemory(memory: GraphMemory): GraphMemory {
  return {
    precision: memory.precision,
    values: memory.values.slice(),
    grads: memory.grads.map(() => 0),
    preActivations: memory.preActivations.slice(),
    wasm: undefined,
  }
}

/**
 * Explains why repetition `repetition` of record `index` gave a non-finite result, naming the op
 * and inputs the dynamic engine would have named (for a fused neuron: its `dot`, `add` or
 * activation step). `round` is how the graph stores a number (`Math.fround` for float32, where a
 * result may overflow that float64 holds).
 */
function nonFiniteResult(
  tape: Tape,
  values: FloatArray,
  index: number,
  repetition: number,
  round: (x: number) => number,
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
      round(terms.reduce((total, term) => total + term, 0)),
    )
  }
  if (code !== DOT) {
    const op = OP_LIST[code] as UnaryOp | BinaryOp
    if (op.arity === 1)
      return new NonFiniteResultError(op.name, [values[a]!], round(op.forward(values[a]!)))
    const inputs = [values[a]!, values[b]!] as const
    return new NonFiniteResultError(op.name, inputs, round(op.forward(...inputs)))
  }
  const xs = slots(a, X_RANGE).map((slot) => values[slot]!)
  const ws = slots(b, W_RANGE).map((slot) => values[slot]!)
  let total = 0
  for (let k = 0; k < length; k++) total += xs[k]! * ws[k]!
  if (!Number.isFinite(round(total)))
    return new NonFiniteResultError('dot', [...xs, ...ws], round(total))
  // The replay stores the sum with its bias added, rounded once.
  const biased = round(bias >= 0 ? total + values[bias]! : total)
  if (bias >= 0 && !Number.isFinite(biased))
    return new NonFiniteResultError('add', [total, values[bias]!], biased)
  if (activation === NO_ACTIVATION) return new NonFiniteResultError('dot', [...xs, ...ws], biased)
  const fused = OP_LIST[activation] as UnaryOp
  return new NonFiniteResultError(fused.name, [biased], round(fused.forward(biased)))
}

/** Names the node (op and label) whose gradient is not finite, as the dynamic `backward()` would. */
function nonFiniteGradient(
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
