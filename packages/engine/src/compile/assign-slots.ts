import type { Fusion } from './fuse-neurons.js'
import { COMPUTED, INPUT, PARAMETER, type RecordedGraph } from './record-graph.js'
import { DOT, SUM } from './tape.js'

/** Where each node lives in the flat value and gradient arrays. */
export interface SlotLayout {
  /** Slot of each node, or -1 for a node that needs none (absorbed, or an unused constant). */
  readonly slotOf: Int32Array
  readonly slotCount: number
}

/**
 * Lays the nodes out in one flat array: parameters first, then inputs, each in declaration order,
 * then every other node in execution order, except that the operands of a `dot` or `sum` are
 * placed side by side where possible. A neuron's weights (parameters in declaration order) and the
 * previous layer's outputs then both sit in contiguous ranges, and a `dot` runs as a plain loop over
 * two ranges, the way hand-written dense code would.
 */
export function assignSlots(graph: RecordedGraph, fusion: Fusion, keep: Uint8Array): SlotLayout {
  const { nodes, kind, childStart, childList, parameterNodes, inputNodes } = graph
  const { absorbed } = fusion
  const count = nodes.length
  const needsSlot = new Uint8Array(count)
  for (let node = 0; node < count; node++) {
    if (kind[node] !== COMPUTED) {
      if (keep[node] === 1 || kind[node] === PARAMETER || kind[node] === INPUT) needsSlot[node] = 1
      continue
    }
    // An absorbed node has no slot, but its operands are read by the fused step.
    if (absorbed[node] === 0) needsSlot[node] = 1
    for (let edge = childStart[node]!; edge < childStart[node + 1]!; edge++) {
      const child = childList[edge]!
      if (absorbed[child] === 0) needsSlot[child] = 1
    }
  }

  const groups = claimGroups(graph, needsSlot)
  const slotOf = new Int32Array(count).fill(-1)
  let next = 0
  for (const node of parameterNodes) slotOf[node] = next++
  // An input only replicated samples read (see replicateSamples) has its slot but no node.
  for (const node of inputNodes) {
    if (node >= 0) slotOf[node] = next
    next++
  }
  // A group's members get their slots when the op that reads them as one range comes up, so that
  // every sample of a batch lays its nodes out alike (a loss's sum over all samples takes its
  // range after the last sample, not inside the first).
  let nextGroup = 0
  for (let node = 0; node < count; node++) {
    while (nextGroup < groups.consumer.length && groups.consumer[nextGroup] === node) {
      const start = groups.edgeStart[nextGroup]!
      const end = start + groups.length[nextGroup]!
      for (let edge = start; edge < end; edge++) slotOf[childList[edge]!] = next++
      nextGroup++
    }
    if (needsSlot[node] === 1 && slotOf[node]! < 0 && groups.groupOf[node]! < 0)
      slotOf[node] = next++
  }
  return { slotOf, slotCount: next }
}

interface Groups {
  /** The group that owns each node's slot, or -1. */
  readonly groupOf: Int32Array
  /** Each group is `childList[edgeStart[g] .. edgeStart[g] + length[g]]`. */
  readonly edgeStart: number[]
  readonly length: number[]
  /** The op whose operand list each group is, in execution order. */
  readonly consumer: number[]
}

/**
 * Gives each operand list of a `dot` (its xs, then its ws) and of a `sum` the first claim on its
 * members, in execution order, when they are distinct, free and not declared leaves.
 */
function claimGroups(graph: RecordedGraph, needsSlot: Uint8Array): Groups {
  const { nodes, kind, childStart, childList, opOf } = graph
  const count = nodes.length
  const groupOf = new Int32Array(count).fill(-1)
  const seenIn = new Int32Array(count).fill(-1)
  const edgeStart: number[] = []
  const length: number[] = []
  const consumer: number[] = []
  let lists = 0
  const claim = (node: number, start: number, end: number) => {
    const list = lists++
    for (let edge = start; edge < end; edge++) {
      const member = childList[edge]!
      const free = needsSlot[member] === 1 && kind[member] !== PARAMETER && kind[member] !== INPUT
      if (!free || groupOf[member]! >= 0 || seenIn[member] === list) return
      seenIn[member] = list
    }
    const group = edgeStart.length
    edgeStart.push(start)
    length.push(end - start)
    consumer.push(node)
    for (let edge = start; edge < end; edge++) groupOf[childList[edge]!] = group
  }
  for (let node = 0; node < count; node++) {
    if (kind[node] !== COMPUTED) continue
    const start = childStart[node]!
    const end = childStart[node + 1]!
    if (opOf[node] === SUM) claim(node, start, end)
    else if (opOf[node] === DOT) {
      const middle = start + (end - start) / 2
      claim(node, start, middle)
      claim(node, middle, end)
    }
  }
  return { groupOf, edgeStart, length, consumer }
}
