import { OPS, type OpName, type Value } from '@mg/engine'
import { Digraph, type NodeModel } from 'ts-graphviz'
import { escapeRecordField, formatFixed } from '../format.js'
import { FONT_FAMILY } from '../theme.js'

/** Direction in which Graphviz lays out ranks: `LR` reads inputs left to output right. */
export type Rankdir = 'LR' | 'RL' | 'TB' | 'BT'

/** Every {@link Rankdir}, for checking a `rankdir` option. */
export const RANKDIRS: readonly Rankdir[] = ['LR', 'RL', 'TB', 'BT']

/** How a value box looks, by the role of the value it shows. */
export type BoxRole = 'leaf' | 'intermediate' | 'root' | 'neuron' | 'group'

/** Settings every graph view shares. */
export interface DotStyle {
  readonly rankdir: Rankdir
  readonly showGrad: boolean
  readonly precision: number
}

const FILL: Record<BoxRole, string> = {
  leaf: '#DCEAF7',
  intermediate: '#FFFFFF',
  root: '#FFFFFF',
  neuron: '#FBE3C8',
  group: '#F3F3F3',
}

/** The text an op node shows: the op table's symbol (micrograd's `+` and `*`), else the op's name. */
function opSymbol(op: string): string {
  return op in OPS ? OPS[op as OpName].symbol : op
}

/** Makes the digraph with micrograd's look: left to right, records for values, small op ellipses. */
export function createDigraph(style: DotStyle): Digraph {
  const digraph = new Digraph({ rankdir: style.rankdir, bgcolor: 'white', nodesep: 0.25 })
  digraph.attributes.node.apply({
    fontname: FONT_FAMILY,
    fontsize: 12,
    shape: 'record',
    style: 'filled',
    fillcolor: FILL.intermediate,
    color: '#333333',
  })
  digraph.attributes.edge.apply({ color: '#555555', arrowsize: 0.7 })
  return digraph
}

/** The `{ label | data 2.0000 | grad -1.5000 }` fields of a value, as micrograd's `draw_dot`. */
export function valueFields(title: string, value: Value, style: DotStyle): string[] {
  const fields = [escapeRecordField(title), `data ${formatFixed(value.data, style.precision)}`]
  if (style.showGrad) fields.push(`grad ${formatFixed(value.grad, style.precision)}`)
  return fields
}

/** Adds a record node with the given fields and role. */
export function addRecord(
  digraph: Digraph,
  id: string,
  fields: readonly string[],
  role: BoxRole,
  tooltip: string,
): NodeModel {
  const node = digraph.createNode(id, { label: `{ ${fields.join(' | ')} }`, tooltip })
  if (role !== 'intermediate') node.attributes.set('fillcolor', FILL[role])
  if (role === 'root') node.attributes.set('penwidth', 2.2)
  return node
}

/** Adds the small op node that feeds the value it produced. */
export function addOpNode(digraph: Digraph, id: string, op: string): NodeModel {
  return digraph.createNode(id, {
    label: opSymbol(op),
    shape: 'ellipse',
    fillcolor: '#EEEEEE',
    color: '#777777',
    fontsize: 11,
    margin: '0.04,0.02',
    height: 0.3,
    tooltip: op,
  })
}

/** Role of a value in the full view: leaves are inputs or parameters, the root is the output. */
export function roleOf(value: Value, root: Value): BoxRole {
  if (value === root) return 'root'
  return value.children.length === 0 ? 'leaf' : 'intermediate'
}
