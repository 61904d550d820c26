import {
  A,
  A_ROW_STRIDE,
  A_STRIDE,
  B,
  B_STRIDE,
  BIAS_STRIDE,
  CODE,
  DOT,
  FLAGS,
  LENGTH,
  OUT,
  OUT_ROW_STRIDE,
  OUT_STRIDE,
  RECORD_WIDTH,
  REPEAT,
  ROWS,
  W_RANGE,
  X_RANGE,
} from './tape.js'

/**
 * Reorders a tape of per-sample records so that what every sample of a batch does alike runs as
 * one record: the same layer (a `dot` record with the same weights and biases) for every sample
 * becomes one batched layer of `rows` samples, which the matrix kernel runs as `Z = X·Wᵀ + b`; the
 * same one- or two-input op for every sample (a loss's terms) becomes one record with a repeat.
 *
 * A record joins the group of an earlier one only when everything it reads is already computed at
 * the group's place in the new order, and its slots continue the group's by a constant step. Every
 * slot is written by one record, so moving a record earlier without moving its operands cannot
 * change what it reads, and the backward pass, run in reverse, still reaches each record after all
 * of its consumers. Each value is computed by the same operations in the same order as before; only
 * gradients that several samples add into (the weights') are summed in another order.
 */
export function batchSamples(records: Int32Array, slotCount: number): Int32Array {
  const count = records.length / RECORD_WIDTH
  const nextAlike = linkAlike(records)
  // 1 while the record that writes a slot has not been placed in the new order yet.
  const pending = new Uint8Array(slotCount)
  for (let at = 0; at < records.length; at += RECORD_WIDTH) markOutputs(records, at, pending, 1)
  const placed = new Uint8Array(count)
  const batched = new Int32Array(records.length)
  let length = 0
  for (let index = 0; index < count; index++) {
    if (placed[index] === 1) continue
    placed[index] = 1
    const at = index * RECORD_WIDTH
    batched.set(records.subarray(at, at + RECORD_WIDTH), length)
    const layer = isLayer(records, at)
    let member = nextAlike[index]!
    let members = 1
    let outStep = 0
    let aStep = 0
    let bStep = 0
    while (member >= 0 && placed[member] === 0) {
      const next = member * RECORD_WIDTH
      if (members === 1) {
        outStep = records[next + OUT]! - records[at + OUT]!
        aStep = records[next + A]! - records[at + A]!
        bStep = layer ? 0 : records[next + B]! - records[at + B]!
        if (outStep <= 0 || aStep < 0 || bStep < 0) break
      }
      const continues =
        records[next + OUT] === records[at + OUT]! + members * outStep &&
        records[next + A] === records[at + A]! + members * aStep &&
        records[next + B] === records[at + B]! + members * bStep
      if (!continues || !operandsReady(records, next, pending)) break
      placed[member] = 1
      members++
      member = nextAlike[member]!
    }
    if (members > 1 && layer) {
      batched[length + ROWS] = members
      batched[length + OUT_ROW_STRIDE] = outStep
      batched[length + A_ROW_STRIDE] = aStep
    } else if (members > 1) {
      batched[length + REPEAT] = members
      batched[length + OUT_STRIDE] = outStep
      batched[length + A_STRIDE] = aStep
      batched[length + B_STRIDE] = bStep
    }
    markOutputs(batched, length, pending, 0)
    length += RECORD_WIDTH
  }
  return batched.slice(0, length)
}

/**
 * A layer the matrix kernel can run: a `dot` record over slot ranges whose repetitions are the
 * neurons of one layer (or a single neuron), each reading the same xs and its own row of weights
 * (and bias), and writing side by side.
 */
function isLayer(records: Int32Array, at: number): boolean {
  const flags = records[at + FLAGS]!
  const ranges = X_RANGE | W_RANGE
  return (
    records[at + CODE] === DOT &&
    (flags & ranges) === ranges &&
    // A single neuron has no strides to check.
    (records[at + REPEAT] === 1 ||
      (records[at + A_STRIDE] === 0 &&
        records[at + OUT_STRIDE] === 1 &&
        records[at + B_STRIDE]! >= records[at + LENGTH]!))
  )
}

/** Whether a single record (not a run) is an op of one or two inputs that may join a repeat. */
function isSingleOp(records: Int32Array, at: number): boolean {
  return records[at + CODE] !== DOT && records[at + REPEAT] === 1 && records[at + LENGTH] === 0
}

/**
 * For each record that may be batched, the index of the next record that could join its group
 * (same op and shape; for a layer, the same weights and biases), or -1.
 */
function linkAlike(records: Int32Array): Int32Array {
  const count = records.length / RECORD_WIDTH
  const nextAlike = new Int32Array(count).fill(-1)
  const lastOfShape = new Map<string, number>()
  for (let index = 0; index < count; index++) {
    const at = index * RECORD_WIDTH
    let shape: string
    if (isLayer(records, at))
      shape = `layer ${records.subarray(at + B, at + BIAS_STRIDE + 1).join(' ')}`
    else if (isSingleOp(records, at)) shape = `op ${records[at + CODE]} ${records[at + FLAGS]}`
    else continue
    const previous = lastOfShape.get(shape)
    if (previous !== undefined) nextAlike[previous] = index
    lastOfShape.set(shape, index)
  }
  return nextAlike
}

/** Sets `pending` to `mark` for every slot the record at `at` writes. */
function markOutputs(records: Int32Array, at: number, pending: Uint8Array, mark: 0 | 1): void {
  const rows = records[at + ROWS]!
  const repeat = records[at + REPEAT]!
  for (let row = 0; row < rows; row++) {
    const start = records[at + OUT]! + row * records[at + OUT_ROW_STRIDE]!
    for (let step = 0; step < repeat; step++)
      pending[start + step * records[at + OUT_STRIDE]!] = mark
  }
}

/**
 * Whether the single record or layer at `at` reads only slots already computed: its xs (a layer's
 * weights and biases are those of the group it joins) or its operands.
 */
function operandsReady(records: Int32Array, at: number, pending: Uint8Array): boolean {
  const a = records[at + A]!
  if (records[at + CODE] === DOT) {
    for (let k = 0; k < records[at + LENGTH]!; k++) if (pending[a + k] === 1) return false
    return true
  }
  const b = records[at + B]!
  return pending[a] === 0 && (b < 0 || pending[b] === 0)
}
