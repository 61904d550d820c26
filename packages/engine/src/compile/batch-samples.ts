import {
  A,
  A_ROW_STRIDE,
  A_STRIDE,
  ACTIVATION,
  B,
  B_STRIDE,
  BIAS,
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
  SUM,
  W_RANGE,
  X_RANGE,
} from './tape.js'

/**
 * Reorders a tape of per-sample records so that what every sample of a batch does alike runs as
 * one record: the same layer (a `dot` record with the same weights and biases) for every sample
 * becomes one batched layer of `rows` samples, which the matrix kernel runs as `Z = X·Wᵀ + b`; the
 * same one- or two-input op for every sample (a loss's terms), or the same sum or dot over each
 * sample's own slots (a softmax's sum of exponentials), becomes one record with a repeat.
 *
 * A record joins the group of an earlier one only when everything it reads is already computed at
 * the group's place in the new order, and its slots continue the group's by a constant step. Every
 * slot is written by one record, so moving a record earlier without moving its operands cannot
 * change what it reads, and the backward pass, run in reverse, still reaches each record after all
 * of its consumers. Each value is computed by the same operations in the same order as before; only
 * gradients that several records add into (the weights') may be summed in another order.
 */
export function batchSamples(records: Int32Array, slotCount: number): Int32Array {
  const count = records.length / RECORD_WIDTH
  const { nextAlike, shapeOf, kindOf } = linkAlike(records)
  // The record that writes each slot (a run's first output), so that a group's next member is
  // found where its output must be.
  const writer = new Int32Array(slotCount).fill(-1)
  for (let index = 0; index < count; index++) {
    const out = records[index * RECORD_WIDTH + OUT]!
    if (out >= 0) writer[out] = index
  }
  // 1 while the record that writes a slot has not been placed in the new order yet.
  const pending = new Uint8Array(slotCount)
  for (let at = 0; at < records.length; at += RECORD_WIDTH) markOutputs(records, at, pending, 1)
  const placed = new Uint8Array(count)
  /**
   * How many records the group of the one at `index` with `second` as its second member takes in
   * (`cap` at most), placing them when `place`: each next member's slots continue the steps from
   * the first to the second, and it reads only what is computed at the group's place.
   */
  const groupSize = (index: number, second: number, cap: number, place: boolean) => {
    const at = index * RECORD_WIDTH
    const next = second * RECORD_WIDTH
    const layer = kindOf[index] === LAYER
    const outStep = records[next + OUT]! - records[at + OUT]!
    const aStep = records[next + A]! - records[at + A]!
    const bStep = layer ? 0 : records[next + B]! - records[at + B]!
    // Rows of a layer whose xs overlap (the same dot computed again, or a convolution's windows)
    // would add their gradients into the same slots at once in the kernel's `G·W`: such rows stay
    // apart.
    if (layer && aStep < records[at + LENGTH]!) return 1
    let members = 1
    let member = second
    while (member >= 0 && placed[member] === 0 && members < cap) {
      const memberAt = member * RECORD_WIDTH
      const continues =
        shapeOf[member] === shapeOf[index] &&
        records[memberAt + OUT] === records[at + OUT]! + members * outStep &&
        records[memberAt + A] === records[at + A]! + members * aStep &&
        records[memberAt + B] === records[at + B]! + members * bStep
      if (!continues || !operandsReady(records, memberAt, pending, kindOf[index]!)) break
      if (place) placed[member] = 1
      members++
      const nextOut = records[at + OUT]! + members * outStep
      member = nextOut < slotCount ? writer[nextOut]! : -1
    }
    return members
  }
  const batched = new Int32Array(records.length)
  let length = 0
  for (let index = 0; index < count; index++) {
    if (placed[index] === 1) continue
    placed[index] = 1
    const at = index * RECORD_WIDTH
    batched.set(records.subarray(at, at + RECORD_WIDTH), length)
    const second = secondMember(records, index, nextAlike, kindOf, placed, pending, groupSize)
    const members = second >= 0 ? groupSize(index, second, count, true) : 1
    if (members > 1) {
      const next = second * RECORD_WIDTH
      const outStep = records[next + OUT]! - records[at + OUT]!
      const aStep = records[next + A]! - records[at + A]!
      if (kindOf[index] === LAYER) {
        batched[length + ROWS] = members
        batched[length + OUT_ROW_STRIDE] = outStep
        batched[length + A_ROW_STRIDE] = aStep
      } else {
        batched[length + REPEAT] = members
        batched[length + OUT_STRIDE] = outStep
        batched[length + A_STRIDE] = aStep
        batched[length + B_STRIDE] = records[next + B]! - records[at + B]!
      }
    }
    markOutputs(batched, length, pending, 0)
    length += RECORD_WIDTH
  }
  return batched.slice(0, length)
}

/**
 * How many records of the same shape the search for a group's second member looks at: a sample's
 * loss may chain dozens of alike ops (a maximum as `a + relu(b − a)`) before the next sample's
 * first one comes up.
 */
const PARTNER_SEARCH = 128

/**
 * How many members a candidate group is followed to when the search compares candidates: enough to
 * tell a short run (a sample's ten classes) from a run across the samples of a batch.
 */
const GROUP_PROBE = 64

/**
 * The record that can follow the one at `index` as the second member of its group, or -1: of the
 * next records of its shape that are not placed yet, read only computed slots and lie at
 * non-negative steps from it (an output after it), the one whose group takes in the most records,
 * the nearest among equals. A loss's op for one class of one sample may go on along the classes
 * (its nearest partner) or along the samples; the longer way makes fewer, longer records.
 */
function secondMember(
  records: Int32Array,
  index: number,
  nextAlike: Int32Array,
  kindOf: Uint8Array,
  placed: Uint8Array,
  pending: Uint8Array,
  groupSize: (index: number, second: number, cap: number, place: boolean) => number,
): number {
  const at = index * RECORD_WIDTH
  const layer = kindOf[index] === LAYER
  let best = -1
  let bestSize = 1
  let candidate = nextAlike[index]!
  for (let tried = 0; candidate >= 0 && tried < PARTNER_SEARCH; tried++) {
    const next = candidate * RECORD_WIDTH
    const stepsForward =
      records[next + OUT]! > records[at + OUT]! &&
      records[next + A]! >= records[at + A]! &&
      (layer || records[next + B]! >= records[at + B]!)
    const ready = operandsReady(records, next, pending, kindOf[index]!)
    if (placed[candidate] === 0 && stepsForward && ready) {
      const size = groupSize(index, candidate, GROUP_PROBE, false)
      if (size > bestSize) {
        best = candidate
        bestSize = size
        if (size === GROUP_PROBE) break
      }
    }
    candidate = nextAlike[candidate]!
  }
  return best
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

// What a record that may be batched is (`kindOf`; 0 for one that is not).
/** A layer: the same weights and biases for every sample, each reading its own xs. */
const LAYER = 1
/** A one- or two-input op. */
const SINGLE_OP = 2
/**
 * A `dot` or `sum` whose operands are both the sample's own (a loss's sum over a sample's classes,
 * its dot with the sample's labels): the samples' records become one record with a repeat.
 */
const OWN_DOT = 3

/**
 * For each record that may be batched, its kind (`kindOf`), its shape (`shapeOf`: the same number
 * for records of the same kind and shape, for a layer the same weights and biases; -1 for a record
 * that is not batched) and the index of the next record of that shape (`nextAlike`, or -1). A dot
 * over ranges is a layer when another record has its weights and biases, else one of a sample's own.
 */
function linkAlike(records: Int32Array): {
  nextAlike: Int32Array
  shapeOf: Int32Array
  kindOf: Uint8Array
} {
  const count = records.length / RECORD_WIDTH
  const nextAlike = new Int32Array(count).fill(-1)
  const shapeOf = new Int32Array(count).fill(-1)
  const kindOf = new Uint8Array(count)
  // Each layer's key (its weights and biases), and how many records share it.
  const layerKeys: (string | undefined)[] = new Array(count)
  const layers = new Map<string, number>()
  for (let index = 0; index < count; index++) {
    const at = index * RECORD_WIDTH
    if (!isLayer(records, at)) continue
    const key = `layer ${records.subarray(at + B, at + BIAS_STRIDE + 1).join(' ')}`
    layerKeys[index] = key
    layers.set(key, (layers.get(key) ?? 0) + 1)
  }
  const shapes = new Map<string, { id: number; last: number }>()
  for (let index = 0; index < count; index++) {
    const at = index * RECORD_WIDTH
    let key: string
    const layerKey = layerKeys[index]
    if (layerKey !== undefined && layers.get(layerKey)! > 1) {
      key = layerKey
      kindOf[index] = LAYER
    } else if (isSingleOp(records, at)) {
      key = `op ${records[at + CODE]} ${records[at + FLAGS]}`
      kindOf[index] = SINGLE_OP
    } else if (isOwnDot(records, at)) {
      key = `dot ${records[at + CODE]} ${records[at + LENGTH]} ${records[at + FLAGS]} ${records[at + ACTIVATION]}`
      kindOf[index] = OWN_DOT
    } else continue
    const shape = shapes.get(key) ?? { id: shapes.size, last: -1 }
    if (shape.last >= 0) nextAlike[shape.last] = index
    else shapes.set(key, shape)
    shape.last = index
    shapeOf[index] = shape.id
  }
  return { nextAlike, shapeOf, kindOf }
}

/** Whether the record at `at` is a single `dot` or `sum` over two slot ranges, without a bias. */
function isOwnDot(records: Int32Array, at: number): boolean {
  const code = records[at + CODE]
  const ranges = X_RANGE | W_RANGE
  return (
    (code === DOT || code === SUM) &&
    (records[at + FLAGS]! & ranges) === ranges &&
    records[at + REPEAT] === 1 &&
    records[at + ROWS] === 1 &&
    records[at + BIAS]! < 0
  )
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
 * Whether the record at `at`, of kind `kind`, reads only slots already computed: a layer its xs
 * (its weights and biases are those of the group it joins), a sample's own dot both its ranges, an
 * op its operands.
 */
function operandsReady(
  records: Int32Array,
  at: number,
  pending: Uint8Array,
  kind: number,
): boolean {
  const a = records[at + A]!
  const b = records[at + B]!
  if (kind === LAYER || kind === OWN_DOT) {
    const length = records[at + LENGTH]!
    for (let k = 0; k < length; k++) if (pending[a + k] === 1) return false
    if (kind === OWN_DOT) for (let k = 0; k < length; k++) if (pending[b + k] === 1) return false
    return true
  }
  return pending[a] === 0 && (b < 0 || pending[b] === 0)
}
