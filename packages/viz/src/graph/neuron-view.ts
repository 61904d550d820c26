import type { Graph, Value } from '@mg/engine'
import { addOpNode, addRecord, roleOf, valueFields } from './dot-style.js'
import { isInternalEdge, type NeuronAnalysis, neuronName } from './neurons.js'
import type { GraphView } from './value-view.js'

/**
 * One box per neuron evaluation (its dot product, weights, bias and activation fused), every other
 * value as in the full view. Parameters used only inside neurons are not drawn on their own.
 */
export function neuronView(graph: Graph, root: Value, analysis: NeuronAnalysis): GraphView {
  const hidden = hiddenValues(graph, analysis)
  return {
    boxCount: graph.nodes.length - hidden.size,
    draw(digraph, style) {
      const ids = new Map<Value, string>()
      graph.nodes.forEach((node, index) => {
        if (hidden.has(node)) return
        const id = `v${index}`
        ids.set(node, id)
        const evaluation = analysis.memberOf.get(node)
        if (evaluation) {
          const title = `${node.label || neuronName(evaluation)} · ${evaluation.activation}`
          const weights = evaluation.dot.children.length / 2
          const bias = evaluation.parameters.length > weights ? ' + bias' : ''
          addRecord(
            digraph,
            id,
            valueFields(title, node, style),
            node === root ? 'root' : 'neuron',
            `neuron ${evaluation.index} of layer ${evaluation.layer}: ${evaluation.activation}(w·x${bias}) with ${weights} weights, data ${node.data}${style.showGrad ? `, grad ${node.grad}` : ''}`,
          )
          return
        }
        addRecord(digraph, id, valueFields(node.label, node, style), roleOf(node, root), node.op)
        if (node.op) {
          addOpNode(digraph, `${id}_${node.op}`, node.op)
          digraph.createEdge([`${id}_${node.op}`, id])
        }
      })
      for (const edge of graph.edges) {
        const evaluation = analysis.memberOf.get(edge.to)
        if (evaluation) {
          if (!isInternalEdge(evaluation, edge, analysis))
            digraph.createEdge([ids.get(edge.from)!, ids.get(evaluation.output)!])
        } else {
          const target = ids.get(edge.to)!
          digraph.createEdge([ids.get(edge.from)!, `${target}_${edge.to.op}`])
        }
      }
    },
  }
}

/** Neuron internals, and parameters that nothing outside a neuron uses. */
function hiddenValues(graph: Graph, analysis: NeuronAnalysis): Set<Value> {
  const hidden = new Set<Value>()
  for (const evaluation of analysis.evaluations) {
    for (const member of evaluation.members) if (member !== evaluation.output) hidden.add(member)
  }
  for (const parameter of analysis.parameters) {
    const users = analysis.consumers.get(parameter) ?? []
    if (users.every((user) => analysis.memberOf.has(user))) hidden.add(parameter)
  }
  // A parameter that is also the root (a lone weight) still needs its box.
  hidden.delete(graph.nodes.at(-1)!)
  return hidden
}
