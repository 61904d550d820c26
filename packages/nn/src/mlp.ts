import { noGrad, type Operand, Value } from '@mg/engine'
import { type Activation, checkActivation } from './activation.js'
import { checkInput } from './check-input.js'
import { InvalidOptionError } from './errors.js'
import { checkSize, type Initialization } from './initialization.js'
import { Layer } from './layer.js'
import { MODEL_FORMAT, MODEL_FORMAT_VERSION, type ModelJson, parseModelJson } from './model-json.js'
import { Module } from './module.js'
import { checkOptionsObject, type RandomSource, resolveRandom } from './random-source.js'

/** Options for {@link MLP}. */
export interface MlpOptions {
  /** Nonlinearity of the hidden layers. Default `'relu'` (micrograd's). */
  activation?: Activation
  /** Nonlinearity of the last layer. Default `'linear'` (micrograd's). */
  outputActivation?: Activation
  /** One nonlinearity per layer; overrides `activation` and `outputActivation`. */
  activations?: readonly Activation[]
  /** Where the weights come from; give this or `seed`. */
  rng?: RandomSource
  /** An integer in [0, 2³² − 1] for {@link createRng}; without `rng` or `seed` a fresh one is drawn and kept in `seed`. */
  seed?: number
  /** How the weights are drawn. Default `'uniform'` (micrograd's). */
  init?: Initialization
}

/**
 * A multi-layer perceptron: `nouts.length` fully connected layers, micrograd's `MLP(nin, nouts)`.
 * Weights are drawn layer by layer, neuron by neuron, exactly as micrograd draws them, so an `rng`
 * that replays Python's `random` reproduces micrograd's models.
 *
 * @example
 * ```ts
 * import { MLP } from '@mg/nn'
 * const model = new MLP(2, [16, 16, 1], { seed: 1337 })
 * String(model)         // 'MLP of [Layer of [ReLUNeuron(2), …], …, Layer of [LinearNeuron(16)]]'
 * model.parameterCount  // 337
 * const [score] = model.forward([0.5, -0.2])
 * ```
 */
export class MLP extends Module {
  /** The layers, input to output. */
  readonly layers: readonly Layer[]
  /** The number of inputs. */
  readonly nin: number
  /** The width of each layer, input to output. */
  readonly nouts: readonly number[]
  /** The seed the weights were drawn from, or undefined when an `rng` was given. */
  readonly seed: number | undefined

  constructor(nin: number, nouts: readonly number[], options?: MlpOptions) {
    super()
    this.nin = checkSize('nin', nin)
    const given = checkOptionsObject(options, 'MLP', [
      'activation',
      'outputActivation',
      'activations',
      'rng',
      'seed',
      'init',
    ])
    if (!Array.isArray(nouts) || nouts.length === 0)
      throw new InvalidOptionError(
        'nouts',
        nouts,
        'a non-empty array of layer widths, such as [16, 16, 1]',
      )
    nouts.forEach((nout, index) => {
      checkSize(`nouts[${index}]`, nout)
    })
    this.nouts = Object.freeze([...nouts])
    const activations = layerActivations(given, nouts.length)
    const { rng, seed } = resolveRandom(given)
    this.seed = seed
    const sizes = [nin, ...nouts]
    this.layers = Object.freeze(
      activations.map(
        (activation, index) =>
          new Layer(sizes[index]!, sizes[index + 1]!, { activation, rng, init: given.init }),
      ),
    )
  }

  /** The number of outputs (the last layer's width). */
  get nout(): number {
    return this.nouts[this.nouts.length - 1]!
  }

  /** The nonlinearity of each layer, input to output. */
  get activations(): Activation[] {
    return this.layers.map((layer) => layer.neurons[0]!.activation)
  }

  /**
   * Runs the network on one input and returns its outputs, always as an array (length `nout`).
   * Numbers in `x` become leaf values once, shared by every neuron of the first layer.
   *
   * @throws {@link InputSizeError} if `x` does not have `nin` entries.
   */
  forward(x: readonly Operand[]): Value[] {
    checkInput('MLP.forward', x, this.nin)
    let values = x.map((entry) => (entry instanceof Value ? entry : new Value(entry)))
    for (const layer of this.layers) values = layer.forward(values)
    return values
  }

  /**
   * The outputs for one input as plain numbers, computed without recording a graph.
   *
   * @example
   * ```ts
   * import { MLP } from '@mg/nn'
   * const model = new MLP(2, [4, 1], { seed: 1 })
   * const [score] = model.predict([0.5, -0.2])
   * ```
   */
  predict(x: readonly number[]): number[] {
    return noGrad(() => this.forward(x).map((output) => output.data))
  }

  override parameters(): Value[] {
    return this.layers.flatMap((layer) => layer.parameters())
  }

  /** micrograd's repr: `MLP of [Layer of [ReLUNeuron(2), …], Layer of [LinearNeuron(16)]]`. */
  override toString(): string {
    return `MLP of [${this.layers.join(', ')}]`
  }

  /**
   * The model as a {@link ModelJson} document (architecture, activations, parameters), which
   * `JSON.stringify` writes and {@link MLP.fromJSON} reads back bit for bit.
   *
   * @example
   * ```ts
   * import { MLP } from '@mg/nn'
   * const model = new MLP(2, [4, 1], { seed: 1 })
   * const copy = MLP.fromJSON(JSON.parse(JSON.stringify(model)))
   * ```
   */
  toJSON(): ModelJson {
    return {
      format: MODEL_FORMAT,
      version: MODEL_FORMAT_VERSION,
      nin: this.nin,
      layers: this.layers.map((layer) => ({
        activation: layer.neurons[0]!.activation,
        weights: layer.neurons.map((neuron) => neuron.weights.map((weight) => weight.data)),
        biases: layer.neurons.map((neuron) => neuron.bias.data),
      })),
    }
  }

  /**
   * Rebuilds a model from {@link MLP.toJSON}'s document (or its parsed JSON text).
   *
   * @throws {@link ModelFormatError} naming the field that is missing, malformed, of the wrong
   * size or not finite; {@link UnsupportedVersionError} for another format version.
   */
  static fromJSON(json: unknown): MLP {
    const parsed = parseModelJson(json)
    const model = new MLP(parsed.nin, parsed.nouts, {
      activations: parsed.activations,
      rng: { uniform: () => 0 },
    })
    model.setParameterValues(parsed.parameterValues)
    return model
  }
}

function layerActivations(options: MlpOptions, layerCount: number): Activation[] {
  if (options.activations !== undefined) {
    if (!Array.isArray(options.activations) || options.activations.length !== layerCount)
      throw new InvalidOptionError(
        'activations',
        options.activations,
        `an array of ${layerCount} activations, one per layer`,
      )
    return options.activations.map((activation, index) =>
      checkActivation(`activations[${index}]`, activation),
    )
  }
  const hidden = checkActivation('activation', options.activation ?? 'relu')
  const output = checkActivation('outputActivation', options.outputActivation ?? 'linear')
  return Array.from({ length: layerCount }, (_, index) =>
    index === layerCount - 1 ? output : hidden,
  )
}
