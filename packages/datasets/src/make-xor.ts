import { checkInteger, checkNonNegative, checkOptions } from './checks.js'
import type { GeneratedDataset } from './dataset.js'
import { type RandomOptions, resolveRng } from './random-source.js'
import { addGaussianNoise } from './rows.js'

/** Options of {@link makeXor}. */
export interface MakeXorOptions extends RandomOptions {
  /** Number of points. Default 200. */
  nSamples?: number
  /** Standard deviation of the Gaussian noise added to each coordinate after labelling. Default 0. */
  noise?: number
}

/**
 * The XOR problem: points uniform in the square `[-1, 1)²`, labelled 1 where exactly one
 * coordinate is positive (the second and fourth quadrants) and 0 elsewhere, so no straight line
 * separates the classes. Noise is added after labelling, so with noise some points stray across
 * the axes from their label's quadrants.
 *
 * @throws {@link InvalidParameterError} for a bad `nSamples`, `noise`, `seed` or `rng`.
 * @example
 * ```ts
 * import { makeXor } from '@mg/datasets'
 * const { X, y } = makeXor({ nSamples: 200, noise: 0.1, seed: 7 })
 * ```
 */
export function makeXor(options: MakeXorOptions = {}): GeneratedDataset {
  const name = 'makeXor'
  checkOptions(name, options)
  const nSamples = checkInteger(name, 'nSamples', options.nSamples ?? 200, 1, 'nSamples: 200')
  const noise = checkNonNegative(name, 'noise', options.noise ?? 0, '0.1')
  const { rng, seed } = resolveRng(name, options)
  const X: number[][] = []
  const y: number[] = []
  for (let i = 0; i < nSamples; i++) {
    const first = 2 * rng.uniform() - 1
    const second = 2 * rng.uniform() - 1
    X.push([first, second])
    y.push(first > 0 !== second > 0 ? 1 : 0)
  }
  addGaussianNoise(X, noise, rng)
  return { X, y, seed }
}
