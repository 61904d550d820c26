import { OPS, type OpName, topologicalSort, type Value } from '@mg/engine'

/** What one input of a node receives when that node's backward step runs. */
export interface Contribution {
  /** Position of the input in the topological order. */
  readonly child: number
  /** Which operand of the node it is (0 for `a` of `a + b`, 1 for `b`). */
  readonly slot: number
  /** The local derivative, ∂node/∂input, from the op table. */
  readonly local: number
  /** The node's gradient as the step runs. */
  readonly upstream: number
  /** `local × upstream`: what the chain rule sends to the input. */
  readonly amount: number
  /** The input's gradient before and after the step. */
  readonly before: number
  readonly after: number
}

/** One step of the backward pass: the seed (`output.grad = 1`), or one node passing its gradient on. */
interface BackwardStep {
  /** Position, in the topological order, of the node whose backward runs (the output for the seed). */
  readonly node: number
  readonly contributions: readonly Contribution[]
}

/** The whole backward pass of a graph, step by step, with every gradient after every step. */
export interface BackwardPlan {
  /** Every node in topological order: inputs first, the output last. */
  readonly nodes: readonly Value[]
  /** The seed, then one step per computed node in reverse topological order. */
  readonly steps: readonly BackwardStep[]
  /** Every node's gradient after the first `count` steps (0 ≤ count ≤ steps.length). */
  gradsAfter(count: number): Float64Array
}

/**
 * Replays `output.backward()` one node at a time, reading each op's local derivatives from the
 * engine's op table, in the engine's order, so the last step's gradients are exactly the engine's.
 * With `accumulate: false` every input's gradient is *set* (`=`) rather than added to (`+=`): the
 * bug the lecture shows on `a + a`, where a value used twice keeps only its last use's gradient.
 *
 * @example
 * ```ts
 * import { Value } from '@mg/engine'
 * import { planBackward } from './backward-plan.js'
 * const a = new Value(3, { label: 'a' })
 * const plan = planBackward(a.add(a))
 * plan.gradsAfter(plan.steps.length)[0] // 2: a.grad, with +=
 * ```
 */
export function planBackward(output: Value, { accumulate = true } = {}): BackwardPlan {
  const nodes = topologicalSort(output)
  const position = new Map(nodes.map((node, index) => [node, index]))
  const grads = new Float64Array(nodes.length)
  const root = nodes.length - 1
  grads[root] = 1
  const snapshots = [new Float64Array(nodes.length), grads.slice()]
  const steps: BackwardStep[] = [{ node: root, contributions: [] }]
  for (let index = root; index >= 0; index--) {
    const node = nodes[index]!
    if (node.children.length === 0) continue
    const locals = localDerivatives(node)
    const upstream = grads[index]!
    const contributions = node.children.map((child, slot): Contribution => {
      const at = position.get(child)!
      const local = locals[slot]!
      const amount = local * upstream
      const before = grads[at]!
      grads[at] = accumulate ? before + amount : amount
      return { child: at, slot, local, upstream, amount, before, after: grads[at]! }
    })
    steps.push({ node: index, contributions })
    snapshots.push(grads.slice())
  }
  return {
    nodes,
    steps,
    gradsAfter: (count) => snapshots[Math.max(0, Math.min(count, steps.length))]!.slice(),
  }
}

/** ∂node/∂child for each child, from the op table (sum and dot as the adds and muls they stand for). */
function localDerivatives(node: Value): number[] {
  const op = OPS[node.op as OpName]
  const data = node.children.map((child) => child.data)
  if (op.arity === 1) return [op.derivative(data[0]!, node.data)]
  if (op.arity === 2)
    return [
      op.derivativeA(data[0]!, data[1]!, node.data),
      op.derivativeB(data[0]!, data[1]!, node.data),
    ]
  if (node.op === 'sum') return data.map(() => 1)
  const half = data.length / 2
  return data.map((_, index) => data[index < half ? index + half : index - half]!)
}
