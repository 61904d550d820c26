import { type Operand, Value } from '@mg/engine'
import { type Activation, activate, checkActivation, neuronName } from './activation.js'
import { checkInput } from './check-input.js'
import {
  checkInitialization,
  checkSize,
  drawWeights,
  type Initialization,
} from './initialization.js'
import { Module } from './module.js'
import { checkOptionsObject, type RandomSource, resolveRandom } from './random-source.js'

/** The names of {@link NeuronOptions}, which {@link Neuron} and {@link Layer} take. */
export const NEURON_OPTION_NAMES: readonly (keyof NeuronOptions)[] = [
  'activation',
  'rng',
  'seed',
  'init',
]

/** Options shared by {@link Neuron} and {@link Layer}. */
export interface NeuronOptions {
  /** The nonlinearity. Default `'relu'`, as micrograd's `Neuron(nin)`. */
  activation?: Activation
  /** Where the weights come from; give this or `seed`. */
  rng?: RandomSource
  /** An integer in [0, 2³² − 1] for {@link createRng}; without `rng` or `seed` a fresh one is drawn and kept in `seed`. */
  seed?: number
  /** How the weights are drawn. Default `'uniform'` (micrograd's). */
  init?: Initialization
}

/**
 * One unit: `activation(w · x + b)`, with `nin` weights drawn at construction and a bias of 0.
 * The weighted sum is one fused `Value.dot` node, not 2·nin nodes.
 *
 * @example
 * ```ts
 * import { Neuron } from '@mg/nn'
 * const neuron = new Neuron(2, { activation: 'tanh', seed: 1 })
 * const out = neuron.forward([0.5, -1]) // a Value
 * ```
 */
export class Neuron extends Module {
  /** The weights, one per input. */
  readonly weights: readonly Value[]
  /** The bias. */
  readonly bias: Value
  /** The nonlinearity applied to `w · x + b`. */
  readonly activation: Activation
  /** The seed the weights were drawn from, or undefined when an `rng` was given. */
  readonly seed: number | undefined

  constructor(nin: number, options?: NeuronOptions) {
    super()
    checkSize('nin', nin)
    const given = checkOptionsObject(options, 'Neuron', NEURON_OPTION_NAMES)
    this.activation = checkActivation('activation', given.activation ?? 'relu')
    const init = checkInitialization(given.init)
    const { rng, seed } = resolveRandom(given)
    this.seed = seed
    this.weights = Object.freeze(drawWeights(nin, init, rng))
    this.bias = new Value(0)
  }

  /** The number of inputs. */
  get nin(): number {
    return this.weights.length
  }

  /**
   * Computes `activation(Value.dot(x, weights) + bias)`.
   *
   * @throws {@link InputSizeError} if `x` does not have `nin` entries.
   */
  forward(x: readonly Operand[]): Value {
    checkInput('Neuron.forward', x, this.weights.length)
    return activate(Value.dot(x, this.weights).add(this.bias), this.activation)
  }

  override parameters(): Value[] {
    return [...this.weights, this.bias]
  }

  /** micrograd's repr: `ReLUNeuron(2)`, `LinearNeuron(16)`. */
  override toString(): string {
    return `${neuronName(this.activation)}(${this.weights.length})`
  }
}
