import { type Activation, isActivation } from './activation.js'
import { ModelFormatError, UnsupportedVersionError } from './errors.js'

/** The `format` tag of a saved {@link MLP}. */
export const MODEL_FORMAT = '@mg/nn MLP'
/** The version of the saved-model format this release writes and reads. */
export const MODEL_FORMAT_VERSION = 1

/** One layer of a saved model. */
export interface LayerJson {
  /** The layer's nonlinearity. */
  activation: Activation
  /** One row per neuron, each with one weight per input of the layer. */
  weights: number[][]
  /** One bias per neuron. */
  biases: number[]
}

/**
 * A saved {@link MLP}, version 1: plain JSON holding the architecture, the activations and every
 * parameter. Numbers are JSON numbers, which JavaScript writes in their shortest form that parses
 * back to the very same double, so a model round-trips bit for bit.
 *
 * ```json
 * { "format": "@mg/nn MLP", "version": 1, "nin": 2,
 *   "layers": [{ "activation": "relu", "weights": [[0.1, -0.4], …], "biases": [0, …] }, …] }
 * ```
 */
export interface ModelJson {
  /** Always {@link MODEL_FORMAT}: marks the JSON as a saved MLP, so that other JSON is refused. */
  format: typeof MODEL_FORMAT
  /**
   * The layout version, `1` ({@link MODEL_FORMAT_VERSION}): lets a reader tell a file written in
   * another layout, which it refuses with an {@link UnsupportedVersionError}.
   */
  version: typeof MODEL_FORMAT_VERSION
  /** The number of inputs. */
  nin: number
  /** The layers, input to output. */
  layers: LayerJson[]
}

/** A checked model document: the architecture and the parameters in micrograd's order. */
export interface ParsedModel {
  nin: number
  nouts: number[]
  activations: Activation[]
  parameterValues: number[]
}

/** Checks a saved model in full and flattens its parameters, or throws a {@link ModelFormatError}. */
export function parseModelJson(json: unknown): ParsedModel {
  const document = record('', json, 'expected a saved model object')
  if (document.format !== MODEL_FORMAT)
    throw new ModelFormatError(
      'format',
      `expected ${JSON.stringify(MODEL_FORMAT)}`,
      document.format,
    )
  if (document.version !== MODEL_FORMAT_VERSION)
    throw new UnsupportedVersionError(document.version, MODEL_FORMAT_VERSION)
  const nin = document.nin
  if (typeof nin !== 'number' || !Number.isSafeInteger(nin) || nin < 1)
    throw new ModelFormatError('nin', 'expected a whole number of at least 1', nin)
  const layers = document.layers
  if (!Array.isArray(layers) || layers.length === 0)
    throw new ModelFormatError('layers', 'expected a non-empty array of layers', layers)
  const parsed: ParsedModel = { nin, nouts: [], activations: [], parameterValues: [] }
  let width = nin
  layers.forEach((layerJson: unknown, layerIndex) => {
    const path = `layers[${layerIndex}]`
    const layer = record(path, layerJson, 'expected a layer object')
    if (!isActivation(layer.activation))
      throw new ModelFormatError(
        `${path}.activation`,
        "expected 'relu', 'tanh', 'sigmoid' or 'linear'",
        layer.activation,
      )
    const weights = layer.weights
    if (!Array.isArray(weights) || weights.length === 0)
      throw new ModelFormatError(
        `${path}.weights`,
        'expected a non-empty array with one row per neuron',
        weights,
      )
    const biases = numbers(`${path}.biases`, layer.biases, weights.length, 'one bias per neuron')
    weights.forEach((row: unknown, neuronIndex) => {
      const rowPath = `${path}.weights[${neuronIndex}]`
      parsed.parameterValues.push(...numbers(rowPath, row, width, 'one weight per input'))
      parsed.parameterValues.push(biases[neuronIndex]!)
    })
    parsed.nouts.push(weights.length)
    parsed.activations.push(layer.activation)
    width = weights.length
  })
  return parsed
}

function record(path: string, value: unknown, problem: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ModelFormatError(path, problem, value)
  return value as Record<string, unknown>
}

function numbers(path: string, value: unknown, length: number, what: string): number[] {
  if (!Array.isArray(value) || value.length !== length)
    throw new ModelFormatError(path, `expected an array of ${length} numbers (${what})`, value)
  value.forEach((entry: unknown, index) => {
    if (typeof entry !== 'number' || !Number.isFinite(entry))
      throw new ModelFormatError(`${path}[${index}]`, 'expected a finite number', entry)
  })
  return value as number[]
}
