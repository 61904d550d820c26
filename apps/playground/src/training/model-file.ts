import { LOSSES, type LossName, type MLP } from '@mg/nn'
import { ModelFileError } from '../errors.js'
import { ACTIVATIONS, type HiddenActivation, LIMITS, type Settings } from '../state/settings.js'

/**
 * The settings under which a loaded model fits the page and the current data: its hidden layers
 * and activation, and a loss that matches its outputs (the current one when it already does).
 *
 * @throws {@link ModelFileError} when the model cannot be shown here, saying why and what would fit.
 */
export function settingsForModel(
  model: MLP,
  settings: Settings,
  classCount: number,
  fileName: string,
): Settings {
  if (model.nin !== 2)
    throw new ModelFileError(
      fileName,
      `expected a model with 2 inputs (the plane's x0 and x1), received ${model.nin}.`,
    )
  const activations = model.activations
  if (activations.at(-1) !== 'linear')
    throw new ModelFileError(
      fileName,
      `expected a linear output layer (raw scores), received ${activations.at(-1)}.`,
    )
  const hidden = activations.slice(0, -1)
  const activation = hidden[0] ?? settings.activation
  if (
    !hidden.every((each) => each === activation) ||
    !(ACTIVATIONS as readonly string[]).includes(activation)
  )
    throw new ModelFileError(
      fileName,
      `expected one activation (relu, tanh or sigmoid) in every hidden layer, received ${hidden.join(', ')}.`,
    )
  const hiddenLayers = model.nouts.slice(0, -1)
  if (
    hiddenLayers.length > LIMITS.hiddenLayerCount.max ||
    hiddenLayers.some((width) => width > LIMITS.width.max)
  )
    throw new ModelFileError(
      fileName,
      `expected at most ${LIMITS.hiddenLayerCount.max} hidden layers of up to ${LIMITS.width.max} neurons, received ${hiddenLayers.join('-')}.`,
    )
  return {
    ...settings,
    hiddenLayers,
    activation: activation as HiddenActivation,
    loss: lossFor(model.nout, settings.loss, classCount, fileName),
  }
}

/** The current loss if it gives the model's outputs for `classCount` classes, else hinge or softmax cross-entropy. */
function lossFor(
  outputs: number,
  current: LossName,
  classCount: number,
  fileName: string,
): LossName {
  if (outputs === 1 && classCount !== 2)
    throw new ModelFileError(
      fileName,
      `this model has one output (two classes) but the data has ${classCount} classes. Pick moons, circles or XOR first.`,
    )
  if (outputs !== 1 && outputs !== classCount)
    throw new ModelFileError(
      fileName,
      `this model has ${outputs} outputs but the data has ${classCount} classes. Pick data with ${outputs} classes first.`,
    )
  if (LOSSES[current].outputCount(classCount) === outputs) return current
  return outputs === 1 ? 'hinge' : 'softmax-cross-entropy'
}
