import { checkRoot, topologicalSort } from './topological-sort.js'
import type { Value } from './value.js'

/** An edge of a computation graph: `from` is an input of the op that produced `to`. */
export interface GraphEdge {
  /** The input: one of `to`'s children. */
  readonly from: Value
  /** The value computed from it. */
  readonly to: Value
  /** Position of `from` among `to.children`. */
  readonly slot: number
}

/** Every node and edge reachable from a root, in a stable order. */
export interface Graph {
  /** Nodes in topological order: inputs first, the root last. */
  readonly nodes: readonly Value[]
  /** One edge per (input, output) pair, in node order then input order. */
  readonly edges: readonly GraphEdge[]
}

/**
 * Walks the graph that produced `root`, for drawing or tooling. Iterative and deterministic: the
 * same expression always gives the same node and edge order.
 *
 * @throws {@link InvalidOptionError} if `root` is not a `Value`.
 * @example
 * ```ts
 * import { Value, walkGraph } from '@mg/engine'
 * const [a, b, c] = [new Value(2), new Value(-3), new Value(10)]
 * const { nodes, edges } = walkGraph(a.mul(b).add(c))
 * ```
 */
export function walkGraph(root: Value): Graph {
  checkRoot(root, 'walkGraph')
  const nodes = topologicalSort(root)
  const edges: GraphEdge[] = []
  for (const to of nodes) {
    to.children.forEach((from, slot) => {
      edges.push({ from, to, slot })
    })
  }
  return { nodes, edges }
}
