import type { Operand, Value } from '@mg/engine'
import { checkInput } from './check-input.js'
import { checkSize } from './initialization.js'
import { Module } from './module.js'
import { NEURON_OPTION_NAMES, Neuron, type NeuronOptions } from './neuron.js'
import { checkOptionsObject, resolveRandom } from './random-source.js'

/**
 * `nout` neurons that all read the same `nin` inputs. Unlike micrograd's, `forward` always returns
 * an array, even for one neuron, so `new MLP(2, [16, 1, 1])` works (micrograd PR #13).
 *
 * @example
 * ```ts
 * import { Layer } from '@mg/nn'
 * const layer = new Layer(2, 3, { activation: 'tanh', seed: 7 })
 * layer.forward([1, 2]) // three Values
 * ```
 */
export class Layer extends Module {
  /** The neurons, in order. */
  readonly neurons: readonly Neuron[]
  /** The seed the weights were drawn from, or undefined when an `rng` was given. */
  readonly seed: number | undefined
  /** The number of inputs. */
  readonly nin: number

  constructor(nin: number, nout: number, options?: NeuronOptions) {
    super()
    this.nin = checkSize('nin', nin)
    checkSize('nout', nout)
    const given = checkOptionsObject(options, 'Layer', NEURON_OPTION_NAMES)
    const { rng, seed } = resolveRandom(given)
    this.seed = seed
    const neuronOptions = { ...given, seed: undefined, rng }
    this.neurons = Object.freeze(Array.from({ length: nout }, () => new Neuron(nin, neuronOptions)))
  }

  /** The number of outputs (neurons). */
  get nout(): number {
    return this.neurons.length
  }

  /**
   * Runs every neuron on `x`.
   *
   * @throws {@link InputSizeError} if `x` does not have `nin` entries.
   */
  forward(x: readonly Operand[]): Value[] {
    checkInput('Layer.forward', x, this.nin)
    const out = new Array<Value>(this.neurons.length)
    for (let index = 0; index < out.length; index++) out[index] = this.neurons[index]!.forward(x)
    return out
  }

  override parameters(): Value[] {
    return this.neurons.flatMap((neuron) => neuron.parameters())
  }

  /** micrograd's repr: `Layer of [ReLUNeuron(2), ReLUNeuron(2)]`. */
  override toString(): string {
    return `Layer of [${this.neurons.join(', ')}]`
  }
}
