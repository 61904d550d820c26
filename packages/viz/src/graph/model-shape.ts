import type { Value } from '@mg/engine'
import { InvalidInputError, NonFiniteDataError } from '../errors.js'
import { checkNonEmptyList } from '../options.js'

/** A neuron as the pictures need it; `@mg/nn`'s `Neuron` fits. */
export interface DrawableNeuron {
  /** One weight per input, like `Neuron.weights`; each becomes an edge coloured by its sign. */
  readonly weights: readonly Value[]
  /** The bias, like `Neuron.bias`; its `data` must be finite and appears in the neuron's label. */
  readonly bias: Value
  /** The nonlinearity's name, like `Neuron.activation` (e.g. `'tanh'`), shown in the label. */
  readonly activation: string
}

/** A layer-by-layer model as the pictures need it; `@mg/nn`'s `MLP` fits. */
export interface DrawableModel {
  /** The layers, input to output, like `MLP.layers`; at least one is required. */
  readonly layers: readonly {
    /** The neurons, like `Layer.neurons`; each has one weight per output of the layer before. */
    readonly neurons: readonly DrawableNeuron[]
  }[]
}

/** Layer widths, inputs first; checks each neuron has one weight per neuron of the layer before. */
export function layerSizes(model: DrawableModel, name: string): number[] {
  const layers = (model as Partial<DrawableModel> | undefined)?.layers
  checkNonEmptyList(
    name,
    'model',
    layers,
    'a model with at least one layer of neurons, such as new MLP(2, [16, 16, 1]) from @mg/nn',
    model,
  )
  const first = layers[0]?.neurons?.[0]
  const sizes = [first?.weights?.length ?? 0]
  layers.forEach((layer, layerIndex) => {
    const neurons: readonly DrawableNeuron[] = layer?.neurons ?? []
    const expected = sizes[layerIndex]!
    const bad = neurons.findIndex(
      (neuron) => !Array.isArray(neuron?.weights) || neuron.weights.length !== expected,
    )
    if (neurons.length === 0 || expected === 0 || bad !== -1) {
      throw new InvalidInputError(
        name,
        `model.layers[${layerIndex}]`,
        layer,
        `a layer of neurons with ${expected || 'at least 1'} weight(s) each (one per output of ` +
          'the layer before)',
      )
    }
    for (const [neuronIndex, neuron] of neurons.entries())
      checkFinite(name, neuron.bias.data, `layers[${layerIndex}].neurons[${neuronIndex}].bias`)
    sizes.push(neurons.length)
  })
  return sizes
}

export function checkFinite(name: string, value: number, location: string): void {
  if (!Number.isFinite(value)) {
    throw new NonFiniteDataError(
      name,
      `model.${location}`,
      value,
      'Training diverged; lower the learning rate and retrain.',
    )
  }
}
