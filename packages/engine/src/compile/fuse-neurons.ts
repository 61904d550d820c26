import { matchNeuron } from '../match-neuron.js'
import type { Value } from '../value.js'
import { COMPUTED, type RecordedGraph } from './record-graph.js'
import { DOT, NO_ACTIVATION } from './tape.js'

/** Which nodes run as one fused neuron `activation(dot(xs, ws) + bias)`. */
export interface Fusion {
  /** 1 for a `dot` or `add` folded into the neuron that consumes it: it gets no slot of its own. */
  readonly absorbed: Uint8Array
  /** For the last node of a fused neuron: its `dot` node; -1 elsewhere. */
  readonly dotOf: Int32Array
  /** For the last node of a fused neuron: the bias node, or -1 when there is none. */
  readonly biasOf: Int32Array
  /** For the last node of a fused neuron: its activation's op code, or `NO_ACTIVATION`. */
  readonly activationOf: Int16Array
}

/**
 * Finds every neuron ({@link matchNeuron}) whose intermediate results feed nothing else, so the
 * whole neuron runs as one step. The fused step does the same floating-point operations in the
 * same order as the separate nodes, so results are unchanged; it only saves the dispatch and the
 * memory of the intermediates.
 */
export function fuseNeurons(graph: RecordedGraph, keep: Uint8Array): Fusion {
  const { nodes, kind, consumers, consumerOf, opOf } = graph
  const count = nodes.length
  const absorbed = new Uint8Array(count)
  const dotOf = new Int32Array(count).fill(-1)
  const biasOf = new Int32Array(count).fill(-1)
  const activationOf = new Int16Array(count).fill(NO_ACTIVATION)
  // An intermediate can disappear only if the fused step is its single consumer and nobody reads it.
  const soleConsumer = (value: Value): Value | undefined => {
    const node = value._position
    const isPrivate = kind[node] === COMPUTED && consumers[node] === 1 && keep[node] === 0
    return isPrivate ? nodes[consumerOf[node]!] : undefined
  }

  for (let dot = 0; dot < count; dot++) {
    if (kind[dot] !== COMPUTED || opOf[dot] !== DOT) continue
    const neuron = matchNeuron(nodes[dot]!, soleConsumer)
    // A lone dot is already one step.
    if (neuron === undefined || neuron.output === neuron.dot) continue
    const head = neuron.output._position
    dotOf[head] = dot
    biasOf[head] = neuron.bias?._position ?? -1
    if (neuron.activation !== undefined) activationOf[head] = opOf[head]!
    absorbed[dot] = 1
    if (neuron.biasAdd !== undefined && neuron.biasAdd !== neuron.output)
      absorbed[neuron.biasAdd._position] = 1
  }
  return { absorbed, dotOf, biasOf, activationOf }
}
