import { LOSSES, type LossName, lossNames, type OptimizerName, optimizerNames } from '@mg/nn'
import { UsageError } from './cli-error.js'
import { DATASET_CHOICES, DATASET_NAMES, type DatasetName } from './dataset-choices.js'
import { decimal, folderName, integer, integerList, oneOf } from './parse-text.js'

/** Hidden-layer nonlinearities the demo offers. */
export const ACTIVATION_NAMES = ['relu', 'tanh', 'sigmoid'] as const
/** One of {@link ACTIVATION_NAMES}. */
type ActivationName = (typeof ACTIVATION_NAMES)[number]

/** The `train` command's options as commander hands them over: text, not yet checked. */
export interface RawTrainOptions {
  dataset?: string
  samples?: string
  noise?: string
  classes?: string
  hidden?: string
  activation?: string
  loss?: string
  optimizer?: string
  lr?: string
  l2?: string
  steps?: string
  batchSize?: string
  seed?: string
  out?: string
  compiled?: boolean
  json?: boolean
  quiet?: boolean
}

/** A checked training run, every default filled in. */
export interface TrainOptions {
  dataset: DatasetName
  samples: number
  noise: number
  classes: number
  hidden: number[]
  activation: ActivationName
  loss: LossName
  optimizer: OptimizerName
  /** The starting learning rate; it decays linearly to a tenth of itself, as in micrograd. */
  learningRate: number
  l2: number
  steps: number
  /** Samples per step; equal to `samples` for full-batch training. */
  batchSize: number
  seed: number
  out: string
  /**
   * Replay a graph recorded once instead of building it each step (nn's `compiled: true`); on by
   * default for the digits, off for the rest (`--compiled`, `--no-compiled`).
   */
  compiled: boolean
  json: boolean
  quiet: boolean
}

/**
 * The starting learning rate when `--lr` is not given: micrograd's 1.0 for SGD, except with MSE,
 * whose gradients grow with the squared error and blow up at 1.0; 0.05 for Adam and AdamW, whose
 * steps are about the learning rate whatever the gradient's size.
 */
export function defaultLearningRate(optimizer: OptimizerName, loss: LossName): number {
  if (optimizer !== 'sgd') return 0.05
  return loss === 'mse' ? 0.05 : 1
}

/** The defaults, as the text a user would type: they reproduce micrograd's demo. */
export const TRAIN_DEFAULTS = {
  dataset: 'moons',
  samples: '100',
  hidden: '16,16',
  activation: 'relu',
  optimizer: 'sgd',
  l2: '0.0001',
  steps: '100',
  seed: '1337',
  out: 'out',
} as const satisfies RawTrainOptions

const HIDDEN_SIZES = { min: 1, max: 1024, what: 'layer widths', example: '16,16' }
const MAX_SEED = 2 ** 32 - 1

/**
 * Checks the `train` options and fills in the defaults, which reproduce micrograd's demo (the
 * digits have their own, {@link DATASET_CHOICES}' `training`).
 *
 * @throws {@link UsageError} naming the first option that is malformed, out of range, or does not
 * fit the others (such as `--loss hinge` on a three-class dataset).
 */
export function parseTrainOptions(raw: RawTrainOptions): TrainOptions {
  const dataset = oneOf('--dataset', raw.dataset ?? TRAIN_DEFAULTS.dataset, DATASET_NAMES)
  const choice = DATASET_CHOICES[dataset]
  const defaults = choice.training
  const samples = sampleCount(raw, dataset)
  const noise =
    raw.noise === undefined
      ? choice.defaultNoise
      : decimal('--noise', raw.noise, 0, 10, 'a number from 0 to 10')
  const classes =
    raw.classes === undefined ? choice.defaultClasses : integer('--classes', raw.classes, 2, 10)
  if (!choice.variableClasses && classes !== choice.defaultClasses) {
    throw new UsageError(
      '--classes',
      raw.classes,
      `${choice.defaultClasses} for --dataset ${dataset}`,
      'Only blobs and spiral take another number of classes.',
    )
  }
  if (classes > samples / 2) {
    throw new UsageError(
      '--classes',
      raw.classes,
      `at most half of --samples (${samples})`,
      'Each class needs at least two points.',
    )
  }
  const optimizer = oneOf(
    '--optimizer',
    raw.optimizer ?? defaults?.optimizer ?? TRAIN_DEFAULTS.optimizer,
    optimizerNames,
  )
  const loss = lossFor(raw.loss, dataset, classes)
  const batchSize =
    raw.batchSize === undefined
      ? Math.min(defaults?.batchSize ?? samples, samples)
      : integer('--batch-size', raw.batchSize, 1, samples)
  return {
    dataset,
    samples,
    noise,
    classes,
    hidden: integerList(
      '--hidden',
      raw.hidden ?? defaults?.hidden ?? TRAIN_DEFAULTS.hidden,
      HIDDEN_SIZES,
    ),
    activation: oneOf(
      '--activation',
      raw.activation ?? TRAIN_DEFAULTS.activation,
      ACTIVATION_NAMES,
    ),
    loss,
    optimizer,
    learningRate:
      raw.lr === undefined
        ? defaultLearningRate(optimizer, loss)
        : decimal('--lr', raw.lr, Number.MIN_VALUE, Number.MAX_VALUE, 'a number greater than 0'),
    l2: decimal('--l2', raw.l2 ?? TRAIN_DEFAULTS.l2, 0, Number.MAX_VALUE, 'a number of at least 0'),
    steps: integer(
      '--steps',
      raw.steps ?? String(defaults?.steps ?? TRAIN_DEFAULTS.steps),
      1,
      1_000_000,
    ),
    batchSize,
    seed: integer('--seed', raw.seed ?? TRAIN_DEFAULTS.seed, 0, MAX_SEED),
    out: folderName('--out', raw.out ?? TRAIN_DEFAULTS.out),
    compiled: raw.compiled ?? defaults?.compiled ?? false,
    json: raw.json === true,
    quiet: raw.quiet === true,
  }
}

/** `--samples`, or for a fixed set of real samples (the digits) their training share. */
function sampleCount(raw: RawTrainOptions, dataset: DatasetName): number {
  const fixed = DATASET_CHOICES[dataset].fixedTrainSamples
  if (fixed === undefined)
    return integer('--samples', raw.samples ?? TRAIN_DEFAULTS.samples, 4, 100_000)
  for (const [option, text] of [
    ['--samples', raw.samples],
    ['--noise', raw.noise],
  ] as const) {
    if (text !== undefined)
      throw new UsageError(
        option,
        text,
        `no ${option} for --dataset ${dataset}`,
        `The ${dataset} are a fixed set of real samples: ${fixed.toLocaleString('en-US')} are trained on, the rest held out.`,
      )
  }
  return fixed
}

function lossFor(text: string | undefined, dataset: DatasetName, classes: number): LossName {
  if (text === undefined) return classes === 2 ? 'hinge' : 'softmax-cross-entropy'
  const loss = oneOf('--loss', text, lossNames)
  if (classes > 2 && LOSSES[loss].binary) {
    const binary = lossNames.filter((name) => LOSSES[name].binary)
    const anyClasses = lossNames.filter((name) => !LOSSES[name].binary)
    throw new UsageError(
      '--loss',
      text,
      `${anyClasses.join(' or ')}, as --dataset ${dataset} has ${classes} classes`,
      `${binary.join(' and ')} separate two classes; use --loss ${anyClasses.join(' or ')}${
        DATASET_CHOICES[dataset].variableClasses ? ', or --classes 2' : ''
      }.`,
    )
  }
  return loss
}
