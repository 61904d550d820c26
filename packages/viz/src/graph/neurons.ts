import { type Graph, type GraphEdge, matchNeuron, type Value } from '@mg/engine'

/** One evaluation of a neuron found in a graph: `activation(dot(xs, weights) + bias)`. */
export interface NeuronEvaluation {
  /** The fused `dot` node; its children are the inputs followed by the weights. */
  readonly dot: Value
  /** The value the neuron hands on: the activation, else the bias `add`, else the `dot`. */
  readonly output: Value
  /** The op nodes drawn inside the neuron's box. */
  readonly members: readonly Value[]
  /** Weights, then the bias if there is one. */
  readonly parameters: readonly Value[]
  /** The bias, when the neuron has one. */
  readonly bias: Value | undefined
  /** The activation's op (`'relu'`, `'tanh'`, …), or `'linear'` without one. */
  readonly activation: string
  /** 1 for a neuron fed by no other neuron, 2 for the next layer, and so on. */
  readonly layer: number
  /** Position of the neuron in its layer, from 1, in the order the walk first meets it. */
  readonly index: number
  /** The first weight, which tells one neuron of a model from another across evaluations. */
  readonly identity: Value
}

/** Everything the collapsed views need to know about the neurons of a graph. */
export interface NeuronAnalysis {
  readonly evaluations: readonly NeuronEvaluation[]
  /** The evaluation each `dot`, bias `add` and activation belongs to. */
  readonly memberOf: ReadonlyMap<Value, NeuronEvaluation>
  /** Every weight and bias of every evaluation. */
  readonly parameters: ReadonlySet<Value>
  /** For each value, the values computed from it (one entry per edge). */
  readonly consumers: ReadonlyMap<Value, readonly Value[]>
}

/**
 * Finds neuron evaluations with the engine's {@link matchNeuron}, the matcher compiled graphs fuse
 * by: a `dot` whose weights are leaves, with the `add` of a leaf bias and an activation when
 * nothing else uses the intermediate result. That is exactly what `Neuron.forward` records, and
 * what a reader thinks of as "one neuron".
 */
export function findNeurons(graph: Graph): NeuronAnalysis {
  const consumers = new Map<Value, Value[]>()
  for (const edge of graph.edges) {
    const list = consumers.get(edge.from)
    if (list) list.push(edge.to)
    else consumers.set(edge.from, [edge.to])
  }
  const soleConsumer = (value: Value): Value | undefined => {
    const list = consumers.get(value)
    return list?.length === 1 ? list[0] : undefined
  }

  const evaluations: NeuronEvaluation[] = []
  const memberOf = new Map<Value, NeuronEvaluation>()
  const parameters = new Set<Value>()
  const depth = new Map<Value, number>()
  const numbering = new Map<Value, { layer: number; index: number }>()
  const layerSizes: number[] = []

  for (const node of graph.nodes) {
    let inputDepth = 0
    for (const child of node.children) inputDepth = Math.max(inputDepth, depth.get(child) ?? 0)
    // Only depths above 0 are stored: a graph without neurons then costs no map writes.
    if (inputDepth > 0) depth.set(node, inputDepth)
    const neuron = matchNeuron(node, soleConsumer)
    if (neuron === undefined) continue
    const { bias, activation, output } = neuron
    const weights = node.children.slice(node.children.length / 2)
    const members = [node, neuron.biasAdd, activation].filter((member) => member !== undefined)
    const neuronParameters = bias === undefined ? weights : [...weights, bias]

    const identity = weights[0]!
    let place = numbering.get(identity)
    if (!place) {
      const layer = inputDepth + 1
      layerSizes[layer] = (layerSizes[layer] ?? 0) + 1
      place = { layer, index: layerSizes[layer]! }
      numbering.set(identity, place)
    }
    const evaluation: NeuronEvaluation = {
      dot: node,
      output,
      members,
      parameters: neuronParameters,
      bias,
      activation: activation?.op ?? 'linear',
      layer: place.layer,
      index: place.index,
      identity,
    }
    evaluations.push(evaluation)
    for (const member of members) memberOf.set(member, evaluation)
    for (const parameter of neuronParameters) parameters.add(parameter)
    // The add and activation come later in the walk and inherit this depth from the dot.
    depth.set(node, inputDepth + 1)
  }
  return { evaluations, memberOf, parameters, consumers }
}

/** Names a neuron as the pictures do: `L2 N5`. */
export function neuronName(evaluation: NeuronEvaluation): string {
  return `L${evaluation.layer} N${evaluation.index}`
}

/** Whether an edge into a neuron's op stays inside its box: a weight, the bias, or a fused step. */
export function isInternalEdge(
  evaluation: NeuronEvaluation,
  edge: GraphEdge,
  analysis: NeuronAnalysis,
): boolean {
  if (analysis.memberOf.get(edge.from) === evaluation) return true
  if (edge.to === evaluation.dot) return edge.slot >= evaluation.dot.children.length / 2
  return edge.from === evaluation.bias && analysis.memberOf.get(edge.to) === evaluation
}
