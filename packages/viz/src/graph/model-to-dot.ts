import { type Digraph, toDot } from 'ts-graphviz'
import { GraphTooLargeError } from '../errors.js'
import { formatFixed } from '../format.js'
import {
  checkOptionNames,
  choiceOption,
  integerOption,
  precisionOption,
  stringOption,
} from '../options.js'
import { FONT_FAMILY, OKABE_ITO } from '../theme.js'
import { createDigraph, RANKDIRS, type Rankdir } from './dot-style.js'
import { checkFinite, type DrawableModel, layerSizes } from './model-shape.js'

/** Options of {@link modelToDot} and {@link modelToDigraph}. */
export interface ModelToDotOptions {
  /** Layout direction (default `'LR'`: inputs on the left). */
  rankdir?: Rankdir
  /** Decimals of the weights and biases in tooltips and neuron labels (default 2). */
  precision?: number
  /** Most weights to draw as edges (default 2000). */
  maxEdges?: number
  /** Caption under the picture (default: the architecture, e.g. `MLP 2 → 16 → 16 → 1`). */
  title?: string
}

const POSITIVE = OKABE_ITO.blue
const NEGATIVE = OKABE_ITO.vermillion

/**
 * Builds a ts-graphviz picture of a multilayer perceptron: inputs, then each layer's neurons
 * (labelled with activation and bias), with one edge per weight, blue for positive and vermillion
 * for negative, thicker for larger magnitude.
 *
 * @throws {@link InvalidInputError} when the model has no layers or its layer sizes do not chain.
 * @example
 * ```ts
 * import { MLP } from '@mg/nn'
 * import { modelToDigraph, renderSvg } from '@mg/viz'
 * const svg = await renderSvg(modelToDigraph(new MLP(2, [16, 16, 1])))
 * ```
 */
export function modelToDigraph(model: DrawableModel, options: ModelToDotOptions = {}): Digraph {
  return buildModelDigraph(model, options, 'modelToDigraph')
}

/**
 * The DOT source of {@link modelToDigraph}'s picture.
 *
 * @example
 * ```ts
 * import { MLP } from '@mg/nn'
 * import { modelToDot } from '@mg/viz'
 * const model = new MLP(2, [16, 16, 1], { seed: 1337 })
 * const dot = modelToDot(model, { title: 'trained on moons' })
 * ```
 */
export function modelToDot(model: DrawableModel, options: ModelToDotOptions = {}): string {
  return toDot(buildModelDigraph(model, options, 'modelToDot'))
}

function buildModelDigraph(model: DrawableModel, options: ModelToDotOptions, name: string) {
  checkOptionNames(name, options, ['rankdir', 'precision', 'maxEdges', 'title'])
  const rankdir = choiceOption(name, 'rankdir', options.rankdir, RANKDIRS, 'LR')
  const precision = precisionOption(name, options.precision, 2)
  const maxEdges = integerOption(name, 'maxEdges', options.maxEdges, {
    min: 1,
    max: Number.MAX_SAFE_INTEGER,
    fallback: 2000,
  })
  const sizes = layerSizes(model, name)
  const edgeCount = sizes.slice(1).reduce((total, size, index) => total + size * sizes[index]!, 0)
  if (edgeCount > maxEdges) {
    throw new GraphTooLargeError(
      name,
      edgeCount,
      maxEdges,
      'weight edges',
      'maxEdges',
      'Raise maxEdges to draw them all anyway (Graphviz slows down), or draw a smaller model.',
    )
  }
  const title = stringOption(name, 'title', options.title, `MLP ${sizes.join(' → ')}`)

  const largest = Math.max(
    1e-12,
    ...model.layers.flatMap((layer) =>
      layer.neurons.flatMap((neuron) => neuron.weights.map((weight) => Math.abs(weight.data))),
    ),
  )
  const digraph = createDigraph({ rankdir, showGrad: false, precision })
  digraph.apply({
    ranksep: 2.2,
    nodesep: 0.08,
    splines: 'line',
    outputorder: 'edgesfirst',
    label: `${title}\nedges: blue = positive weight, vermillion = negative, width = |weight|`,
    labelloc: 'b',
    fontname: FONT_FAMILY,
    fontsize: 12,
  })
  const inputs = digraph.createSubgraph('inputs', { rank: 'same' })
  for (let index = 0; index < sizes[0]!; index++) {
    inputs.createNode(`x${index}`, {
      label: `x${index + 1}`,
      shape: 'circle',
      fillcolor: '#DCEAF7',
      width: 0.45,
      fixedsize: true,
    })
  }
  model.layers.forEach((layer, layerIndex) => {
    const rank = digraph.createSubgraph(`layer${layerIndex + 1}`, { rank: 'same' })
    layer.neurons.forEach((neuron, neuronIndex) => {
      const id = `L${layerIndex + 1}N${neuronIndex + 1}`
      const bias = neuron.bias.data
      rank.createNode(id, {
        label: `${neuron.activation}\nb ${formatFixed(bias, precision)}`,
        shape: 'circle',
        fillcolor: layerIndex === model.layers.length - 1 ? '#FBE3C8' : '#F3F3F3',
        fontsize: 8,
        width: 0.58,
        fixedsize: true,
        tooltip: `layer ${layerIndex + 1}, neuron ${neuronIndex + 1}: ${neuron.activation}, bias ${bias}`,
      })
      neuron.weights.forEach((weight, inputIndex) => {
        const source = layerIndex === 0 ? `x${inputIndex}` : `L${layerIndex}N${inputIndex + 1}`
        checkFinite(
          name,
          weight.data,
          `layers[${layerIndex}].neurons[${neuronIndex}].weights[${inputIndex}]`,
        )
        const strength = Math.abs(weight.data) / largest
        digraph.createEdge([source, id], {
          // Partly transparent, so crossings of many edges stay readable.
          color: `${weight.data >= 0 ? POSITIVE : NEGATIVE}${alpha(0.35 + 0.6 * strength)}`,
          penwidth: 0.25 + 2.75 * strength,
          arrowhead: 'none',
          tooltip: `w = ${formatFixed(weight.data, Math.max(precision, 4))}`,
        })
      })
    })
  })
  return digraph
}

/** An opacity from 0 to 1 as the two hex digits Graphviz reads after `#RRGGBB`. */
function alpha(opacity: number): string {
  return Math.round(opacity * 255)
    .toString(16)
    .padStart(2, '0')
}
