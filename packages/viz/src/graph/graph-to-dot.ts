import { type Value, walkGraph } from '@mg/engine'
import { type Digraph, toDot } from 'ts-graphviz'
import { GraphTooLargeError, InvalidInputError } from '../errors.js'
import {
  booleanOption,
  checkOptionNames,
  choiceOption,
  integerOption,
  precisionOption,
} from '../options.js'
import { createDigraph, RANKDIRS, type Rankdir } from './dot-style.js'
import { neuronView } from './neuron-view.js'
import { findNeurons, type NeuronAnalysis } from './neurons.js'
import { summaryView } from './summary-view.js'
import { type GraphView, valueView } from './value-view.js'

/**
 * How much of a large graph to fuse into single boxes.
 *
 * - `'none'`: every value and op, as micrograd's `draw_dot`.
 * - `'neurons'`: each neuron evaluation (dot product, weights, bias, activation) is one box.
 * - `'ops'`: each model neuron is one box for all its evaluations, and repeated ops on the same
 *   inputs merge into one box with a count, so a whole training step fits on a page.
 * - `'auto'`: the first of those that fits in `maxNodes`.
 */
export type CollapseMode = 'none' | 'neurons' | 'ops' | 'auto'

/** Options of {@link graphToDot} and {@link graphToDigraph}. */
export interface GraphToDotOptions {
  /** Layout direction; `'LR'` (default) reads inputs on the left, the output on the right. */
  rankdir?: Rankdir
  /** Show each value's gradient under its data (default `true`). */
  showGrad?: boolean
  /** Decimals of data and grad (default 4, as micrograd's `%.4f`). */
  precision?: number
  /** Most boxes to draw (default 500); beyond it a {@link GraphTooLargeError} explains what to do. */
  maxNodes?: number
  /** How to fuse a large graph (default `'none'`); see {@link CollapseMode}. */
  collapse?: CollapseMode
}

const OPTION_NAMES = ['rankdir', 'showGrad', 'precision', 'maxNodes', 'collapse']
const COLLAPSE_MODES: readonly CollapseMode[] = ['none', 'neurons', 'ops', 'auto']

/**
 * Builds the ts-graphviz model of the computation graph behind `root`: a record
 * `{ label | data | grad }` per value (leaves shaded), a small node per op, edges input → op → output.
 *
 * @throws {@link GraphTooLargeError} when more than `maxNodes` boxes would be drawn.
 * @example
 * ```ts
 * import { Value } from '@mg/engine'
 * import { graphToDigraph, renderSvg } from '@mg/viz'
 * const prediction = new Value(0.5, { label: 'w' }).mul(2).tanh()
 * const loss = prediction.sub(1).pow(2)
 * const digraph = graphToDigraph(loss, { collapse: 'auto' })
 * digraph.set('label', 'one training step')
 * const svg = await renderSvg(digraph)
 * ```
 */
export function graphToDigraph(root: Value, options: GraphToDotOptions = {}): Digraph {
  return buildDigraph(root, options, 'graphToDigraph')
}

/**
 * The DOT source of the computation graph behind `root`, in micrograd's `draw_dot` style; see
 * {@link graphToDigraph} for the options.
 *
 * @example
 * ```ts
 * import { Value } from '@mg/engine'
 * import { graphToDot } from '@mg/viz'
 * const [x1, x2] = [new Value(2, { label: 'x1' }), new Value(0, { label: 'x2' })]
 * const [w1, w2] = [new Value(-3, { label: 'w1' }), new Value(1, { label: 'w2' })]
 * const b = new Value(6.8813735870195432, { label: 'b' })
 * const o = x1.mul(w1).add(x2.mul(w2)).add(b).tanh()
 * o.backward()
 * const dot = graphToDot(o) // digraph { rankdir = "LR"; ... }
 * ```
 */
export function graphToDot(root: Value, options: GraphToDotOptions = {}): string {
  return toDot(buildDigraph(root, options, 'graphToDot'))
}

/** `graphToDigraph` under the name of the public function that was called, for its errors. */
export function buildDigraph(root: Value, options: GraphToDotOptions, name: string): Digraph {
  checkOptionNames(name, options, OPTION_NAMES)
  if (!isValue(root)) {
    throw new InvalidInputError(
      name,
      'root',
      root,
      'a Value from @mg/engine (the output of an expression, e.g. a loss)',
    )
  }
  const style = {
    rankdir: choiceOption(name, 'rankdir', options.rankdir, RANKDIRS, 'LR'),
    showGrad: booleanOption(name, 'showGrad', options.showGrad, true),
    precision: precisionOption(name, options.precision, 4),
  }
  const maxNodes = integerOption(name, 'maxNodes', options.maxNodes, {
    min: 1,
    max: Number.MAX_SAFE_INTEGER,
    fallback: 500,
  })
  const collapse = choiceOption(name, 'collapse', options.collapse, COLLAPSE_MODES, 'none')
  const view = chooseView(root, collapse, maxNodes, name)
  const digraph = createDigraph(style)
  view.draw(digraph, style)
  return digraph
}

function chooseView(
  root: Value,
  collapse: CollapseMode,
  maxNodes: number,
  name: string,
): GraphView {
  const graph = walkGraph(root)
  let analysis: NeuronAnalysis | undefined
  const neurons = () => {
    analysis ??= findNeurons(graph)
    return analysis
  }
  const makers = {
    none: () => valueView(graph, root),
    neurons: () => neuronView(graph, root, neurons()),
    ops: () => summaryView(graph, root, neurons()),
  }
  const modes = collapse === 'auto' ? (['none', 'neurons', 'ops'] as const) : [collapse]
  let tried: { view: GraphView; mode: string } | undefined
  for (const mode of modes) {
    const view = makers[mode]()
    tried = { view, mode }
    if (view.boxCount <= maxNodes) return view
  }
  const { view, mode } = tried!
  const what = mode === 'none' ? 'values' : `boxes after collapse: '${mode}'`
  throw new GraphTooLargeError(
    name,
    view.boxCount,
    maxNodes,
    what,
    'maxNodes',
    adviceFor(mode, collapse),
  )
}

function adviceFor(mode: string, requested: CollapseMode): string {
  if (mode === 'none') {
    return (
      "Pass { collapse: 'neurons' } for one box per neuron evaluation, { collapse: 'ops' } to " +
      "summarise a whole training step, { collapse: 'auto' } to pick one, or raise maxNodes " +
      '(Graphviz gets slow and the picture unreadable past a few hundred boxes).'
    )
  }
  if (mode === 'neurons') {
    return (
      "Pass { collapse: 'ops' } to merge every evaluation of a neuron and repeated ops into " +
      'one box each, or raise maxNodes.'
    )
  }
  const tail = requested === 'auto' ? 'No collapse mode brings it under the limit; ' : ''
  return (
    `${tail}the graph has little repeated structure to merge. Draw a smaller piece of it ` +
    '(e.g. one sample’s forward pass) or raise maxNodes.'
  )
}

function isValue(candidate: unknown): candidate is Value {
  if (typeof candidate !== 'object' || candidate === null) return false
  const value = candidate as Partial<Record<'data' | 'grad' | 'op' | 'children', unknown>>
  return (
    typeof value.data === 'number' &&
    typeof value.grad === 'number' &&
    typeof value.op === 'string' &&
    Array.isArray(value.children)
  )
}
