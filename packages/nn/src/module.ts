import type { Value } from '@mg/engine'
import { InvalidOptionError, LengthMismatchError, NonFiniteValueError } from './errors.js'

/**
 * A piece of a network that owns parameters, as in micrograd and PyTorch: {@link Neuron},
 * {@link Layer} and {@link MLP} all extend it.
 *
 * @example
 * ```ts
 * import { MLP } from '@mg/nn'
 * const model = new MLP(2, [16, 16, 1], { seed: 1337 })
 * model.parameterCount // 337
 * model.zeroGrad()
 * ```
 */
export abstract class Module {
  /** Every parameter, in micrograd's order: layer by layer, neuron by neuron, weights then bias. */
  abstract parameters(): Value[]

  /** Sets the gradient of every parameter to 0, before the next `backward()` accumulates. */
  zeroGrad(): void {
    for (const parameter of this.parameters()) parameter.grad = 0
  }

  /** How many parameters the module has (micrograd's `len(model.parameters())`). */
  get parameterCount(): number {
    return this.parameters().length
  }

  /** A flat copy of every parameter's `data`, in {@link Module.parameters} order. */
  getParameterValues(): Float64Array {
    return Float64Array.from(this.parameters(), (parameter) => parameter.data)
  }

  /**
   * Overwrites every parameter's `data` from a flat list in {@link Module.parameters} order.
   *
   * @throws {@link LengthMismatchError} if `values` has the wrong length.
   * @example
   * ```ts
   * import { MLP } from '@mg/nn'
   * const model = new MLP(2, [4, 1], { seed: 1 })
   * const snapshot = model.getParameterValues()
   * // … train …
   * model.setParameterValues(snapshot) // back to where it was
   * ```
   * @throws {@link NonFiniteValueError} if a value is not a finite number; nothing is written then.
   */
  setParameterValues(values: ArrayLike<number>): void {
    const parameters = this.parameters()
    if (values === null || typeof values !== 'object' || typeof values.length !== 'number')
      throw new InvalidOptionError('values', values, 'an array or Float64Array of numbers')
    if (values.length !== parameters.length)
      throw new LengthMismatchError(
        'setParameterValues: parameters and values',
        parameters.length,
        values.length,
      )
    for (let index = 0; index < parameters.length; index++) {
      const value = values[index]
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw new NonFiniteValueError(
          'parameter value',
          index,
          value,
          'Check the array you are loading.',
        )
    }
    for (let index = 0; index < parameters.length; index++) parameters[index]!.data = values[index]!
  }
}
