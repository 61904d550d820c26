import { MLP } from '@mg/nn'
import { describe, expect, it } from 'vitest'
import { ModelFileError } from '../src/errors.js'
import { defaultSettings } from '../src/state/settings.js'
import { settingsForModel } from '../src/training/model-file.js'

describe('loading a saved model', () => {
  it('takes its architecture and keeps a loss that fits its output', () => {
    const model = new MLP(2, [8, 4, 1], { activation: 'tanh', seed: 3 })
    const settings = settingsForModel(model, defaultSettings(), 2, 'model.json')
    expect(settings).toEqual({
      ...defaultSettings(),
      hiddenLayers: [8, 4],
      activation: 'tanh',
      loss: 'hinge',
    })
  })

  it('switches to softmax cross-entropy for a model with one output per class', () => {
    const model = new MLP(2, [6, 3], { seed: 3 })
    expect(settingsForModel(model, defaultSettings(), 3, 'model.json').loss).toBe(
      'softmax-cross-entropy',
    )
  })

  it('explains why a model does not fit', () => {
    const cases: [MLP, number, RegExp][] = [
      [new MLP(3, [4, 1], { seed: 1 }), 2, /2 inputs .* received 3/],
      [new MLP(2, [4, 1], { seed: 1, outputActivation: 'sigmoid' }), 2, /linear output layer/],
      [
        new MLP(2, [4, 4, 1], { seed: 1, activations: ['relu', 'tanh', 'linear'] }),
        2,
        /one activation/,
      ],
      [new MLP(2, [64, 1], { seed: 1 }), 2, /at most 4 hidden layers of up to 32/],
      [new MLP(2, [4, 1], { seed: 1 }), 3, /one output .* 3 classes/],
      [new MLP(2, [4, 3], { seed: 1 }), 2, /3 outputs but the data has 2 classes/],
    ]
    for (const [model, classCount, message] of cases) {
      expect(() => settingsForModel(model, defaultSettings(), classCount, 'model.json')).toThrow(
        ModelFileError,
      )
      expect(() => settingsForModel(model, defaultSettings(), classCount, 'model.json')).toThrow(
        message,
      )
    }
  })
})
