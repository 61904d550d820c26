import { Value } from '@mg/engine'
import { fromDot } from 'ts-graphviz'
import { describe, expect, it } from 'vitest'
import {
  GraphTooLargeError,
  InvalidInputError,
  modelToDigraph,
  modelToDot,
  NonFiniteDataError,
  OKABE_ITO,
  renderSvg,
} from '../src/index.js'
import { elements } from './support/svg.js'
import { TinyMlp } from './support/tiny-mlp.js'

describe('modelToDot', () => {
  const model = new TinyMlp(2, [3, 1], 11)
  const graph = fromDot(modelToDot(model))
  // Each layer is a rank=same subgraph, so the nodes live there.
  const nodes = graph.subgraphs.flatMap((subgraph) => subgraph.nodes)
  const weights = model.layers.flatMap((layer) => layer.neurons.flatMap((neuron) => neuron.weights))

  it('draws the inputs and every neuron, with one edge per weight from the layer before', () => {
    expect(nodes.map((node) => node.id).sort()).toEqual(
      ['L1N1', 'L1N2', 'L1N3', 'L2N1', 'x0', 'x1'].sort(),
    )
    const edges = graph.edges.map((edge) =>
      edge.targets.map((target) => ('id' in target ? target.id : '')).join(' -> '),
    )
    expect(edges).toEqual([
      'x0 -> L1N1',
      'x1 -> L1N1',
      'x0 -> L1N2',
      'x1 -> L1N2',
      'x0 -> L1N3',
      'x1 -> L1N3',
      'L1N1 -> L2N1',
      'L1N2 -> L2N1',
      'L1N3 -> L2N1',
    ])
  })

  it('colours edges by weight sign and widens them with the magnitude', () => {
    const drawn = graph.edges.map((edge) => ({
      color: String(edge.attributes.get('color')),
      width: Number(edge.attributes.get('penwidth')),
    }))
    drawn.forEach((edge, index) => {
      const weight = weights[index]!.data
      expect(edge.color.slice(0, 7)).toBe(weight >= 0 ? OKABE_ITO.blue : OKABE_ITO.vermillion)
    })
    const byMagnitude = weights
      .map((weight, index) => ({ magnitude: Math.abs(weight.data), width: drawn[index]!.width }))
      .sort((a, b) => a.magnitude - b.magnitude)
    for (let i = 1; i < byMagnitude.length; i++)
      expect(byMagnitude[i]!.width).toBeGreaterThanOrEqual(byMagnitude[i - 1]!.width)
    expect(Math.max(...drawn.map((edge) => edge.width))).toBeCloseTo(3, 6)
  })

  it('labels neurons with activation and bias, and captions the architecture', async () => {
    const svg = await renderSvg(modelToDigraph(model))
    expect(elements(svg, 'g', 'node')).toHaveLength(6)
    const texts = elements(svg, 'text').map((text) => text.textContent)
    // Biases start at 0; each neuron shows its activation above its bias.
    expect(texts.filter((text) => text === 'relu')).toHaveLength(3)
    expect(texts.filter((text) => text === 'linear')).toHaveLength(1)
    expect(texts.filter((text) => text === 'b 0.00')).toHaveLength(4)
    expect(elements(svg, 'text').map((text) => text.textContent)).toContain('MLP 2 → 3 → 1')
  })

  it('rejects a model without layers, with sizes that do not chain, or with NaN weights', () => {
    expect(() => modelToDot({ layers: [] })).toThrow(InvalidInputError)
    expect(() => modelToDot({} as never)).toThrow(/at least one layer/)
    const neuron = (nin: number) => ({
      weights: Array.from({ length: nin }, () => new Value(0.5)),
      bias: new Value(0),
      activation: 'tanh',
    })
    expect(() =>
      modelToDot({ layers: [{ neurons: [neuron(2)] }, { neurons: [neuron(3)] }] }),
    ).toThrow(/layers\[1\].*1 weight/)
    const broken = new TinyMlp(2, [2, 1], 1)
    broken.layers[1]!.neurons[0]!.weights[1]!.data = Number.NaN
    expect(() => modelToDot(broken)).toThrow(NonFiniteDataError)
    expect(() => modelToDot(broken)).toThrow(/layers\[1\]\.neurons\[0\]\.weights\[1\]/)
  })

  it('refuses to draw more weights than maxEdges', () => {
    const call = () => modelToDot(new TinyMlp(2, [16, 16, 1], 1), { maxEdges: 100 })
    expect(call).toThrow(GraphTooLargeError)
    expect(call).toThrow(/304 weight edges, more than maxEdges \(100\)/)
  })
})
