import type { OptimizerName } from '@mg/nn'

/** The datasets the demo can train on. */
export const DATASET_NAMES = ['moons', 'circles', 'blobs', 'spiral', 'xor', 'digits'] as const

/** One of {@link DATASET_NAMES}. */
export type DatasetName = (typeof DATASET_NAMES)[number]

/** Training defaults of a dataset that differ from micrograd's demo. */
interface TrainingDefaults {
  hidden: string
  optimizer: OptimizerName
  steps: number
  batchSize: number
  compiled: boolean
}

/** What the demo needs to know about a dataset before generating it. */
export interface DatasetChoice {
  /** `--noise` when not given (for blobs, the clusters' standard deviation). */
  defaultNoise: number
  /** `--classes` when not given. */
  defaultClasses: number
  /** Whether `--classes` may be changed (blobs and spirals can have any number of classes). */
  variableClasses: boolean
  /**
   * For a fixed set of real samples instead of generated points: how many of them are trained on.
   * Such a dataset takes no `--samples` or `--noise`.
   */
  fixedTrainSamples?: number
  /** Defaults that suit this dataset better than micrograd's demo does. */
  training?: TrainingDefaults
}

/** The digits' held-out share: a stratified quarter, as scikit-learn's `train_test_split` default. */
export const DIGITS_TEST_SIZE = 0.25

/** Defaults per dataset: moons as in micrograd's demo, the others at values that make a fair task. */
export const DATASET_CHOICES: Record<DatasetName, DatasetChoice> = {
  moons: { defaultNoise: 0.1, defaultClasses: 2, variableClasses: false },
  circles: { defaultNoise: 0.1, defaultClasses: 2, variableClasses: false },
  blobs: { defaultNoise: 1, defaultClasses: 3, variableClasses: true },
  spiral: { defaultNoise: 0.2, defaultClasses: 3, variableClasses: true },
  xor: { defaultNoise: 0.1, defaultClasses: 2, variableClasses: false },
  // scikit-learn's 1,797 handwritten digits: 1,347 to train on, 450 held out. A 64-32-10 network
  // with Adam on batches of 64, compiled, passes 95 % held-out accuracy in about a second.
  digits: {
    defaultNoise: 0,
    defaultClasses: 10,
    variableClasses: false,
    fixedTrainSamples: 1797 - Math.ceil(1797 * DIGITS_TEST_SIZE),
    training: { hidden: '32', optimizer: 'adam', steps: 1000, batchSize: 64, compiled: true },
  },
}
