import { assignSlots } from './assign-slots.js'
import { batchSamples } from './batch-samples.js'
import { emitRecords } from './emit-records.js'
import { fuseNeurons } from './fuse-neurons.js'
import { mergeRuns } from './merge-runs.js'
import { COMPUTED, type GraphDeclaration, type RecordedGraph, recordGraph } from './record-graph.js'
import { SUM, type Tape } from './tape.js'
/**
 * Records the declared graph and lowers it to a tape: fusion, slot layout, one record per step,
 * merged runs, and with `batch`, the samples of a batch gathered into batched layers.
 */
export function buildTape(declaration: GraphDeclaration, batch: boolean): Tape {
  const graph = recordGraph(declaration)
  const { nodes } = graph
  const count = nodes.length
  const keep = new Uint8Array(count)
  keep[count - 1] = 1
  for (const node of graph.observedNodes) keep[node] = 1
  const fusion = fuseNeurons(graph, keep)
  const layout = assignSlots(graph, fusion, keep)
  const { slotOf } = layout
  // Every sum runs as a dot with ones, which sit after all other slots.
  const onesStart = layout.slotCount
  const slotCount = onesStart + longestSum(graph)
  const { records, operands } = emitRecords(graph, fusion, slotOf, onesStart)

  const values = new Float64Array(slotCount).fill(1, onesStart)
  const labels = new Map<number, string>()
  for (let node = 0; node < count; node++) {
    const slot = slotOf[node]!
    if (slot < 0) continue
    const value = nodes[node]!
    values[slot] = value.data
    if (value.label !== '') labels.set(slot, value.label)
  }
  const merged = mergeRuns(records)
  return {
    records: batch ? batchSamples(merged, slotCount) : merged,
    operands,
    nodeCount: count,
    slotCount,
    parameterCount: graph.parameterNodes.length,
    inputCount: graph.inputNodes.length,
    outputSlot: slotOf[count - 1]!,
    observedSlots: graph.observedNodes.map((node) => slotOf[node]!),
    values,
    labels,
  }
}

/** The number of terms of the longest sum the tape computes. */
function longestSum({ kind, opOf, childStart }: RecordedGraph): number {
  let longest = 0
  for (let node = 0; node < kind.length; node++)
    if (kind[node] === COMPUTED && opOf[node] === SUM)
      longest = Math.max(longest, childStart[node + 1]! - childStart[node]!)
  return longest
}
