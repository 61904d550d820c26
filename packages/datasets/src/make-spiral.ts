import { checkBoolean, checkInteger, checkNonNegative, checkOptions } from './checks.js'
import type { GeneratedDataset } from './dataset.js'
import { InvalidParameterError } from './errors.js'
import { linspace } from './linspace.js'
import { cos, sin } from './portable-math.js'
import { type RandomOptions, resolveRng } from './random-source.js'
import { shuffleRows } from './rows.js'

/** Options of {@link makeSpiral}. */
export interface MakeSpiralOptions extends RandomOptions {
  /** Total points, shared as evenly as possible between the arms (earlier arms get the rest). Default 300. */
  nSamples?: number
  /** Number of arms, one class each. Default 3. */
  nClasses?: number
  /** Standard deviation of the Gaussian noise added to each point's angle, in radians. Default 0.2. */
  noise?: number
  /** Shuffle the samples (with `X` and `y` kept together); `false` keeps them arm by arm. Default `true`. */
  shuffle?: boolean
}

/**
 * The classic multi-class spiral of Stanford's CS231n notes: arm `j` has label `j` and its points
 * are `(r sin t, r cos t)` with the radius `r` running evenly from 0 to 1 and the angle `t` evenly
 * from `4j` to `4(j + 1)` radians plus Gaussian noise. With the defaults and `shuffle: false` this is
 * the notes' 100 points per class, 3 classes, noise 0.2.
 *
 * @throws {@link InvalidParameterError} for a bad `nSamples`, `nClasses`, `noise`, `shuffle`, `seed`
 * or `rng`.
 * @example
 * ```ts
 * import { makeSpiral } from '@mg/datasets'
 * const { X, y } = makeSpiral({ nSamples: 300, nClasses: 3, seed: 0 })
 * ```
 */
export function makeSpiral(options: MakeSpiralOptions = {}): GeneratedDataset {
  const name = 'makeSpiral'
  checkOptions(name, options)
  const nSamples = checkInteger(name, 'nSamples', options.nSamples ?? 300, 1, 'nSamples: 300')
  const nClasses = checkInteger(name, 'nClasses', options.nClasses ?? 3, 1, 'nClasses: 3')
  if (nSamples < nClasses) {
    const allowed = `at least nClasses (${nClasses}), so every arm has a point`
    const fix = `Ask for more points or fewer classes, e.g. nSamples: ${100 * nClasses}.`
    throw new InvalidParameterError(name, 'nSamples', nSamples, allowed, fix)
  }
  const noise = checkNonNegative(name, 'noise', options.noise ?? 0.2, '0.2')
  const shuffle = checkBoolean(name, 'shuffle', options.shuffle ?? true)
  const { rng, seed } = resolveRng(name, options)
  const X: number[][] = []
  const y: number[] = []
  for (let arm = 0; arm < nClasses; arm++) {
    const count = Math.floor(nSamples / nClasses) + (arm < nSamples % nClasses ? 1 : 0)
    const radii = linspace(0, 1, count)
    const angles = linspace(4 * arm, 4 * (arm + 1), count)
    for (let i = 0; i < count; i++) {
      const radius = radii[i]!
      const angle = angles[i]! + (noise > 0 ? rng.normal(0, noise) : 0)
      X.push([radius * sin(angle), radius * cos(angle)])
      y.push(arm)
    }
  }
  if (shuffle) shuffleRows(X, y, rng)
  return { X, y, seed }
}
