import { Graphviz } from '@hpcc-js/wasm-graphviz'
import { type RootGraphModel, toDot } from 'ts-graphviz'
import { InvalidInputError, RenderError } from './errors.js'
import { checkOptionNames, choiceOption } from './options.js'
import { FONT_FAMILY, FONT_STACK } from './theme.js'

/** Graphviz layout programs; `dot` draws layered graphs such as computation graphs. */
export type LayoutEngine = 'dot' | 'neato' | 'fdp' | 'sfdp' | 'circo' | 'twopi' | 'osage'

/** Options of {@link renderSvg}. */
export interface RenderSvgOptions {
  /** The Graphviz layout program (default `'dot'`). */
  engine?: LayoutEngine
}

const ENGINES: readonly LayoutEngine[] = ['dot', 'neato', 'fdp', 'sfdp', 'circo', 'twopi', 'osage']

let loading: Promise<Graphviz> | undefined

/** Loads the WebAssembly Graphviz once; a failed load is forgotten so the next call retries. */
function loadGraphviz(): Promise<Graphviz> {
  loading ??= Graphviz.load().catch((error: unknown) => {
    loading = undefined
    throw error
  })
  return loading
}

/**
 * Lays out a graph with Graphviz compiled to WebAssembly and returns the SVG, in Node or a browser,
 * with no system `dot` needed. Graphviz loads on the first call and is reused.
 *
 * @param graph - DOT source, or a ts-graphviz model such as {@link graphToDigraph} returns.
 * @throws {@link RenderError} when Graphviz rejects the DOT or the graph has no nodes.
 * @example
 * ```ts
 * import { Value } from '@mg/engine'
 * import { graphToDot, renderSvg } from '@mg/viz'
 * const o = new Value(2, { label: 'x' }).mul(new Value(-3, { label: 'w' })).tanh()
 * const svg = await renderSvg(graphToDot(o))
 * document.body.insertAdjacentHTML('beforeend', svg) // in a browser
 * ```
 */
export async function renderSvg(
  graph: string | RootGraphModel,
  options: RenderSvgOptions = {},
): Promise<string> {
  const name = 'renderSvg'
  checkOptionNames(name, options, ['engine'])
  const engine = choiceOption(name, 'engine', options.engine, ENGINES, 'dot')
  const dot = toDotSource(graph)
  const graphviz = await loadGraphviz()
  let svg: string
  try {
    svg = graphviz.layout(dot, 'svg', engine)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new RenderError(
      `renderSvg: Graphviz could not lay out the graph: ${reason.trim()}. ` +
        'Check the DOT source (graphToDot always produces valid DOT).',
      dot,
      { cause: error },
    )
  }
  if (!svg.includes('class="node"')) {
    throw new RenderError(
      'renderSvg: the graph has no nodes, so there is nothing to draw. ' +
        "Add at least one node, e.g. 'digraph { a -> b }'.",
      dot,
    )
  }
  // Graphviz writes the one family it measured; give browsers without it similar fallbacks.
  return svg.replaceAll(`font-family="${FONT_FAMILY}"`, `font-family="${FONT_STACK}"`)
}

function toDotSource(graph: unknown): string {
  if (typeof graph === 'string') {
    if (graph.trim() === '') {
      throw new InvalidInputError(
        'renderSvg',
        'graph',
        graph,
        "DOT source such as 'digraph { a -> b }' or a ts-graphviz model",
      )
    }
    return graph
  }
  if (typeof graph === 'object' && graph !== null && 'nodes' in graph && 'edges' in graph) {
    return toDot(graph as RootGraphModel)
  }
  throw new InvalidInputError(
    'renderSvg',
    'graph',
    graph,
    'DOT source (a string) or a ts-graphviz model (e.g. from graphToDigraph)',
  )
}
