import type { Graph, Value } from '@mg/engine'
import { escapeRecordField, formatFixed } from '../format.js'
import { addRecord, type BoxRole, type DotStyle } from './dot-style.js'
import { isInternalEdge, type NeuronAnalysis } from './neurons.js'
import type { GraphView } from './value-view.js'

interface Group {
  readonly id: string
  title: string
  role: BoxRole
  /** The values whose numbers the box summarises (for a layer, its neurons' outputs). */
  readonly members: Value[]
  /** For a layer: the distinct neurons in it. */
  readonly neurons: Set<Value>
}

const CHAINABLE = new Set(['add', 'mul'])

/**
 * One box per layer of neurons (all neurons and all their evaluations together) and one per op
 * applied to the same groups of inputs, with counts and ranges: a whole training step reads as a
 * short pipeline.
 *
 * Groups come from structural hashing in walk order: an op's key is its name plus the groups of
 * its inputs, so the hinge loss of 100 samples becomes `mul ×100 → add ×100 → relu ×100 → sum`.
 * A chain of `add`s (or `mul`s) whose links feed nothing else is one fused op, so micrograd-style
 * neurons written as `b + w1*x1 + w2*x2 + …` collapse as well as fused `dot` ones.
 */
export function summaryView(graph: Graph, root: Value, analysis: NeuronAnalysis): GraphView {
  const groupOf = new Map<Value, Group>()
  const groups = new Map<string, Group>()
  const groupAt = (key: string, title: string, role: BoxRole): Group => {
    let group = groups.get(key)
    if (!group) {
      group = { id: `g${groups.size}`, title, role, members: [], neurons: new Set() }
      groups.set(key, group)
    }
    return group
  }
  const place = (group: Group, value: Value): void => {
    group.members.push(value)
    groupOf.set(value, group)
  }

  const deferred: Value[] = []
  for (const node of graph.nodes) {
    const evaluation = analysis.memberOf.get(node)
    if (evaluation) {
      const layer = groupAt(
        `layer|${evaluation.layer}|${evaluation.activation}`,
        `L${evaluation.layer} ${evaluation.activation}`,
        'neuron',
      )
      layer.neurons.add(evaluation.identity)
      // The dot and bias add sit inside the box; only the outputs' numbers are shown.
      if (node === evaluation.output) place(layer, node)
      else groupOf.set(node, layer)
    } else if (node.children.length === 0) {
      deferred.push(node)
    } else {
      const link = chainLink(node, groupOf, analysis.consumers)
      if (link) {
        link.title = `${node.op} chain`
        place(link, node)
        continue
      }
      const inputs: string[] = []
      for (const child of node.children) {
        // Leaves are grouped later; meanwhile a parameter-like leaf (used many times) must not
        // look like a one-off constant, or `w * x` and the penalty's `p * p` would merge.
        const group = groupOf.get(child)
        if (group) inputs.push(group.id)
        else {
          const uses = analysis.consumers.get(child)?.length ?? 0
          inputs.push(`leaf:${child.label}:${uses > 1 ? 'shared' : 'once'}`)
        }
      }
      const key = inputs.length > 1 ? [...new Set(inputs)].sort().join(',') : inputs[0]
      place(groupAt(`${node.op}|${key}`, node.op, 'group'), node)
    }
  }
  // A leaf joins a box with the leaves of the same kind feeding the same box, so a layer's 200
  // inputs make one box; a parameter is drawn only when something outside its neurons uses it.
  for (const leaf of deferred) {
    const isParameter = analysis.parameters.has(leaf)
    const first = (analysis.consumers.get(leaf) ?? []).find(
      (user) => !(isParameter && analysis.memberOf.has(user)),
    )
    if (first === undefined && leaf !== root) continue
    const consumerGroup = first === undefined ? '' : groupOf.get(first)!.id
    const shared = (analysis.consumers.get(leaf)?.length ?? 0) > 1 ? 'shared' : 'once'
    const kind = isParameter ? 'parameter' : leaf.label || 'leaf'
    place(groupAt(`leaf|${kind}|${shared}|${consumerGroup}`, kind, 'leaf'), leaf)
  }
  const rootGroup = groupOf.get(root)
  if (rootGroup) rootGroup.role = 'root'

  return {
    boxCount: groups.size,
    draw(digraph, style) {
      for (const group of groups.values()) {
        addRecord(digraph, group.id, groupFields(group, style), group.role, tooltipOf(group))
      }
      // Edges between the same two boxes are drawn once, as thick as their number suggests.
      const counts = new Map<Group, Map<Group, number>>()
      for (const edge of graph.edges) {
        const evaluation = analysis.memberOf.get(edge.to)
        if (evaluation && isInternalEdge(evaluation, edge, analysis)) continue
        const from = groupOf.get(edge.from)
        const to = groupOf.get(edge.to)
        if (!from || !to || from === to) continue
        let row = counts.get(from)
        if (!row) {
          row = new Map()
          counts.set(from, row)
        }
        row.set(to, (row.get(to) ?? 0) + 1)
      }
      for (const [from, row] of counts) {
        for (const [to, count] of row) {
          digraph.createEdge([from.id, to.id], {
            penwidth: Math.min(2.5, 1 + 0.5 * Math.log10(count)),
            tooltip: `${count} edge${count === 1 ? '' : 's'}`,
          })
        }
      }
    },
  }
}

/** The group of an add (mul) whose input is an add (mul) used by nothing else: one fused op. */
function chainLink(
  node: Value,
  groupOf: ReadonlyMap<Value, Group>,
  consumers: ReadonlyMap<Value, readonly Value[]>,
): Group | undefined {
  if (!CHAINABLE.has(node.op)) return undefined
  for (const child of node.children) {
    if (child.op !== node.op || consumers.get(child)?.length !== 1) continue
    const group = groupOf.get(child)
    if (group?.role === 'group') return group
  }
  return undefined
}

function groupFields(group: Group, style: DotStyle): string[] {
  const fields = [escapeRecordField(groupTitle(group))]
  fields.push(`data ${range(group.members, (value) => value.data, style.precision)}`)
  if (style.showGrad)
    fields.push(`grad ${range(group.members, (value) => value.grad, style.precision)}`)
  return fields
}

function groupTitle(group: Group): string {
  const count = group.members.length
  if (group.neurons.size > 0) {
    const neurons = group.neurons.size
    const [layer, activation] = group.title.split(' ')
    const each = count / neurons
    const times = Number.isInteger(each) ? (each > 1 ? ` ×${each}` : '') : ` (${count} evaluations)`
    return `${layer}: ${neurons} ${activation} neuron${neurons === 1 ? '' : 's'}${times}`
  }
  const label = commonLabel(group.members)
  const title = label ? `${label}: ${group.title}` : group.title
  return count > 1 ? `${title} ×${count}` : title
}

function range(values: readonly Value[], read: (value: Value) => number, precision: number) {
  let low = Number.POSITIVE_INFINITY
  let high = Number.NEGATIVE_INFINITY
  for (const value of values) {
    low = Math.min(low, read(value))
    high = Math.max(high, read(value))
  }
  const lowText = formatFixed(low, precision)
  const highText = formatFixed(high, precision)
  return lowText === highText ? lowText : `${lowText} … ${highText}`
}

function commonLabel(values: readonly Value[]): string {
  const first = values[0]?.label ?? ''
  return values.every((value) => value.label === first) ? first : ''
}

function tooltipOf(group: Group): string {
  const count = group.members.length
  return `${groupTitle(group)}: ${count} value${count === 1 ? '' : 's'}`
}
