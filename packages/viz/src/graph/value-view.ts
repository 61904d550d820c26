import type { Graph, Value } from '@mg/engine'
import type { Digraph } from 'ts-graphviz'
import { addOpNode, addRecord, type DotStyle, roleOf, valueFields } from './dot-style.js'

/** A view of a graph that knows how many boxes it will draw before it draws them. */
export interface GraphView {
  readonly boxCount: number
  draw(digraph: Digraph, style: DotStyle): void
}

/**
 * Every value as its own record and every op as its own small node, as micrograd's `draw_dot`.
 * Node ids follow the walk order (`v0`, `v1`, … and `v3_add` for the op that made `v3`), so the
 * same expression always gives the same DOT.
 */
export function valueView(graph: Graph, root: Value): GraphView {
  return {
    boxCount: graph.nodes.length,
    draw(digraph, style) {
      const ids = new Map<Value, string>()
      graph.nodes.forEach((node, index) => {
        const id = `v${index}`
        ids.set(node, id)
        const role = roleOf(node, root)
        addRecord(
          digraph,
          id,
          valueFields(node.label, node, style),
          role,
          tooltipOf(node, role, style.showGrad),
        )
        if (node.op) {
          addOpNode(digraph, `${id}_${node.op}`, node.op)
          digraph.createEdge([`${id}_${node.op}`, id])
        }
      })
      for (const edge of graph.edges) {
        const target = ids.get(edge.to)!
        digraph.createEdge([ids.get(edge.from)!, `${target}_${edge.to.op}`])
      }
    },
  }
}

function tooltipOf(value: Value, role: string, showGrad: boolean): string {
  const name = value.label ? `${value.label}: ` : ''
  const kind = value.op ? `result of ${value.op}` : 'leaf (input, parameter or constant)'
  const grad = showGrad ? `, grad ${value.grad}` : ''
  return `${name}${kind}${role === 'root' ? ' (output)' : ''}, data ${value.data}${grad}`
}
