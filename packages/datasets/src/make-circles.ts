import { checkOptions } from './checks.js'
import type { GeneratedDataset } from './dataset.js'
import { InvalidParameterError } from './errors.js'
import { cos, sin } from './portable-math.js'
import type { RandomOptions } from './random-source.js'
import { twoCurves } from './two-curves.js'

/** Options of {@link makeCircles}. */
export interface MakeCirclesOptions extends RandomOptions {
  /** Total points (the outer circle gets `floor(n / 2)`), or `[nOuter, nInner]`. Default 100. */
  nSamples?: number | readonly [number, number]
  /** Standard deviation of the Gaussian noise added to each coordinate. Default 0. */
  noise?: number
  /** Radius of the inner circle relative to the outer one, in `[0, 1)`. Default 0.8. */
  factor?: number
  /** Shuffle the samples (with `X` and `y` kept together). Default `true`. */
  shuffle?: boolean
}

/**
 * A circle inside a larger one, built as scikit-learn's `make_circles`: the outer circle
 * `(cos t, sin t)` has label 0 and the inner one `factor * (cos t, sin t)` label 1, with `t` evenly
 * spaced over `[0, 2 pi)` (end point left out, so no point is repeated). For an odd total the inner
 * circle gets the extra point. With `noise: 0, shuffle: false` the points equal scikit-learn's to
 * the bit.
 *
 * @throws {@link InvalidParameterError} for a bad `nSamples`, `noise`, `factor`, `shuffle`, `seed`
 * or `rng`.
 * @example
 * ```ts
 * import { makeCircles } from '@mg/datasets'
 * const { X, y } = makeCircles({ nSamples: 200, noise: 0.05, factor: 0.5, seed: 1 })
 * ```
 */
export function makeCircles(options: MakeCirclesOptions = {}): GeneratedDataset {
  const name = 'makeCircles'
  checkOptions(name, options)
  const factor = options.factor ?? 0.8
  if (typeof factor !== 'number' || !(factor >= 0 && factor < 1)) {
    const fix = 'It is the inner radius over the outer one, e.g. factor: 0.5.'
    throw new InvalidParameterError(name, 'factor', factor, 'a number in [0, 1)', fix)
  }
  return twoCurves(name, options, '0.05', {
    end: 2 * Math.PI,
    endpoint: false,
    outer: (t) => [cos(t), sin(t)],
    inner: (t) => [cos(t) * factor, sin(t) * factor],
  })
}
