import { walkGraph } from '@mg/engine'
import type { LossName } from '@mg/nn'
import { describe, expect, it } from 'vitest'
import { buildPointGraph } from '../src/render/point-graph.js'
import { defaultSettings } from '../src/state/settings.js'
import { createModel } from '../src/training/create-model.js'
import { createObjective } from '../src/training/objective.js'

const settings = {
  ...defaultSettings(),
  hiddenLayers: [3, 2],
  activation: 'tanh' as const,
  seed: 5,
}
const x = [0.4, -0.7]

/** The point's loss with the given parameters, from a fresh graph (no gradients involved). */
function lossAt(loss: LossName, classCount: number, label: number, parameters: number[]): number {
  const model = createModel(settings, createObjective(loss, classCount).outputs)
  model.setParameterValues(parameters)
  return buildPointGraph(model, x, label, loss, { kind: 'network' }).root.data
}

describe('the computation graph of one point', () => {
  for (const [loss, classCount, label] of [
    ['bce', 2, 1],
    ['softmax-cross-entropy', 3, 2],
    ['mse', 3, 0],
    ['mse', 2, 1],
  ] as const) {
    it(`has the gradients of its ${loss} loss (${classCount} classes) that finite differences give`, () => {
      const model = createModel(settings, createObjective(loss, classCount).outputs)
      const { root, meaning } = buildPointGraph(model, x, label, loss, { kind: 'network' })
      expect(root.label).toBe('loss')
      expect(meaning).toMatch(/d loss/)
      const base = [...model.getParameterValues()]
      model.parameters().forEach((parameter, index) => {
        const step = 1e-6
        const up = base.map((value, at) => (at === index ? value + step : value))
        const down = base.map((value, at) => (at === index ? value - step : value))
        const slope =
          (lossAt(loss, classCount, label, up) - lossAt(loss, classCount, label, down)) / (2 * step)
        expect(parameter.grad, parameter.label).toBeCloseTo(slope, 6)
      })
    })
  }

  it('says why a point beyond the hinge margin has no gradient', () => {
    const model = createModel({ ...settings, hiddenLayers: [] }, 1)
    // score = 2·x0 + 0·x1 + 1 = 1.8 for x0 = 0.4: beyond the margin for label 1, inside it for label 0.
    model.setParameterValues([2, 0, 1])
    const beyond = buildPointGraph(model, x, 1, 'hinge', { kind: 'network' })
    expect(beyond.root.data).toBe(0)
    expect(beyond.meaning).toMatch(/hinge loss is 0/)
    expect(model.parameters().map((parameter) => parameter.grad)).toEqual([0, 0, 0])
    const inside = buildPointGraph(model, x, 0, 'hinge', { kind: 'network' })
    expect(inside.root.data).toBeCloseTo(2.8, 12)
    // d relu(1 + s) / d w = x, d / d b = 1.
    expect(model.parameters().map((parameter) => parameter.grad)).toEqual([0.4, -0.7, 1])
  })

  it('gives the same gradients when drawn twice (it clears the last ones first)', () => {
    const model = createModel(settings, 1)
    buildPointGraph(model, x, 1, 'bce', { kind: 'network' })
    const first = model.parameters().map((parameter) => parameter.grad)
    buildPointGraph(model, x, 1, 'bce', { kind: 'network' })
    expect(model.parameters().map((parameter) => parameter.grad)).toEqual(first)
  })

  it("draws one neuron from the previous layer's outputs, named as the picker names them", () => {
    const model = createModel(settings, 1)
    const { root } = buildPointGraph(model, x, 1, 'hinge', { kind: 'neuron', layer: 1, neuron: 1 })
    const hidden = model.layers[0]!.forward(x).map((value) => value.data)
    const neuron = model.layers[1]!.neurons[1]!
    const expected = Math.tanh(
      neuron.weights[0]!.data * hidden[0]! +
        neuron.weights[1]!.data * hidden[1]! +
        neuron.weights[2]!.data * hidden[2]! +
        neuron.bias.data,
    )
    expect(root.label).toBe('h2.2')
    expect(root.data).toBeCloseTo(expected, 12)
    const labels = walkGraph(root).nodes.map((node) => node.label)
    expect(labels).toEqual(
      expect.arrayContaining(['h1.1', 'h1.2', 'h1.3', 'w2.2[0]', 'w2.2[2]', 'b2.2']),
    )
    // d tanh(z) / d b = 1 − tanh(z)².
    expect(neuron.bias.grad).toBeCloseTo(1 - expected ** 2, 12)
  })
})
