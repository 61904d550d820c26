import type { Operand, Precision, Value } from '@mg/engine'
import { checkOptimizerFor } from './check-optimizer.js'
import { InvalidOptionError, LengthMismatchError, NonFiniteValueError } from './errors.js'
import { type LossFunction, type PreparedLoss, prepareLoss } from './loss-option.js'
import type { LossName } from './losses.js'
import { nonNegative, Optimizer } from './optimizer.js'
import { checkOptionsObject, type Rng } from './random-source.js'
import type { LearningRateSchedule } from './schedules.js'
import type { StepRecord } from './trainer.js'

/** A labelled data set: one feature row per sample in `X`, one label per sample in `y`. */
export interface Dataset {
  /** The feature rows, one per sample, of finite numbers, each as long as the model's input. */
  X: readonly (readonly number[])[]
  /** The labels, one per sample, as {@link LOSSES} describes them for each loss. */
  y: readonly number[]
}

/** What {@link train} and {@link evaluate} need of a model; {@link MLP} has it. */
export interface TrainableModel {
  /** Runs the model on one sample's features and returns its outputs (one `Value` per output). */
  forward(x: readonly Operand[]): Value[]
  /** Every trainable parameter; training zeroes their gradients and applies the L2 penalty. */
  parameters(): Value[]
}

/** Options for {@link createTrainer}: those of {@link train} without `steps` and `epochs`. */
export interface TrainerOptions {
  /** The loss, by name (see {@link LOSSES}) or as a function of the batch's outputs and labels. */
  loss: LossName | LossFunction
  /** The optimizer, built on `model.parameters()`. */
  optimizer: Optimizer
  /** Sets the optimizer's learning rate before each step; without it the rate is left as is. */
  schedule?: LearningRateSchedule
  /** Samples per step; default all of them (full batch, micrograd's demo). */
  batchSize?: number
  /** Seed for the mini-batch shuffle; without it a fresh seed is drawn and reported in the history. */
  seed?: number
  /** Weight of an L2 penalty `l2Alpha · Σ p²` added to the loss (micrograd's demo: 1e-4). Default 0. */
  l2Alpha?: number
  /** Called after every step, e.g. to draw a progress bar. */
  onStep?: (record: StepRecord) => void
  /**
   * Record the step's graph once (per batch size) with `compileGraph` and replay it on every batch
   * instead of building it anew: the same numbers, several times faster. The graph's shape must
   * not depend on the data (branches on `.data` are recorded once; `relu` is fine). Default false.
   *
   * Within a call of `trainer.step(count)` the parameters' numbers stay in flat arrays that the
   * optimizer updates in place ({@link Optimizer.stepArrays}); the parameter `Value`s are read at
   * the start of the call and written (`data` and `grad`) before each `onStep` and at its end, so
   * code outside the steps always sees them current, and changes it makes to them are kept.
   */
  compiled?: boolean
  /**
   * The numbers a compiled step computes in (`compiled: true` only). `'float64'`, the default,
   * gives the dynamic run's numbers to about 1e-12. `'float32'` runs the graph in float32, twice
   * the SIMD lanes and half the memory, with about 7 significant digits: the loss, gradients and
   * scores are rounded to float32, while the optimizer keeps the parameters and its state in
   * float64 and the graph reads them rounded (mixed precision, as PyTorch's autocast does).
   */
  precision?: Precision
  /**
   * How many of the latest step records `history.steps` keeps; older ones are dropped. For runs
   * that go on until stopped, such as a page that trains while it is open, so memory stays flat.
   * `0` keeps none (`step()` still returns each call's records). Default: every step.
   */
  historyLimit?: number
}

/** Every option of {@link TrainerOptions}, so that a name outside it (a typo) is refused. */
export const TRAINER_OPTION_NAMES = Object.keys({
  loss: true,
  optimizer: true,
  schedule: true,
  batchSize: true,
  seed: true,
  l2Alpha: true,
  onStep: true,
  compiled: true,
  precision: true,
  historyLimit: true,
} satisfies Record<keyof TrainerOptions, true>) as readonly (keyof TrainerOptions)[]

/** Everything a training step needs besides its batch, checked once for the run. */
export interface StepContext {
  model: TrainableModel
  /** The model's parameters, listed once. */
  parameters: Value[]
  data: Dataset
  /** The loss, with the data set's labels mapped to what it takes (hinge: ±1). */
  loss: PreparedLoss
  optimizer: Optimizer
  l2Alpha: number
  /** The numbers a compiled step computes in. */
  precision: Precision
}

/** Checks the model, the data and every option of a run, before any step. */
export function prepareRun(
  model: TrainableModel,
  data: Dataset,
  options: TrainerOptions,
  functionName: string,
): StepContext {
  checkModelAndData(model, data)
  if (typeof options !== 'object' || options === null)
    throw new InvalidOptionError('options', options, 'an object with at least loss and optimizer')
  checkOptionsObject(options, functionName, TRAINER_OPTION_NAMES)
  if (!(options.optimizer instanceof Optimizer))
    throw new InvalidOptionError(
      'optimizer',
      options.optimizer,
      'an optimizer such as new SGD(model.parameters(), { learningRate: 0.1 })',
    )
  if (options.schedule !== undefined && typeof options.schedule !== 'function')
    throw new InvalidOptionError(
      'schedule',
      options.schedule,
      'a function from step to learning rate, such as linearDecay()',
    )
  if (options.onStep !== undefined && typeof options.onStep !== 'function')
    throw new InvalidOptionError('onStep', options.onStep, 'a function')
  if (options.batchSize !== undefined) positiveInteger('batchSize', options.batchSize)
  if (options.compiled !== undefined && typeof options.compiled !== 'boolean')
    throw new InvalidOptionError('compiled', options.compiled, 'true or false')
  const precision = options.precision ?? 'float64'
  if (precision !== 'float64' && precision !== 'float32')
    throw new InvalidOptionError('precision', precision, "'float64' or 'float32'")
  if (precision === 'float32' && options.compiled !== true)
    throw new InvalidOptionError(
      'precision',
      precision,
      "'float64' when compiled is not true",
      'The dynamic engine computes in float64 only: add compiled: true, or leave precision out.',
    )
  if (precision === 'float32') checkFloat32Features(data.X)
  const { historyLimit } = options
  if (
    historyLimit !== undefined &&
    historyLimit !== Number.POSITIVE_INFINITY &&
    (!Number.isSafeInteger(historyLimit) || historyLimit < 0)
  )
    throw new InvalidOptionError(
      'historyLimit',
      historyLimit,
      'a whole number of at least 0, or Infinity to keep every step',
    )
  const parameters = model.parameters()
  checkOptimizerFor(parameters, options.optimizer, false)
  return {
    model,
    parameters,
    data,
    loss: prepareLoss(options.loss, data.y),
    optimizer: options.optimizer,
    l2Alpha: nonNegative('l2Alpha', options.l2Alpha ?? 0),
    precision,
  }
}

/** Throws unless `model` can be trained or evaluated and `data` is a non-empty data set of finite numbers. */
export function checkModelAndData(model: TrainableModel, data: Dataset): void {
  if (typeof model?.forward !== 'function' || typeof model.parameters !== 'function')
    throw new InvalidOptionError(
      'model',
      model,
      'a model with forward() and parameters(), such as an MLP',
    )
  if (typeof data !== 'object' || data === null)
    throw new InvalidOptionError('data', data, 'an object { X: number[][], y: number[] }')
  const { X, y } = data
  if (!Array.isArray(X) || X.length === 0)
    throw new InvalidOptionError('data.X', X, 'a non-empty array of feature rows')
  if (!Array.isArray(y)) throw new InvalidOptionError('data.y', y, 'an array of labels')
  if (X.length !== y.length) throw new LengthMismatchError('data: X and y', X.length, y.length)
  X.forEach((row, rowIndex) => {
    if (!Array.isArray(row))
      throw new InvalidOptionError(`data.X[${rowIndex}]`, row, 'an array of numbers')
    row.forEach((feature, column) => {
      if (typeof feature !== 'number' || !Number.isFinite(feature))
        throw new NonFiniteValueError(
          `data.X[${rowIndex}] feature`,
          column,
          feature,
          'Clean or impute the data first.',
        )
    })
  })
  y.forEach((label, index) => {
    if (typeof label !== 'number' || !Number.isFinite(label))
      throw new NonFiniteValueError('data.y label', index, label, 'Every label must be a number.')
  })
}

/** Throws unless every feature is a number float32 can hold: one beyond ±3.4e38 would become ±∞. */
function checkFloat32Features(X: Dataset['X']): void {
  X.forEach((row, rowIndex) => {
    row.forEach((feature, column) => {
      if (!Number.isFinite(Math.fround(feature)))
        throw new NonFiniteValueError(
          `data.X[${rowIndex}] feature`,
          column,
          feature,
          "It overflows float32 (beyond ±3.4e38): scale the data, or train with precision: 'float64'.",
        )
    })
  })
}

/** Checks that `value`, the option named `option`, is a whole number of at least 1. */
export function positiveInteger(option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
    throw new InvalidOptionError(option, value, 'a whole number of at least 1')
  return value
}

/**
 * The sample indices of each training step, one call per step. Full batch (no `batchSize`, or one
 * ≥ n): every step uses all samples in their given order, as micrograd's demo. Mini-batches: each
 * epoch visits the samples in a fresh shuffle by the shared seeded generator, cut into batches of
 * `batchSize`; the last batch of an epoch may be smaller. A call may refill and return the array
 * an earlier call returned, so that steps allocate nothing: a step reads its batch and lets it go.
 */
export function batchSource(
  sampleCount: number,
  batchSize: number | undefined,
  rng: Rng,
): () => readonly number[] {
  const all = Array.from({ length: sampleCount }, (_, index) => index)
  if (batchSize === undefined || batchSize >= sampleCount) return () => all
  const order = [...all]
  const full = Array.from({ length: batchSize }, () => 0)
  const last = Array.from({ length: sampleCount % batchSize }, () => 0)
  let start = sampleCount
  return () => {
    if (start === sampleCount) {
      // Each epoch shuffles the samples from their given order, not from the last epoch's.
      for (let index = 0; index < sampleCount; index++) order[index] = index
      rng.shuffle(order)
      start = 0
    }
    const batch = sampleCount - start >= batchSize ? full : last
    for (let index = 0; index < batch.length; index++) batch[index] = order[start + index]!
    start += batch.length
    return batch
  }
}

/** Steps per epoch: the number of batches that cover the data once. */
export function stepsPerEpoch(sampleCount: number, batchSize: number | undefined): number {
  return batchSize === undefined || batchSize >= sampleCount
    ? 1
    : Math.ceil(sampleCount / batchSize)
}
