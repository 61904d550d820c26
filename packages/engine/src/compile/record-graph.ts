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
}

/** What `compileGraph` was asked to record. */
export interface GraphDeclaration {
  readonly output: Value
  readonly inputs: readonly Value[]
  readonly parameters: readonly Value[]
  readonly observed: readonly Value[]
}

/**
 * Walks the output's graph once and checks the declaration against it: declared inputs and
 * parameters must be distinct leaves, and every declared value must be reachable from the output.
 */
export function recordGraph(declaration: GraphDeclaration): RecordedGraph {
  const { output, inputs, parameters, observed } = declaration
  checkLeaves(parameters, inputs)
  const nodes = topologicalSort(output)
  const count = nodes.length
  // Finding the position of millions of children in a Map costs seconds; a field on each node
  // costs one property read. A position left from an earlier graph is harmless: isListed checks it.
  for (let index = 0; index < count; index++) nodes[index]!._position = index
  const parameterNodes = locate(nodes, parameters, 'parameter')
  const inputNodes = locate(nodes, inputs, 'input')
  const observedNodes = locate(nodes, observed, 'observed')
  const links = linkChildren(nodes, parameterNodes, inputNodes)
  return { nodes, ...links, parameterNodes, inputNodes, observedNodes }
}

/** Lists each node's children by position and classifies nodes. */
function linkChildren(nodes: readonly Value[], parameterNodes: Int32Array, inputNodes: Int32Array) {
  const count = nodes.length
  const kind = new Uint8Array(count).fill(COMPUTED)
  for (const node of parameterNodes) kind[node] = PARAMETER
  for (const node of inputNodes) kind[node] = INPUT
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

/** Checks that declared parameters and inputs are distinct leaves. */
function checkLeaves(parameters: readonly Value[], inputs: readonly Value[]): void {
  const declaredAs = new Map<Value, string>()
  const check = (values: readonly Value[], role: DeclaredRole) => {
    values.forEach((value, index) => {
      if (value.children.length > 0) throw new NotALeafError(role, index, value.op)
      const previous = declaredAs.get(value)
      if (previous !== undefined) throw new DuplicateDeclarationError(previous, `${role} ${index}`)
      declaredAs.set(value, `${role} ${index}`)
    })
  }
  check(parameters, 'parameter')
  check(inputs, 'input')
}

/** Positions of `values` in `nodes`; a value outside the graph has none. */
function locate(nodes: readonly Value[], values: readonly Value[], role: DeclaredRole): Int32Array {
  const positions = new Int32Array(values.length)
  values.forEach((value, index) => {
    if (!isListed(nodes, value)) throw new UnreachableValueError(role, index, value.label)
    positions[index] = value._position
  })
  return positions
}
