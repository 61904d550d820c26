import type { Rng } from '@mg/common'
import { checkBoolean, checkOptions } from './checks.js'
import { checkDataset, type Dataset } from './dataset.js'
import { InvalidParameterError } from './errors.js'
import { type RandomOptions, resolveRng } from './random-source.js'

/** Options of {@link trainTestSplit}. */
export interface TrainTestSplitOptions extends RandomOptions {
  /** Fraction of the samples, in `(0, 1)`, to hold out for testing; rounded up. Default 0.25. */
  testSize?: number
  /** Shuffle before splitting; `false` takes the last samples as the test set. Default `true`. */
  shuffle?: boolean
  /** Keep each class's share of the samples the same in both parts (needs `shuffle`). Default `false`. */
  stratify?: boolean
}

/** The two parts made by {@link trainTestSplit}, and which samples went where. */
export interface TrainTestSplit {
  /** The samples to fit on. */
  train: Dataset
  /** The held-out samples to evaluate on. */
  test: Dataset
  /** Indices into the original dataset of the training samples, in the order they appear. */
  trainIndices: number[]
  /** Indices into the original dataset of the test samples, in the order they appear. */
  testIndices: number[]
  /** The seed that reproduces this split (the one given, or a fresh one); `undefined` with an `rng`. */
  seed: number | undefined
}

/**
 * Splits a dataset into training and test parts as scikit-learn's `train_test_split` does: the test
 * part gets `ceil(testSize * n)` samples and the training part the rest; with `stratify`, each class
 * is divided in the same proportion (largest remainders first, ties broken at random). Rows are
 * copied, so editing a part leaves the original alone.
 *
 * @throws {@link InvalidDatasetError} if `dataset` is not a well-formed `{ X, y }`.
 * @throws {@link InvalidParameterError} if `testSize` is outside `(0, 1)` or leaves a part empty,
 * or `stratify` cannot give every class a place in both parts.
 * @example
 * ```ts
 * import { makeMoons, trainTestSplit } from '@mg/datasets'
 * const { train, test } = trainTestSplit(makeMoons({ seed: 1 }), { testSize: 0.2, seed: 1, stratify: true })
 * ```
 */
export function trainTestSplit(
  dataset: Dataset,
  options: TrainTestSplitOptions = {},
): TrainTestSplit {
  const name = 'trainTestSplit'
  checkDataset(name, dataset)
  checkOptions(name, options)
  const n = dataset.y.length
  const testSize = options.testSize ?? 0.25
  if (typeof testSize !== 'number' || !(testSize > 0 && testSize < 1)) {
    const fix = 'It is the fraction held out for testing, e.g. testSize: 0.2.'
    throw new InvalidParameterError(name, 'testSize', testSize, 'a number in (0, 1)', fix)
  }
  const nTest = Math.ceil(testSize * n)
  const nTrain = n - nTest
  if (nTrain === 0 || nTest === 0) {
    const allowed = `a fraction leaving at least one of the ${n} samples in each part`
    const fix = n < 2 ? 'Splitting needs at least 2 samples.' : 'e.g. testSize: 0.25.'
    throw new InvalidParameterError(name, 'testSize', testSize, allowed, fix)
  }
  const shuffle = checkBoolean(name, 'shuffle', options.shuffle ?? true)
  const stratify = checkBoolean(name, 'stratify', options.stratify ?? false)
  if (stratify && !shuffle) {
    const fix = 'Stratified splits are random: leave shuffle on, or set stratify: false.'
    throw new InvalidParameterError(name, 'shuffle', false, 'true when stratify is true', fix)
  }
  const { rng, seed } = resolveRng(name, options)
  let trainIndices: number[]
  let testIndices: number[]
  if (stratify) {
    ;[trainIndices, testIndices] = stratifiedIndices(dataset.y, nTrain, nTest, rng)
  } else {
    const order = Array.from(dataset.y.keys())
    if (shuffle) rng.shuffle(order)
    // scikit-learn's ShuffleSplit tests on the first nTest of the permutation; without shuffling,
    // train_test_split tests on the last nTest samples.
    testIndices = shuffle ? order.slice(0, nTest) : order.slice(nTrain)
    trainIndices = shuffle ? order.slice(nTest) : order.slice(0, nTrain)
  }
  return {
    train: pick(dataset, trainIndices),
    test: pick(dataset, testIndices),
    trainIndices,
    testIndices,
    seed,
  }
}

function pick(dataset: Dataset, indices: number[]): Dataset {
  return { X: indices.map((i) => [...dataset.X[i]!]), y: indices.map((i) => dataset.y[i]!) }
}

/** Per-class split as scikit-learn's StratifiedShuffleSplit, then each part shuffled. */
function stratifiedIndices(
  y: number[],
  nTrain: number,
  nTest: number,
  rng: Rng,
): [number[], number[]] {
  const classes = [...new Set(y)].sort((a, b) => a - b)
  const members = classes.map((label) =>
    y.flatMap((value, index) => (value === label ? [index] : [])),
  )
  const sizes = members.map((indices) => indices.length)
  const smallest = Math.min(...sizes)
  if (smallest < 2 || nTrain < classes.length || nTest < classes.length) {
    const problem =
      smallest < 2
        ? `class ${classes[sizes.indexOf(smallest)]} has a single sample, so it cannot be in both parts`
        : `${classes.length} classes need at least ${classes.length} samples in each part, which have ${nTrain} and ${nTest}`
    throw new InvalidParameterError(
      'trainTestSplit',
      'stratify',
      true,
      'false unless every class can have a sample in both parts',
      `Here ${problem}; change testSize, drop rare classes, or set stratify: false.`,
    )
  }
  const trainCounts = apportion(sizes, nTrain, rng)
  const testCounts = apportion(
    sizes.map((size, c) => size - trainCounts[c]!),
    nTest,
    rng,
  )
  const train: number[] = []
  const test: number[] = []
  members.forEach((indices, c) => {
    const order = rng.shuffle([...indices])
    train.push(...order.slice(0, trainCounts[c]))
    test.push(...order.slice(trainCounts[c], trainCounts[c]! + testCounts[c]!))
  })
  return [rng.shuffle(train), rng.shuffle(test)]
}

/**
 * Splits `draws` between classes in proportion to `counts` (scikit-learn's `_approximate_mode`):
 * each gets the floor of its share, and the leftover goes to the largest fractional parts, ties
 * broken at random.
 */
function apportion(counts: number[], draws: number, rng: Rng): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0)
  const shares = counts.map((count) => (count * draws) / total)
  const result = shares.map(Math.floor)
  let needed = draws - result.reduce((sum, count) => sum + count, 0)
  const remainders = shares.map((share, c) => share - result[c]!)
  const distinct = [...new Set(remainders)].sort((a, b) => b - a)
  for (const remainder of distinct) {
    if (needed === 0) break
    const tied = rng.shuffle(remainders.flatMap((value, c) => (value === remainder ? [c] : [])))
    for (const c of tied.slice(0, needed)) result[c] = result[c]! + 1
    needed -= Math.min(tied.length, needed)
  }
  return result
}
