import type { Fusion } from './fuse-neurons.js'
import { COMPUTED, CONSTANT, INPUT, type RecordedGraph } from './record-graph.js'
import {
  A,
  ACTIVATION,
  B,
  BIAS,
  DOT,
  FLAGS,
  LENGTH,
  NO_ACTIVATION,
  OUT,
  RECORD_WIDTH,
  REPEAT,
  ROWS,
  SUM,
  W_GRAD,
  W_RANGE,
  X_GRAD,
  X_RANGE,
} from './tape.js'

/**
 * One record per computed node that is not absorbed into a fused neuron, in execution order. A
 * `sum` becomes a `dot` of its terms with a range of ones starting at slot `onesStart`: `x · 1` is
 * exactly `x`, so the dot kernels compute exactly the sum, and its gradients.
 */
export function emitRecords(
  graph: RecordedGraph,
  fusion: Fusion,
  slotOf: Int32Array,
  onesStart: number,
  inputGradients = true,
): EmittedRecords {
  const { nodes, kind, childStart, childList, opOf } = graph
  // A constant's gradient is never computed, nor an input's when nobody asked for them.
  const receivesGradient = (node: number) =>
    kind[node] !== CONSTANT && (inputGradients || kind[node] !== INPUT)
  let recordCount = 0
  for (let node = 0; node < nodes.length; node++)
    if (kind[node] === COMPUTED && fusion.absorbed[node] === 0) recordCount++
  const records = new Int32Array(recordCount * RECORD_WIDTH)
  const recordNodes = new Int32Array(recordCount)
  const operands = new Int32Array(childList.length)
  let operandEnd = 0
  let at = 0
  /**
   * Where the operand list `childList[start .. end]` is read from: the start of its slot range
   * (flags gain `rangeFlag`), or else an offset into `operands` where its slots are listed.
   */
  const place = (start: number, end: number, rangeFlag: number, gradFlag: number) => {
    const first = slotOf[childList[start]!]!
    let flags = rangeFlag
    for (let edge = start; edge < end; edge++) {
      const child = childList[edge]!
      if (receivesGradient(child)) flags |= gradFlag
      if (slotOf[child] !== first + (edge - start)) flags &= ~rangeFlag
    }
    records[at + FLAGS]! |= flags
    if ((flags & rangeFlag) !== 0) return first
    const offset = operandEnd
    for (let edge = start; edge < end; edge++) operands[operandEnd++] = slotOf[childList[edge]!]!
    return offset
  }

  for (let node = 0; node < nodes.length; node++) {
    if (kind[node] !== COMPUTED || fusion.absorbed[node] === 1) continue
    const op = opOf[node]!
    const start = childStart[node]!
    const end = childStart[node + 1]!
    const dot = fusion.dotOf[node]! >= 0 ? fusion.dotOf[node]! : op === DOT ? node : -1
    recordNodes[at / RECORD_WIDTH] = node
    records[at + OUT] = slotOf[node]!
    records[at + BIAS] = -1
    records[at + REPEAT] = 1
    records[at + ROWS] = 1
    if (dot >= 0) {
      const dotStart = childStart[dot]!
      const middle = (dotStart + childStart[dot + 1]!) / 2
      records[at] = DOT
      records[at + LENGTH] = middle - dotStart
      records[at + A] = place(dotStart, middle, X_RANGE, X_GRAD)
      records[at + B] = place(middle, childStart[dot + 1]!, W_RANGE, W_GRAD)
      const bias = fusion.biasOf[node]!
      if (bias >= 0) records[at + BIAS] = slotOf[bias]!
      records[at + ACTIVATION] = fusion.activationOf[node] ?? NO_ACTIVATION
    } else if (op === SUM) {
      records[at] = SUM
      records[at + LENGTH] = end - start
      records[at + A] = place(start, end, X_RANGE, X_GRAD)
      records[at + B] = onesStart
      records[at + FLAGS]! |= W_RANGE
      records[at + ACTIVATION] = NO_ACTIVATION
    } else {
      // An op of one or two operands.
      records[at] = op
      records[at + A] = slotOf[childList[start]!]!
      if (receivesGradient(childList[start]!)) records[at + FLAGS]! |= X_GRAD
      if (end - start === 2) {
        records[at + B] = slotOf[childList[start + 1]!]!
        if (receivesGradient(childList[start + 1]!)) records[at + FLAGS]! |= W_GRAD
      }
    }
    at += RECORD_WIDTH
  }
  return { records, operands: operands.slice(0, operandEnd), recordNodes }
}

/** The records of a graph, in execution order, and the slot lists they read. */
export interface EmittedRecords {
  readonly records: Int32Array
  readonly operands: Int32Array
  /** The node each record computes (a fused neuron's last node). */
  readonly recordNodes: Int32Array
}
