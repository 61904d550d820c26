import { checkBoolean, checkNonNegative, checkSampleCounts } from './checks.js'
import type { GeneratedDataset } from './dataset.js'
import { linspace } from './linspace.js'
import { cos, sin } from './portable-math.js'
import { type RandomOptions, resolveRng } from './random-source.js'
import { addGaussianNoise, shuffleRows } from './rows.js'

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
 * const { X, y } = makeMoons({ nSamples: 100, noise: 0.1, seed: 1337 })
 * X.length // 100; X[0] is [x, y]; y[0] is 0 or 1
 * ```
 */
export function makeMoons(options: MakeMoonsOptions = {}): GeneratedDataset {
  const name = 'makeMoons'
  const [nOuter, nInner] = checkSampleCounts(name, options.nSamples ?? 100)
  const noise = checkNonNegative(name, 'noise', options.noise ?? 0, '0.1')
  const shuffle = checkBoolean(name, 'shuffle', options.shuffle ?? true)
  const { rng, seed } = resolveRng(name, options)
  const X: number[][] = []
  const y: number[] = []
  for (const t of linspace(0, Math.PI, nOuter)) {
    X.push([cos(t), sin(t)])
    y.push(0)
  }
  for (const t of linspace(0, Math.PI, nInner)) {
    X.push([1 - cos(t), 1 - sin(t) - 0.5])
    y.push(1)
  }
  // scikit-learn's order: shuffle, then add noise.
  if (shuffle) shuffleRows(X, y, rng)
  addGaussianNoise(X, noise, rng)
  return { X, y, seed }
}
