import type { Value } from '../value.js'
import { assignSlots } from './assign-slots.js'
import { batchSamples } from './batch-samples.js'
import { emitRecords } from './emit-records.js'
import { fuseNeurons } from './fuse-neurons.js'
import { mergeRuns } from './merge-runs.js'
import { COMPUTED, type GraphDeclaration, type RecordedGraph, recordGraph } from './record-graph.js'
import { type ReplicatedSamples, replicateSamples } from './replicate-samples.js'
import { SUM, type Tape } from './tape.js'
/**
 * Records the declared graph and lowers it to a tape: fusion, slot layout, one record per step,
 * every sample's copy of the first sample's records (with `samples`), merged runs, and with
 * `batch`, the samples of a batch gathered into batched layers. Without `inputGradients`, no record
 * passes a gradient to an input.
 */
export function buildTape(
  declaration: GraphDeclaration,
  batch: boolean,
  inputGradients = true,
): Tape {
  const graph = recordGraph(declaration)
  const { nodes } = graph
  const count = nodes.length
  const keep = new Uint8Array(count)
  keep[count - 1] = 1
  for (const node of graph.observedNodes) if (node >= 0) keep[node] = 1
  // The samples' outputs are read from each sample's copy: they need slots of their own.
  for (const node of graph.samples?.templateOutputs ?? []) keep[node] = 1
  const fusion = fuseNeurons(graph, keep)
  const layout = assignSlots(graph, fusion, keep)
  const { slotOf } = layout
  // Every sum runs as a dot with ones, which sit after all other slots.
  const onesStart = layout.slotCount
  const recordedSlots = onesStart + longestSum(graph)
  const emitted = emitRecords(graph, fusion, slotOf, onesStart, inputGradients)
  const replicated = graph.samples && replicateSamples(graph, emitted, slotOf, recordedSlots)
  const { records, operands } = replicated ?? emitted
  const slotCount = replicated?.slotCount ?? recordedSlots
  const readSlot = (slot: number) => replicated?.copySlot(0, slot) ?? slot
  const standInAt = graph.samples?.observedStandIn

  const values = new Float64Array(slotCount).fill(1, onesStart, recordedSlots)
  const labels = new Map<number, string>()
  const describe = (slot: number, value: Value) => {
    values[slot] = value.data
    if (value.label !== '') labels.set(slot, value.label)
  }
  for (let node = 0; node < count; node++)
    if (slotOf[node]! >= 0) describe(slotOf[node]!, nodes[node]!)
  // Inputs that only other samples read are not among the nodes.
  const inputStart = graph.parameterNodes.length
  declaration.inputs.forEach((input, index) => {
    describe(inputStart + index, input)
  })
  if (replicated) copyRecorded(replicated, graph.samples!.rows, values, labels)
  const merged = mergeRuns(records, replicated?.runStarts)
  return {
    records: batch ? batchSamples(merged, slotCount) : merged,
    scalarRecords: merged,
    operands,
    nodeCount: replicated?.nodeCount ?? count,
    slotCount,
    parameterCount: graph.parameterNodes.length,
    inputCount: graph.inputNodes.length,
    outputSlot: readSlot(slotOf[count - 1]!),
    observedSlots: graph.observedNodes.map((node, index) =>
      standInAt !== undefined && standInAt[index]! >= 0
        ? replicated!.outputSlot(standInAt[index]!)
        : readSlot(slotOf[node]!),
    ),
    values,
    labels,
    inputGradients,
  }
}

/**
 * The first sample's recorded values into its copy, so that the output holds its recorded value
 * before the first `forward()`, and its labels onto every sample's copy, for error messages.
 */
function copyRecorded(
  { copySlot, copiedSlots }: ReplicatedSamples,
  rows: number,
  values: Float64Array,
  labels: Map<number, string>,
): void {
  for (const slot of copiedSlots) {
    values[copySlot(0, slot)] = values[slot]!
    const label = labels.get(slot)
    if (label !== undefined)
      for (let sample = 0; sample < rows; sample++) labels.set(copySlot(sample, slot), label)
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
