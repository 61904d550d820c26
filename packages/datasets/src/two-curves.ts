import { checkBoolean, checkNonNegative, checkSampleCounts } from './checks.js'
import type { GeneratedDataset } from './dataset.js'
import { linspace } from './linspace.js'
import { type RandomOptions, resolveRng } from './random-source.js'
import { addGaussianNoise, shuffleRows } from './rows.js'

/** The options {@link makeMoons} and {@link makeCircles} share. */
interface TwoCurvesOptions extends RandomOptions {
  nSamples?: number | readonly [number, number]
  noise?: number
  shuffle?: boolean
}

/** Two labelled curves, each a point for every `t` in `[0, end]` (`end` itself if `endpoint`). */
interface TwoCurves {
  end: number
  endpoint: boolean
  outer: (t: number) => [number, number]
  inner: (t: number) => [number, number]
}

/**
 * scikit-learn's recipe behind `make_moons` and `make_circles`: `nOuter` points of the outer curve
 * (label 0), then `nInner` of the inner one (label 1), at `t` spaced as numpy's `linspace`; then the
 * rows are shuffled and noise is added, in that order, as scikit-learn does.
 */
export function twoCurves(
  name: string,
  options: TwoCurvesOptions,
  noiseExample: string,
  curves: TwoCurves,
): GeneratedDataset {
  const [nOuter, nInner] = checkSampleCounts(name, options.nSamples ?? 100)
  const noise = checkNonNegative(name, 'noise', options.noise ?? 0, noiseExample)
  const shuffle = checkBoolean(name, 'shuffle', options.shuffle ?? true)
  const { rng, seed } = resolveRng(name, options)
  const X: number[][] = []
  const y: number[] = []
  for (const [label, count, curve] of [
    [0, nOuter, curves.outer],
    [1, nInner, curves.inner],
  ] as const) {
    for (const t of linspace(0, curves.end, count, curves.endpoint)) {
      X.push(curve(t))
      y.push(label)
    }
  }
  if (shuffle) shuffleRows(X, y, rng)
  addGaussianNoise(X, noise, rng)
  return { X, y, seed }
}
