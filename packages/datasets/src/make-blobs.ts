import { checkBoolean, checkInteger, checkOptions } from './checks.js'
import type { GeneratedDataset } from './dataset.js'
import { InvalidParameterError } from './errors.js'
import { type RandomOptions, resolveRng } from './random-source.js'
import { shuffleRows } from './rows.js'

/** Options of {@link makeBlobs}. */
export interface MakeBlobsOptions extends RandomOptions {
  /** Total points shared between the blobs (earlier blobs get the rest), or one count per blob. Default 100. */
  nSamples?: number | readonly number[]
  /** How many blobs to place at random in `centerBox`, or their coordinates. Default 3 (or one per count). */
  centers?: number | readonly (readonly number[])[]
  /** Standard deviation of every blob, or one per blob. Default 1. */
  clusterStd?: number | readonly number[]
  /** The `[low, high]` range of each coordinate of a random center. Default `[-10, 10]`. */
  centerBox?: readonly [number, number]
  /** Number of features of a random center; taken from `centers` when they are given. Default 2. */
  nFeatures?: number
  /** Shuffle the samples (with `X` and `y` kept together); `false` keeps them blob by blob. Default `true`. */
  shuffle?: boolean
}

/** A {@link makeBlobs} result: the dataset and the centers it was drawn around. */
export interface BlobsDataset extends GeneratedDataset {
  /** One row per blob: the center its points were drawn around. */
  centers: number[][]
}

/**
 * Isotropic Gaussian blobs, as scikit-learn's `make_blobs`: blob `i` has label `i` and its points
 * are its center plus normal noise of standard deviation `clusterStd` in every feature.
 *
 * @throws {@link InvalidParameterError} for bad counts, centers, deviations, box, seed or rng.
 * @example
 * ```ts
 * import { makeBlobs } from '@mg/datasets'
 * const { X, y, centers } = makeBlobs({ nSamples: 150, centers: 3, clusterStd: 0.5, seed: 0 })
 * const fixed = makeBlobs({ nSamples: [50, 50], centers: [[-2, 0], [2, 0]], seed: 0 })
 * ```
 */
export function makeBlobs(options: MakeBlobsOptions = {}): BlobsDataset {
  const name = 'makeBlobs'
  checkOptions(name, options)
  const nSamples = options.nSamples ?? 100
  const nFeaturesGiven =
    options.nFeatures === undefined
      ? undefined
      : checkInteger(name, 'nFeatures', options.nFeatures, 1, 'nFeatures: 2')
  const givenCenters = Array.isArray(options.centers)
    ? checkCenters(options.centers, nFeaturesGiven)
    : undefined
  const nCenters =
    givenCenters?.length ??
    (options.centers === undefined && Array.isArray(nSamples)
      ? nSamples.length
      : checkInteger(name, 'centers', options.centers ?? 3, 1, 'centers: 3'))
  const counts = checkCounts(nSamples, nCenters)
  const stds = checkStds(options.clusterStd ?? 1, nCenters)
  const [low, high] = checkBox(options.centerBox ?? [-10, 10])
  const nFeatures = givenCenters?.[0]?.length ?? nFeaturesGiven ?? 2
  const shuffle = checkBoolean(name, 'shuffle', options.shuffle ?? true)
  const { rng, seed } = resolveRng(name, options)
  // scikit-learn's order: centers drawn first (row by row), then each blob's points in turn.
  const centers =
    givenCenters ??
    Array.from({ length: nCenters }, () =>
      Array.from({ length: nFeatures }, () => low + (high - low) * rng.uniform()),
    )
  const X: number[][] = []
  const y: number[] = []
  centers.forEach((center, label) => {
    for (let i = 0; i < counts[label]!; i++) {
      X.push(center.map((coordinate) => rng.normal(coordinate, stds[label]!)))
      y.push(label)
    }
  })
  if (shuffle) shuffleRows(X, y, rng)
  return { X, y, seed, centers }
}

function checkCenters(centers: readonly unknown[], nFeatures: number | undefined): number[][] {
  const first = centers[0]
  const width = nFeatures ?? (Array.isArray(first) ? first.length : 0)
  if (centers.length === 0) {
    const fix = 'Give at least one center, e.g. centers: [[-2, 0], [2, 0]], or a count: centers: 3.'
    throw new InvalidParameterError(
      'makeBlobs',
      'centers',
      centers,
      'a non-empty list of rows',
      fix,
    )
  }
  return centers.map((center, index) => {
    if (
      !Array.isArray(center) ||
      center.length !== width ||
      width === 0 ||
      !center.every((coordinate) => typeof coordinate === 'number' && Number.isFinite(coordinate))
    ) {
      const source = nFeatures === undefined ? "the first center's length" : 'nFeatures'
      const allowed = `a row of ${width || 'one or more'} finite numbers (${source})`
      const fix =
        'Give every center the same number of coordinates, e.g. centers: [[-2, 0], [2, 0]].'
      throw new InvalidParameterError('makeBlobs', `centers[${index}]`, center, allowed, fix)
    }
    return [...center] as number[]
  })
}

function checkCounts(nSamples: unknown, nCenters: number): number[] {
  if (!Array.isArray(nSamples)) {
    const total = checkInteger('makeBlobs', 'nSamples', nSamples, 1, 'nSamples: 100')
    // Equal shares; the first `total % nCenters` blobs take one more, as in scikit-learn.
    return Array.from(
      { length: nCenters },
      (_, index) => Math.floor(total / nCenters) + (index < total % nCenters ? 1 : 0),
    )
  }
  if (
    nSamples.length !== nCenters ||
    !nSamples.every((count) => Number.isSafeInteger(count) && count >= 0) ||
    !nSamples.some((count) => count > 0)
  ) {
    throw new InvalidParameterError(
      'makeBlobs',
      'nSamples',
      nSamples,
      `a positive integer, or ${nCenters} non-negative counts (one per center) with a positive sum`,
      'e.g. nSamples: 100, or nSamples: [50, 50] with centers: [[-2, 0], [2, 0]].',
    )
  }
  return nSamples as number[]
}

function checkStds(clusterStd: unknown, nCenters: number): number[] {
  const stds =
    typeof clusterStd === 'number' ? new Array<number>(nCenters).fill(clusterStd) : clusterStd
  if (
    !Array.isArray(stds) ||
    stds.length !== nCenters ||
    !stds.every((std) => typeof std === 'number' && Number.isFinite(std) && std >= 0)
  ) {
    const allowed = `a finite number >= 0, or ${nCenters} of them (one per center)`
    const fix = 'e.g. clusterStd: 1, or clusterStd: [0.5, 2] for two centers.'
    throw new InvalidParameterError('makeBlobs', 'clusterStd', clusterStd, allowed, fix)
  }
  return stds
}

function checkBox(centerBox: unknown): [number, number] {
  if (
    Array.isArray(centerBox) &&
    centerBox.length === 2 &&
    centerBox.every((bound) => typeof bound === 'number' && Number.isFinite(bound)) &&
    centerBox[0] <= centerBox[1]
  ) {
    return [centerBox[0], centerBox[1]]
  }
  const allowed = 'a pair [low, high] of finite numbers with low <= high'
  const fix = 'e.g. centerBox: [-10, 10].'
  throw new InvalidParameterError('makeBlobs', 'centerBox', centerBox, allowed, fix)
}
