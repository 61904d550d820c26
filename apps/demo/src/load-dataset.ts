import {
  type Dataset,
  MgError,
  makeBlobs,
  makeCircles,
  makeMoons,
  makeSpiral,
  makeXor,
} from '@mg/datasets'
import { CliError } from './cli-error.js'
import type { TrainOptions } from './parse-options.js'

/** The training set, a held-out test set from the same distribution, and how each was made. */
export interface LoadedData {
  train: Dataset
  test: Dataset
  /** The seed of the held-out set: the training seed plus one (wrapping at 2^32). */
  testSeed: number
  /** How the training set was made, e.g. `moons (100 points, noise 0.1, seed 1337)`. */
  description: string
}

/**
 * Generates the training set with `--seed`, and a held-out set of as many fresh points from the
 * same distribution with the next seed, so the held-out accuracy measures generalisation rather
 * than memory. Blobs keep the training set's centers so both sets come from the same blobs.
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
  const testSeed = (seed + 1) % 2 ** 32
  const noiseText = dataset === 'blobs' ? `cluster std ${noise}` : `noise ${noise}`
  const classText = classes === 2 ? '' : `, ${classes} classes`
  const description = `${dataset} (${nSamples} points${classText}, ${noiseText}, seed ${seed})`
  const trainAndTest = (make: (setSeed: number) => Dataset): LoadedData => ({
    train: make(seed),
    test: make(testSeed),
    testSeed,
    description,
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
      return { train, test, testSeed, description }
    }
  }
}
