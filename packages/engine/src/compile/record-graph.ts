import { InvalidOptionError } from '../errors.js'
import { topologicalSort } from '../topological-sort.js'
import type { Value } from '../value.js'
import {
  type DeclaredRole,
  DuplicateDeclarationError,
  NotALeafError,
  UnreachableValueError,
  UnsupportedOpError,
} from './compile-errors.js'
import { NO_OP, OP_CODES } from './tape.js'

/** A node computed by an op from at least one input or parameter. */
export const COMPUTED = 0
/** A declared parameter. */
export const PARAMETER = 1
/** A declared input. */
export const INPUT = 2
/** A leaf nobody declared, or an op computed from such leaves alone: its data is fixed. */
export const CONSTANT = 3
/** A leaf standing for one output of a sample other than the first (see `samples`). */
export const STAND_IN = 4

/** The graph of one output as flat arrays indexed by topological position. */
export interface RecordedGraph {
  /** The nodes in topological order; the output is last. */
  readonly nodes: readonly Value[]
  /** {@link COMPUTED}, {@link PARAMETER}, {@link INPUT} or {@link CONSTANT}, per node. */
  readonly kind: Uint8Array
  /** Node `i`'s children are `childList[childStart[i] .. childStart[i + 1]]`. */
  readonly childStart: Int32Array
  readonly childList: Int32Array
  /** How many times each node appears among the children of op nodes. */
  readonly consumers: Int32Array
  /** The last op node that has each node among its children, or -1: its only one when `consumers` is 1. */
  readonly consumerOf: Int32Array
  /** The op code (its position in the op table) of each computed node; `NO_OP` for the others. */
  readonly opOf: Uint8Array
  /** Node index of each parameter, input and observed value, in declaration order. */
  readonly parameterNodes: Int32Array
  readonly inputNodes: Int32Array
  readonly observedNodes: Int32Array
  /** Where the samples of `compileGraph`'s `samples` option are, if it was given. */
  readonly samples: RecordedSamples | undefined
}

/**
 * The samples of a batch that run one computation alike: each sample's input leaves, and the
 * values that computation gives for the first sample, with leaves standing for them in the others.
 */
export interface CompileGraphSamples {
  /** One row per sample: its input leaves, each also declared in `inputs`. */
  readonly inputs: readonly (readonly Value[])[]
  /**
   * One row per sample: the first sample's computed outputs, then for every other sample new leaves
   * that stand for its outputs of the same computation.
   */
  readonly outputs: readonly (readonly Value[])[]
}

/** The samples option located in the recorded graph. */
interface RecordedSamples {
  readonly rows: number
  readonly inputWidth: number
  readonly outputWidth: number
  /** Sample `r`'s input `i` is declared input `inputIndex[r · inputWidth + i]`. */
  readonly inputIndex: Int32Array
  /** The node of the first sample's output `j`. */
  readonly templateOutputs: Int32Array
  /** The node of the leaf standing for sample `r`'s output `j` at `r · outputWidth + j`, or -1. */
  readonly standIns: Int32Array
  /** For each observed value, `r · outputWidth + j` when it stands for sample `r`'s output `j`, else -1. */
  readonly observedStandIn: Int32Array
}

/** What `compileGraph` was asked to record. */
export interface GraphDeclaration {
  readonly output: Value
  readonly inputs: readonly Value[]
  readonly parameters: readonly Value[]
  readonly observed: readonly Value[]
  readonly samples?: CompileGraphSamples | undefined
}

/**
 * Walks the output's graph once and checks the declaration against it: declared inputs and
 * parameters must be distinct leaves, and every declared value must be reachable from the output.
 */
export function recordGraph(declaration: GraphDeclaration): RecordedGraph {
  const { output, inputs, parameters, observed, samples } = declaration
  const standIns = samples?.outputs.slice(1).flat() ?? []
  checkLeaves(parameters, inputs, standIns, samples?.outputs[0]?.length ?? 0)
  const nodes = topologicalSort(output)
  const count = nodes.length
  // Finding the position of millions of children in a Map costs seconds; a field on each node
  // costs one property read. A position left from an earlier graph is harmless: isListed checks it.
  for (let index = 0; index < count; index++) nodes[index]!._position = index
  // Only the first sample's graph is built: the others' inputs and stand-ins need not be in it.
  const sampleInputs = new Set(samples?.inputs.flat())
  const standInSet = new Set(standIns)
  const parameterNodes = locate(nodes, parameters, 'parameter')
  const inputNodes = locate(nodes, inputs, 'input', sampleInputs)
  const observedNodes = locate(nodes, observed, 'observed', standInSet)
  const recordedSamples =
    samples && locateSamples(nodes, samples, inputs, observed, sampleInputs, standInSet)
  const links = linkChildren(nodes, parameterNodes, inputNodes, recordedSamples?.standIns)
  return {
    nodes,
    ...links,
    parameterNodes,
    inputNodes,
    observedNodes,
    samples: recordedSamples,
  }
}

/** Finds the samples' inputs among the declared inputs, and their outputs and stand-ins in `nodes`. */
function locateSamples(
  nodes: readonly Value[],
  samples: CompileGraphSamples,
  inputs: readonly Value[],
  observed: readonly Value[],
  sampleInputs: ReadonlySet<Value>,
  standInSet: ReadonlySet<Value>,
): RecordedSamples {
  const rows = samples.inputs.length
  const inputWidth = samples.inputs[0]!.length
  const outputWidth = samples.outputs[0]!.length
  const declaredAt = new Map(inputs.map((input, index) => [input, index]))
  const inputIndex = new Int32Array(rows * inputWidth)
  samples.inputs.forEach((row, sample) => {
    row.forEach((input, column) => {
      const index = declaredAt.get(input)
      if (index === undefined)
        throw new InvalidOptionError(
          `samples.inputs[${sample}][${column}]`,
          input,
          'a Value also declared in inputs',
          'List every sample input in inputs too: that sets where its data goes in inputData.',
          { functionName: 'compileGraph' },
        )
      inputIndex[sample * inputWidth + column] = index
    })
  })
  const firstRow = new Set(samples.inputs[0])
  samples.outputs[0]!.forEach((output, column) => {
    const otherSample =
      standInSet.has(output) || (sampleInputs.has(output) && !firstRow.has(output))
    if (otherSample)
      throw new InvalidOptionError(
        `samples.outputs[0][${column}]`,
        output,
        "a value of the first sample: computed from its inputs, or one of them, not another sample's",
        '',
        { functionName: 'compileGraph' },
      )
  })
  const templateOutputs = locate(nodes, samples.outputs[0]!, 'sample output')
  const standIns = new Int32Array(rows * outputWidth).fill(-1)
  const standInAt = new Map<Value, number>()
  samples.outputs.forEach((row, sample) => {
    if (sample === 0) return
    row.forEach((standIn, column) => {
      const at = sample * outputWidth + column
      standInAt.set(standIn, at)
      if (isListed(nodes, standIn)) standIns[at] = standIn._position
    })
  })
  const observedStandIn = Int32Array.from(observed, (value) =>
    standInSet.has(value) ? standInAt.get(value)! : -1,
  )
  return {
    rows,
    inputWidth,
    outputWidth,
    inputIndex,
    templateOutputs,
    standIns,
    observedStandIn,
  }
}

/** Lists each node's children by position and classifies nodes. */
function linkChildren(
  nodes: readonly Value[],
  parameterNodes: Int32Array,
  inputNodes: Int32Array,
  standIns: Int32Array | undefined,
) {
  const count = nodes.length
  const kind = new Uint8Array(count).fill(COMPUTED)
  for (const node of parameterNodes) kind[node] = PARAMETER
  for (const node of inputNodes) if (node >= 0) kind[node] = INPUT
  if (standIns) for (const node of standIns) if (node >= 0) kind[node] = STAND_IN
  let edges = 0
  for (const node of nodes) edges += node.children.length
  const childStart = new Int32Array(count + 1)
  const childList = new Int32Array(edges)
  const consumers = new Int32Array(count)
  const consumerOf = new Int32Array(count).fill(-1)
  const opOf = new Uint8Array(count).fill(NO_OP)
  let cursor = 0
  for (let index = 0; index < count; index++) {
    childStart[index] = cursor
    const children = nodes[index]!.children
    if (kind[index] !== COMPUTED) continue
    if (children.length === 0) {
      kind[index] = CONSTANT
      continue
    }
    let varying = false
    for (let slot = 0; slot < children.length; slot++) {
      const child = children[slot]!._position
      childList[cursor++] = child
      consumers[child]!++
      consumerOf[child] = index
      if (kind[child] !== CONSTANT) varying = true
    }
    // An op fed by constants alone always gives its recorded data: fold it into a constant.
    if (!varying) kind[index] = CONSTANT
    else opOf[index] = opCode(nodes[index]!.op)
  }
  childStart[count] = cursor
  return { kind, childStart, childList, consumers, consumerOf, opOf }
}

/** Whether `value` is in `nodes`: its recorded position must point back at it. */
function isListed(nodes: readonly Value[], value: Value): boolean {
  const position = value._position
  return position >= 0 && position < nodes.length && nodes[position] === value
}

function opCode(op: string): number {
  const code = OP_CODES.get(op)
  if (code === undefined) throw new UnsupportedOpError(op)
  return code
}

/** Checks that declared parameters, inputs and samples' stand-ins are distinct leaves. */
function checkLeaves(
  parameters: readonly Value[],
  inputs: readonly Value[],
  standIns: readonly Value[],
  outputWidth: number,
): void {
  const declaredAs = new Map<Value, string>()
  // A stand-in's index counts the samples' outputs row by row, from the first sample's.
  const check = (values: readonly Value[], role: DeclaredRole, first = 0) => {
    values.forEach((value, position) => {
      const index = first + position
      if (value.children.length > 0) throw new NotALeafError(role, index, value.op)
      const previous = declaredAs.get(value)
      if (previous !== undefined) throw new DuplicateDeclarationError(previous, `${role} ${index}`)
      declaredAs.set(value, `${role} ${index}`)
    })
  }
  check(parameters, 'parameter')
  check(inputs, 'input')
  check(standIns, 'sample output', outputWidth)
}

/**
 * Positions of `values` in `nodes`; a value outside the graph has none, which only those in
 * `mayBeAbsent` may lack (their position is then -1).
 */
function locate(
  nodes: readonly Value[],
  values: readonly Value[],
  role: DeclaredRole,
  mayBeAbsent?: ReadonlySet<Value>,
): Int32Array {
  const positions = new Int32Array(values.length)
  values.forEach((value, index) => {
    if (isListed(nodes, value)) positions[index] = value._position
    else if (mayBeAbsent?.has(value)) positions[index] = -1
    else throw new UnreachableValueError(role, index, value.label)
  })
  return positions
}
