import { InvalidOptionError } from '../errors.js'
import { OP_LIST } from '../ops.js'
import type { EmittedRecords } from './emit-records.js'
import { COMPUTED, type RecordedGraph, STAND_IN } from './record-graph.js'
import {
  A,
  B,
  BIAS,
  CODE,
  DOT,
  FLAGS,
  LENGTH,
  OUT,
  RECORD_WIDTH,
  SUM,
  W_RANGE,
  X_RANGE,
} from './tape.js'

/** The records of every sample, made from the first sample's, and where the samples' values are. */
export interface ReplicatedSamples {
  readonly records: Int32Array
  readonly operands: Int32Array
  /**
   * 1 for a record that `mergeRuns` must not merge into the one before: the first of each
   * sample's copy, and each record that reads the samples' outputs.
   */
  readonly runStarts: Uint8Array
  /** The slot count with every sample's copy of the first sample's slots. */
  readonly slotCount: number
  /** The nodes of the graph the tape stands for, as if it had been built for every sample. */
  readonly nodeCount: number
  /**
   * Where sample `sample`'s copy has the value the first sample's records had at `slot`; for a
   * stand-in's slot, where its sample's output is; any other slot is where it was. The rest of the
   * graph reads `copySlot(0, slot)`.
   */
  readonly copySlot: (sample: number, slot: number) => number
  /** The slots of the first sample's computation, which every copy has a slot for. */
  readonly copiedSlots: Int32Array
  /** Where sample `r`'s output `j` is, for `at = r · outputWidth + j`. */
  readonly outputSlot: (at: number) => number
}

/** What a slot is to the copies of the first sample's records. */
const SHARED = 0
/** Written by the first sample's computation: each copy has its own, at `copyStart + sample · size + rank`. */
const COPIED = 1
/** One of the first sample's inputs: each copy reads its own sample's. */
const SAMPLE_INPUT = 2
/** A leaf standing for another sample's output: it is read where that copy writes the output. */
const STAND_IN_SLOT = 3

/**
 * Runs the first sample's records once for every sample of `compileGraph`'s `samples` option, so
 * that only one sample's graph is ever built and recorded. The first sample's records (the nodes
 * that its outputs need and that depend on its inputs) are copied once per sample, each copy
 * reading that sample's inputs and writing its own block of slots, laid out as the first sample's
 * were: slot ranges stay ranges, and the copies differ by constant steps, as the samples of a fully
 * built batch do, so `mergeRuns` and `batchSamples` treat them alike. Records that read a sample's
 * outputs (the loss) now read them from its copy, and run after all copies.
 */
export function replicateSamples(
  graph: RecordedGraph,
  emitted: EmittedRecords,
  slotOf: Int32Array,
  slotCount: number,
): ReplicatedSamples {
  const samples = graph.samples!
  const { rows, inputWidth, outputWidth, inputIndex, templateOutputs, standIns } = samples
  const template = templateNodes(graph)
  const later = readersOfSamples(graph, template)

  const slotClass = new Uint8Array(slotCount)
  const slotValue = new Int32Array(slotCount)
  let templateNodeCount = 0
  for (let node = 0; node < template.length; node++) {
    if (template[node] === 0) continue
    templateNodeCount++
    if (slotOf[node]! >= 0) slotClass[slotOf[node]!] = COPIED
  }
  let size = 0
  for (let slot = 0; slot < slotCount; slot++)
    if (slotClass[slot] === COPIED) slotValue[slot] = size++
  const copiedSlots = new Int32Array(size)
  for (let slot = 0; slot < slotCount; slot++)
    if (slotClass[slot] === COPIED) copiedSlots[slotValue[slot]!] = slot
  const inputStart = graph.parameterNodes.length
  for (let column = 0; column < inputWidth; column++) {
    const slot = inputStart + inputIndex[column]!
    slotClass[slot] = SAMPLE_INPUT
    slotValue[slot] = column
  }
  for (let at = outputWidth; at < standIns.length; at++) {
    const node = standIns[at]!
    if (node < 0 || slotOf[node]! < 0) continue
    slotClass[slotOf[node]!] = STAND_IN_SLOT
    slotValue[slotOf[node]!] = at
  }

  const copyStart = slotCount
  const copySlot = (sample: number, slot: number): number => {
    switch (slotClass[slot]) {
      case COPIED:
        return copyStart + sample * size + slotValue[slot]!
      case SAMPLE_INPUT:
        return inputStart + inputIndex[sample * inputWidth + slotValue[slot]!]!
      case STAND_IN_SLOT:
        return outputSlot(slotValue[slot]!)
      default:
        return slot
    }
  }
  const outputSlot = (at: number): number =>
    copySlot(Math.floor(at / outputWidth), slotOf[templateOutputs[at % outputWidth]!]!)

  const { records, recordNodes } = emitted
  const recordCount = recordNodes.length
  const templateRecords: number[] = []
  for (let index = 0; index < recordCount; index++)
    if (template[recordNodes[index]!] === 1) templateRecords.push(index)
  const lastTemplate = templateRecords.at(-1) ?? -1
  const out = new Int32Array((recordCount + (rows - 1) * templateRecords.length) * RECORD_WIDTH)
  const operands = new OperandLists(emitted.operands, slotClass)
  let length = 0
  const emit = (index: number, sample: number) => {
    const at = index * RECORD_WIDTH
    out.set(records.subarray(at, at + RECORD_WIDTH), length)
    remapRecord(out, length, (slot) => copySlot(sample, slot), operands)
    length += RECORD_WIDTH
  }
  const runStarts = new Uint8Array(out.length / RECORD_WIDTH)
  const deferred: number[] = []
  for (let index = 0; index < recordCount; index++) {
    const node = recordNodes[index]!
    if (later[node] === 1) deferred.push(index)
    else if (template[node] === 0) {
      out.set(records.subarray(index * RECORD_WIDTH, (index + 1) * RECORD_WIDTH), length)
      length += RECORD_WIDTH
    } else if (index === lastTemplate)
      for (let sample = 0; sample < rows; sample++) {
        runStarts[length / RECORD_WIDTH] = 1
        for (const copied of templateRecords) emit(copied, sample)
      }
  }
  // What reads the samples' outputs (a loss) runs each sample alike: batchSamples gathers each of
  // its ops across the samples, which it cannot do once a sample's ops are merged into short runs.
  for (const index of deferred) {
    runStarts[length / RECORD_WIDTH] = 1
    emit(index, 0)
  }

  return {
    records: out,
    operands: operands.finish(),
    runStarts,
    slotCount: copyStart + rows * size,
    nodeCount: standingFor(graph, templateNodeCount),
    copySlot,
    copiedSlots,
    outputSlot,
  }
}

/**
 * The nodes of the graph built for every sample: the recorded ones and every other sample's copy
 * of the first sample's computation and inputs, without the stand-ins.
 */
function standingFor(graph: RecordedGraph, templateNodeCount: number): number {
  const { rows, standIns } = graph.samples!
  let count = graph.nodes.length + (rows - 1) * templateNodeCount
  for (const node of graph.inputNodes) if (node < 0) count++
  for (const node of standIns) if (node >= 0) count--
  return count
}

/**
 * The nodes of the first sample's computation: computed from its inputs, and needed by its
 * outputs. They may read parameters, constants and other shared values, but not another sample's
 * inputs or outputs.
 */
function templateNodes(graph: RecordedGraph): Uint8Array {
  const { kind, childStart, childList, inputNodes } = graph
  const { inputWidth, inputIndex, templateOutputs } = graph.samples!
  const count = kind.length
  const fromInputs = new Uint8Array(count)
  const otherSample = new Uint8Array(count)
  // An input in the first sample's row is its own, even when other rows hold it too (a feature
  // that is the same Value in every row): each copy reads its own row's at that column.
  inputIndex.forEach((index, at) => {
    const node = inputNodes[index]!
    if (node >= 0 && at < inputWidth) fromInputs[node] = 1
  })
  inputIndex.forEach((index, at) => {
    const node = inputNodes[index]!
    if (node >= 0 && at >= inputWidth && fromInputs[node] === 0) otherSample[node] = 1
  })
  // Which nodes depend on the first sample's inputs, and which on another sample's values.
  for (let node = 0; node < count; node++) {
    if (kind[node] === STAND_IN) otherSample[node] = 1
    if (kind[node] !== COMPUTED) continue
    for (let edge = childStart[node]!; edge < childStart[node + 1]!; edge++) {
      const child = childList[edge]!
      fromInputs[node]! |= fromInputs[child]!
      otherSample[node]! |= otherSample[child]!
    }
  }
  const template = new Uint8Array(count)
  for (const node of templateOutputs) template[node] = 1
  for (let node = count - 1; node >= 0; node--) {
    if (template[node] === 0) continue
    if (kind[node] !== COMPUTED || fromInputs[node] === 0) {
      template[node] = 0
      continue
    }
    for (let edge = childStart[node]!; edge < childStart[node + 1]!; edge++) {
      const child = childList[edge]!
      if (otherSample[child] === 1) throw readsOtherSample()
      template[child] = 1
    }
  }
  return template
}

function readsOtherSample(): InvalidOptionError {
  return new InvalidOptionError(
    'samples.outputs[0]',
    "values that read another sample's inputs or outputs",
    'values computed from samples.inputs[0], the parameters and constants alone',
    'Each sample must run the same computation on its own inputs; combine samples in the rest ' +
      'of the graph, from samples.outputs.',
    { functionName: 'compileGraph' },
  )
}

/** The nodes outside the first sample's computation that read its values or a stand-in, directly or not. */
function readersOfSamples(graph: RecordedGraph, template: Uint8Array): Uint8Array {
  const { kind, childStart, childList } = graph
  const later = new Uint8Array(kind.length)
  for (let node = 0; node < kind.length; node++) {
    if (kind[node] !== COMPUTED || template[node] === 1) continue
    for (let edge = childStart[node]!; edge < childStart[node + 1]!; edge++) {
      const child = childList[edge]!
      if (template[child] === 1 || kind[child] === STAND_IN || later[child] === 1) {
        later[node] = 1
        break
      }
    }
  }
  return later
}

/** Points a record's slots through `map`; operand lists that stop being slot ranges are listed. */
function remapRecord(
  records: Int32Array,
  at: number,
  map: (slot: number) => number,
  operands: OperandLists,
): void {
  const code = records[at + CODE]!
  records[at + OUT] = map(records[at + OUT]!)
  if (code === DOT || code === SUM) {
    const length = records[at + LENGTH]!
    operands.place(records, at, A, X_RANGE, length, map)
    // A sum's second operand is the range of ones, which every copy shares.
    if (code === DOT) operands.place(records, at, B, W_RANGE, length, map)
    if (records[at + BIAS]! >= 0) records[at + BIAS] = map(records[at + BIAS]!)
    return
  }
  records[at + A] = map(records[at + A]!)
  if (OP_LIST[code]!.arity === 2) records[at + B] = map(records[at + B]!)
}

/**
 * The operand lists of the replicated records: the recorded ones, then lists for operands that the
 * copy no longer finds side by side.
 */
class OperandLists {
  private readonly added: number[] = []
  /** How many slots below each slot move in a copy, and how many are copied ones. */
  private readonly moved: Int32Array
  private readonly copied: Int32Array

  constructor(
    private readonly recorded: Int32Array,
    slotClass: Uint8Array,
  ) {
    this.moved = new Int32Array(slotClass.length + 1)
    this.copied = new Int32Array(slotClass.length + 1)
    for (let slot = 0; slot < slotClass.length; slot++) {
      this.moved[slot + 1] = this.moved[slot]! + (slotClass[slot] === SHARED ? 0 : 1)
      this.copied[slot + 1] = this.copied[slot]! + (slotClass[slot] === COPIED ? 1 : 0)
    }
  }

  /** Points the operand field `field` (a range when `rangeFlag` is set, else a list) through `map`. */
  place(
    records: Int32Array,
    at: number,
    field: number,
    rangeFlag: number,
    length: number,
    map: (slot: number) => number,
  ): void {
    const start = records[at + field]!
    const isRange = (records[at + FLAGS]! & rangeFlag) !== 0
    if (isRange && start + length <= this.moved.length - 1) {
      const moved = this.moved[start + length]! - this.moved[start]!
      // Shared slots stay; a range of copied slots is a range in every copy.
      if (moved === 0) return
      if (this.copied[start + length]! - this.copied[start]! === length) {
        records[at + field] = map(start)
        return
      }
    }
    const slots = new Int32Array(length)
    for (let index = 0; index < length; index++)
      slots[index] = map(isRange ? start + index : this.recorded[start + index]!)
    let contiguous = true
    for (let index = 1; index < length && contiguous; index++)
      contiguous = slots[index] === slots[0]! + index
    if (contiguous) {
      records[at + field] = slots[0]!
      records[at + FLAGS]! |= rangeFlag
      return
    }
    records[at + field] = this.recorded.length + this.added.length
    records[at + FLAGS]! &= ~rangeFlag
    for (const slot of slots) this.added.push(slot)
  }

  finish(): Int32Array {
    const all = new Int32Array(this.recorded.length + this.added.length)
    all.set(this.recorded)
    all.set(this.added, this.recorded.length)
    return all
  }
}
