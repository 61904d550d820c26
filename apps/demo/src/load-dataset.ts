import {
  type Dataset,
  MgError,
  makeBlobs,
  makeCircles,
  makeMoons,
  makeSpiral,
  makeXor,
  trainTestSplit,
} from '@mg/datasets'
import { loadDigits } from '@mg/datasets/digits'
import { CliError } from './cli-error.js'
import { DIGITS_TEST_SIZE } from './dataset-choices.js'
import type { TrainOptions } from './parse-options.js'

/** The training set, a held-out test set from the same distribution, and how each was made. */
export interface LoadedData {
  train: Dataset
  test: Dataset
  /**
   * The seed of the held-out set: the training seed plus one (wrapping at 2^32); for the digits,
   * the seed of the split.
   */
  testSeed: number
  /** How the training set was made, e.g. `moons (100 points, noise 0.1, seed 1337)`. */
  description: string
  /** Where the held-out set came from, in a few words and in a sentence. */
  heldOut: { short: string; source: string }
}

/**
 * Generates the training set with `--seed`, and a held-out set of as many fresh points from the
 * same distribution with the next seed, so the held-out accuracy measures generalisation rather
 * than memory. Blobs keep the training set's centers so both sets come from the same blobs. The
 * digits, a fixed set, are split instead: a stratified quarter held out, drawn with `--seed`, and
 * their pixels scaled from 0–16 to [0, 1].
 */
export function loadDataset(
  options: Pick<TrainOptions, 'dataset' | 'samples' | 'noise' | 'classes' | 'seed'>,
): LoadedData {
  try {
    return generate(options)
  } catch (error) {
    // The options were checked already; this turns any case they missed into a usage error.
    if (!(error instanceof MgError)) throw error
    throw new CliError(`--dataset ${options.dataset}: ${error.message}`, 2, { cause: error })
  }
}

function generate(
  options: Pick<TrainOptions, 'dataset' | 'samples' | 'noise' | 'classes' | 'seed'>,
): LoadedData {
  const { dataset, samples: nSamples, noise, classes, seed } = options
  if (dataset === 'digits') return splitDigits(seed)
  const testSeed = (seed + 1) % 2 ** 32
  const heldOut = {
    short: `${nSamples} fresh points, seed ${testSeed}`,
    source: 'fresh points from the same distribution, drawn with the next seed',
  }
  const noiseText = dataset === 'blobs' ? `cluster std ${noise}` : `noise ${noise}`
  const classText = classes === 2 ? '' : `, ${classes} classes`
  const description = `${dataset} (${nSamples} points${classText}, ${noiseText}, seed ${seed})`
  const trainAndTest = (make: (setSeed: number) => Dataset): LoadedData => ({
    train: make(seed),
    test: make(testSeed),
    testSeed,
    description,
    heldOut,
  })
  switch (dataset) {
    case 'moons':
      return trainAndTest((setSeed) => makeMoons({ nSamples, noise, seed: setSeed }))
    case 'circles':
      return trainAndTest((setSeed) => makeCircles({ nSamples, noise, factor: 0.5, seed: setSeed }))
    case 'xor':
      return trainAndTest((setSeed) => makeXor({ nSamples, noise, seed: setSeed }))
    case 'spiral':
      return trainAndTest((setSeed) =>
        makeSpiral({ nSamples, nClasses: classes, noise, seed: setSeed }),
      )
    case 'blobs': {
      // Centers in [-3, 3]² rather than scikit-learn's [-10, 10]² keep the inputs on the scale of
      // the other datasets, where the default learning rates work.
      const train = makeBlobs({
        nSamples,
        centers: classes,
        clusterStd: noise,
        centerBox: [-3, 3],
        seed,
      })
      const test = makeBlobs({
        nSamples,
        centers: train.centers,
        clusterStd: noise,
        seed: testSeed,
      })
      return { train, test, testSeed, description, heldOut }
    }
  }
}

function splitDigits(seed: number): LoadedData {
  const digits = loadDigits({ scale: true })
  const { train, test } = trainTestSplit(digits, {
    testSize: DIGITS_TEST_SIZE,
    stratify: true,
    seed,
  })
  const count = (n: number) => n.toLocaleString('en-US')
  return {
    train,
    test,
    testSeed: seed,
    description: `digits (${count(train.X.length)} of ${count(digits.X.length)} images, 8 × 8 pixels / 16, seed ${seed})`,
    heldOut: {
      short: `${test.X.length} held-out images, split with seed ${seed}`,
      source: `a stratified ${DIGITS_TEST_SIZE * 100} % of the images, split off with the seed`,
    },
  }
}
