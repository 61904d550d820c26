import { LOSSES, type LossName, lossNames, type OptimizerName, optimizerNames } from '@mg/nn'

/** The generated datasets the page offers; `'csv'` marks data loaded from a file. */
export const DATASET_KINDS = ['moons', 'circles', 'blobs', 'spiral', 'xor', 'csv'] as const
export type DatasetKind = (typeof DATASET_KINDS)[number]

/** Hidden-layer nonlinearities (the output layer is always linear: its scores feed the loss). */
export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid'] as const
export type HiddenActivation = (typeof ACTIVATIONS)[number]

/** An optimizer of `@mg/nn` by name, or `'momentum'`: SGD with momentum 0.9, a choice of its own. */
export type OptimizerChoice = OptimizerName | 'momentum'
/** The optimizers the page offers: `@mg/nn`'s, with SGD with momentum right after SGD. */
export const OPTIMIZER_CHOICES: readonly OptimizerChoice[] = optimizerNames.flatMap(
  (name): OptimizerChoice[] => (name === 'sgd' ? [name, 'momentum'] : [name]),
)

export const LEARNING_RATES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1] as const
/** `0` means the whole training set in every step. */
export const BATCH_SIZES = [8, 16, 32, 64, 0] as const
export const L2_STRENGTHS = [0, 0.00001, 0.0001, 0.001, 0.01] as const

/** Everything that decides what is trained and how: the part of the page a link shares. */
export interface Settings {
  dataset: DatasetKind
  /** Number of generated points, train and test together. */
  samples: number
  /** The generator's noise (its meaning follows scikit-learn's for each dataset). */
  noise: number
  seed: number
  /** Share of the points held out for the test accuracy. */
  testFraction: number
  /** Widths of the hidden layers, input side first; empty for a linear model. */
  hiddenLayers: number[]
  activation: HiddenActivation
  loss: LossName
  optimizer: OptimizerChoice
  learningRate: number
  batchSize: number
  l2: number
  /** Train on graphs recorded once and replayed (`compileGraph`), rather than rebuilt every step. */
  compiled: boolean
}

/** Moons with a small ReLU net and Adam: reaches 95 % test accuracy within a few hundred steps. */
const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  dataset: 'moons',
  samples: 200,
  noise: 0.1,
  seed: 1,
  testFraction: 0.25,
  hiddenLayers: [16, 16],
  activation: 'relu',
  loss: 'hinge',
  optimizer: 'adam',
  learningRate: 0.03,
  batchSize: 64,
  l2: 0.0001,
  compiled: true,
} satisfies Settings)

/** Bounds the controls and the link decoder both respect. */
export const LIMITS = {
  samples: { min: 20, max: 600, step: 10 },
  noise: { min: 0, max: 0.5, step: 0.01 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  testFraction: { min: 0.1, max: 0.5, step: 0.05 },
  hiddenLayerCount: { max: 4 },
  width: { min: 1, max: 32 },
} as const

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return { ...DEFAULT_SETTINGS, hiddenLayers: [...DEFAULT_SETTINGS.hiddenLayers] }
}

/** Losses that fit a number of classes: the binary ones (hinge, logistic) need exactly two. */
export function lossesFor(classCount: number): readonly LossName[] {
  return lossNames.filter((name) => classCount === 2 || !LOSSES[name].binary)
}
