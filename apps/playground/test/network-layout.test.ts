import { MLP } from '@mg/nn'
import { describe, expect, it } from 'vitest'
import { distanceToSegment, layOut } from '../src/render/network-layout.js'

describe('the network diagram layout', () => {
  it("ties every line and ring to the model's own weight and bias", () => {
    const model = new MLP(2, [3, 4, 2], { seed: 1 })
    const layout = layOut({ nin: 2, nouts: model.nouts, activations: model.activations }, 600, 300)
    const parameters = model.parameters()
    const neurons = model.layers.flatMap((layer) => layer.neurons)
    expect(layout.neurons).toHaveLength(neurons.length)
    expect(layout.edges).toHaveLength(2 * 3 + 3 * 4 + 4 * 2)
    neurons.forEach((neuron, index) => {
      const drawn = layout.neurons[index]!
      expect(parameters[drawn.parameter]).toBe(neuron.bias)
      const incoming = layout.edges.filter((edge) => edge.to === drawn.at)
      expect(incoming.map((edge) => parameters[edge.parameter])).toEqual(neuron.weights)
    })
  })

  it('gives each layer its own column and keeps every neuron inside the box', () => {
    const layout = layOut(
      { nin: 2, nouts: [16, 16, 1], activations: ['relu', 'relu', 'linear'] },
      500,
      260,
    )
    const columns = new Set(layout.neurons.map((neuron) => neuron.at[0]))
    expect(columns.size).toBe(3)
    for (const { at } of layout.neurons) {
      expect(at[1] - layout.radius).toBeGreaterThanOrEqual(0)
      expect(at[1] + layout.radius).toBeLessThanOrEqual(260)
    }
    expect(layout.captions.map((caption) => caption.text)).toEqual([
      'inputs',
      '16 · relu',
      '16 · relu',
      'output',
    ])
  })

  it('measures the distance to a weight line for hovering', () => {
    expect(distanceToSegment([0, 3], [-4, 0], [4, 0])).toBe(3)
    expect(distanceToSegment([7, 4], [-4, 0], [4, 0])).toBe(5)
  })
})
