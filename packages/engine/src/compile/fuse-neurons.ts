import {
  NO_ACTIVATION,
  RELU_ACTIVATION,
  SIGMOID_ACTIVATION,
  TANH_ACTIVATION,
} from './activations.js'
import { COMPUTED, type RecordedGraph } from './record-graph.js'
import { ADD, DOT, RELU, SIGMOID, TANH } from './tape.js'

const ACTIVATIONS: Readonly<Record<number, number>> = {
  [RELU]: RELU_ACTIVATION,
  [TANH]: TANH_ACTIVATION,
  [SIGMOID]: SIGMOID_ACTIVATION,
}

/** Which nodes run as one fused neuron `activation(dot(xs, ws) + bias)`. */
export interface Fusion {
  /** 1 for a `dot` or `add` folded into the neuron that consumes it: it gets no slot of its own. */
  readonly absorbed: Uint8Array
  /** For the last node of a fused neuron: its `dot` node; -1 elsewhere. */
  readonly dotOf: Int32Array
  /** For the last node of a fused neuron: the bias node, or -1 when there is none. */
  readonly biasOf: Int32Array
  /** For the last node of a fused neuron: one of the `*_ACTIVATION` codes. */
  readonly activationOf: Uint8Array
}

/**
 * Finds every `dot`, optionally followed by `add` of a leaf or constant and by `relu`, `tanh` or
 * `sigmoid`, whose intermediate results feed nothing else, so the whole neuron runs as one step.
 * The fused step does the same floating-point operations in the same order as the separate nodes,
 * so results are unchanged; it only saves the dispatch and the memory of the intermediates.
 */
export function fuseNeurons(graph: RecordedGraph, keep: Uint8Array): Fusion {
  const { nodes, kind, childStart, childList, consumers, opOf } = graph
  const count = nodes.length
  const absorbed = new Uint8Array(count)
  const dotOf = new Int32Array(count).fill(-1)
  const biasOf = new Int32Array(count).fill(-1)
  const activationOf = new Uint8Array(count)
  // An intermediate can disappear only if this fused step is its single consumer and nobody reads it.
  const isPrivate = (node: number) =>
    kind[node] === COMPUTED && consumers[node] === 1 && keep[node] === 0
  const isDot = (node: number) => opOf[node] === DOT && isPrivate(node)

  for (let head = count - 1; head >= 0; head--) {
    if (kind[head] !== COMPUTED || absorbed[head] === 1) continue
    let activation = NO_ACTIVATION
    let top = head
    const code = ACTIVATIONS[opOf[head]!]
    if (code !== undefined) {
      const child = childList[childStart[head]!]!
      if (!isPrivate(child)) continue
      activation = code
      top = child
    }
    let dot = -1
    let bias = -1
    if (opOf[top] === DOT) dot = top
    else if (opOf[top] === ADD) {
      const left = childList[childStart[top]!]!
      const right = childList[childStart[top]! + 1]!
      // Only a fixed bias keeps the order of gradient accumulation exactly that of the dynamic engine.
      if (isDot(left) && kind[right] !== COMPUTED) {
        dot = left
        bias = right
      } else if (isDot(right) && kind[left] !== COMPUTED) {
        dot = right
        bias = left
      }
    }
    // A lone dot is already one step.
    if (dot < 0 || dot === head) continue
    dotOf[head] = dot
    biasOf[head] = bias
    activationOf[head] = activation
    absorbed[dot] = 1
    if (top !== dot && top !== head) absorbed[top] = 1
  }
  return { absorbed, dotOf, biasOf, activationOf }
}
