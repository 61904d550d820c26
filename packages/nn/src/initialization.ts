import { Value } from '@mg/engine'
import { InvalidOptionError } from './errors.js'
import type { RandomSource } from './random-source.js'

/**
 * How a neuron's weights are drawn. `'uniform'`: uniform in [−1, 1), micrograd's
 * `random.uniform(-1, 1)`. `'scaled'`: uniform in [−1/√nin, 1/√nin), the bound PyTorch's
 * `nn.Linear` uses, which keeps activations from growing with the width. Biases start at 0 either way.
 */
export type Initialization = 'uniform' | 'scaled'

/** Checks an `init` option, defaulting to micrograd's `'uniform'`. */
export function checkInitialization(init: unknown): Initialization {
  if (init === undefined) return 'uniform'
  if (init !== 'uniform' && init !== 'scaled')
    throw new InvalidOptionError('init', init, "'uniform' or 'scaled'")
  return init
}

/** Draws `nin` weights, each `a + (b − a)·u` as Python's `random.uniform(a, b)` computes it. */
export function drawWeights(nin: number, init: Initialization, rng: RandomSource): Value[] {
  const bound = init === 'scaled' ? 1 / Math.sqrt(nin) : 1
  const weights = new Array<Value>(nin)
  for (let index = 0; index < nin; index++) {
    const u = rng.uniform()
    if (typeof u !== 'number' || !(u >= 0 && u < 1))
      throw new InvalidOptionError(
        'rng',
        u,
        'uniform() to return numbers in [0, 1)',
        'Check the random source.',
      )
    weights[index] = new Value(-bound + 2 * bound * u)
  }
  return weights
}

/** Throws unless `value` is a whole number of at least 1, such as a layer width. */
export function checkSize(option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
    throw new InvalidOptionError(option, value, 'a whole number of at least 1')
  return value
}
