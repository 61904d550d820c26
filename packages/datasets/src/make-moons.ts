import { checkOptions } from './checks.js'
import type { GeneratedDataset } from './dataset.js'
import { cos, sin } from './portable-math.js'
import type { RandomOptions } from './random-source.js'
import { twoCurves } from './two-curves.js'

/** Options of {@link makeMoons}. */
export interface MakeMoonsOptions extends RandomOptions {
  /** Total points (the outer moon gets `floor(n / 2)`), or `[nOuter, nInner]`. Default 100. */
  nSamples?: number | readonly [number, number]
  /** Standard deviation of the Gaussian noise added to each coordinate. Default 0. */
  noise?: number
  /** Shuffle the samples (with `X` and `y` kept together). Default `true`. */
  shuffle?: boolean
}

/**
 * Two interleaving half circles, built as scikit-learn's `make_moons`: the outer moon
 * `(cos t, sin t)` has label 0 and the inner moon `(1 - cos t, 1 - sin t - 0.5)` label 1, with `t`
 * evenly spaced over `[0, pi]` including both ends. With `noise: 0, shuffle: false` the points equal
 * scikit-learn's to the bit (sines and cosines are correctly rounded); the random parts (shuffle and
 * noise) follow the same steps in the same order but use this package's generator.
 *
 * @throws {@link InvalidParameterError} for a bad `nSamples`, `noise`, `shuffle`, `seed` or `rng`.
 * @example
 * ```ts
 * import { makeMoons } from '@mg/datasets'
 * const { X, y } = makeMoons({ nSamples: 100, noise: 0.1, seed: 1337 })
 * X.length // 100; X[0] is [x, y]; y[0] is 0 or 1
 * ```
 */
export function makeMoons(options: MakeMoonsOptions = {}): GeneratedDataset {
  checkOptions('makeMoons', options)
  return twoCurves('makeMoons', options, '0.1', {
    end: Math.PI,
    endpoint: true,
    outer: (t) => [cos(t), sin(t)],
    inner: (t) => [1 - cos(t), 1 - sin(t) - 0.5],
  })
}
