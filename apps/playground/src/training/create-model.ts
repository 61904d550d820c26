import { MLP } from '@mg/nn'
import type { Settings } from '../state/settings.js'

/**
 * The model the settings describe, with `outputs` output neurons: hidden layers with the chosen
 * activation, a linear output layer, and PyTorch-style scaled initial weights drawn from the seed,
 * so the worker and the page build the very same network.
 */
export function createModel(settings: Settings, outputs: number): MLP {
  return new MLP(2, [...settings.hiddenLayers, outputs], {
    activation: settings.activation,
    outputActivation: 'linear',
    init: 'scaled',
    seed: settings.seed,
  })
}
