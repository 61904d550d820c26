import { NonFiniteGradientError, NonFiniteResultError } from '@mg/engine'
import { batchIndices, stepsPerEpoch } from './batches.js'
import { compiledTrainingStep } from './compiled-step.js'
import { InvalidOptionError, NonFiniteValueError, TrainingDivergedError } from './errors.js'
import { nonNegative, Optimizer } from './optimizer.js'
import { checkSeed, createSeededRandom, freshSeed } from './random-source.js'
import type { LearningRateSchedule } from './schedules.js'
import { checkDataset, type Dataset, type TrainableModel } from './training-data.js'
import { type LossFunction, type LossName, trainingLoss } from './training-loss.js'
import { type StepContext, type StepResult, trainingStep } from './training-step.js'

/** Options for {@link train}. */
export interface TrainOptions {
  /** The loss, by name or as a function of the batch's outputs and labels. */
  loss: LossName | LossFunction
  /** The optimizer, built on `model.parameters()`. */
  optimizer: Optimizer
  /** Sets the optimizer's learning rate before each step; without it the rate is left as is. */
  schedule?: LearningRateSchedule
  /** How many steps to take. Give this or `epochs`; default 100 steps. */
  steps?: number
  /** How many passes over the data; each is `ceil(n / batchSize)` steps. */
  epochs?: number
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
   */
  compiled?: boolean
}

/** What one training step measured (on its batch, before its update). */
export interface StepRecord {
  /** The step, from 0. */
  step: number
  /** The epoch the step belongs to, from 0. */
  epoch: number
  /** The minimised loss: the data loss plus the L2 penalty. */
  loss: number
  /** The loss without the L2 penalty. */
  dataLoss: number
  /** The fraction of the batch predicted right, in [0, 1]. */
  accuracy: number
  /** The learning rate used for this step's update. */
  learningRate: number
  /** Wall-clock milliseconds the step took: forward, backward and update. */
  msPerStep: number
}

/** What {@link train} returns. */
export interface TrainingHistory {
  /** One record per step. */
  steps: StepRecord[]
  /** The seed of the mini-batch shuffle, so the run can be repeated. */
  seed: number
  /** Wall-clock milliseconds for the whole run. */
  totalMs: number
}

/**
 * Trains `model` on `data`: each step runs the batch forward, computes the loss (and L2 penalty),
 * backpropagates and lets the optimizer update the parameters, as micrograd's demo loop does.
 *
 * Labels are mapped to what the loss takes: for `'hinge'` 0 becomes −1 (±1 kept), for `'bce'` −1
 * becomes 0 (0/1 kept); `'softmax-cross-entropy'` takes class indices 0, 1, 2, …
 *
 * With `compiled: true` the step's graph is recorded once for each batch size (the batch's
 * features and labels as inputs) and replayed with the engine's `compileGraph`; a run's first step
 * then includes the recording.
 *
 * @throws {@link TrainingDivergedError} naming the step if the loss, a gradient or a parameter stops being finite.
 * @example
 * ```ts
 * const model = new MLP(2, [16, 16, 1], { seed: 1337 })
 * const history = train(model, { X, y }, {
 *   loss: 'hinge', l2Alpha: 1e-4, steps: 100,
 *   optimizer: new SGD(model.parameters(), { learningRate: 1 }), schedule: linearDecay(),
 * })
 * history.steps.at(-1)?.accuracy // 1
 * ```
 */
export function train(
  model: TrainableModel,
  data: Dataset,
  options: TrainOptions,
): TrainingHistory {
  const context = prepare(model, data, options)
  const { schedule, onStep } = options
  const seed = options.seed === undefined ? freshSeed() : checkSeed('seed', options.seed)
  const perEpoch = stepsPerEpoch(data.X.length, options.batchSize)
  const stepCount = totalSteps(options, perEpoch)
  const batches = batchIndices(data.X.length, options.batchSize, createSeededRandom(seed))
  const runStep: (indices: readonly number[]) => StepResult = options.compiled
    ? compiledTrainingStep(context)
    : (indices) => trainingStep(context, indices)
  const history: TrainingHistory = { steps: [], seed, totalMs: 0 }
  const started = performance.now()
  for (let step = 0; step < stepCount; step++) {
    if (schedule) context.optimizer.learningRate = schedule(step)
    const learningRate = context.optimizer.learningRate
    const stepStarted = performance.now()
    const result = guard(step, () => runStep(batches.next().value))
    const record: StepRecord = {
      step,
      epoch: Math.floor(step / perEpoch),
      ...result,
      learningRate,
      msPerStep: performance.now() - stepStarted,
    }
    history.steps.push(record)
    onStep?.(record)
  }
  history.totalMs = performance.now() - started
  return history
}

function prepare(model: TrainableModel, data: Dataset, options: TrainOptions): StepContext {
  if (typeof model?.forward !== 'function' || typeof model.parameters !== 'function')
    throw new InvalidOptionError(
      'model',
      model,
      'a model with forward() and parameters(), such as an MLP',
    )
  checkDataset(data)
  if (typeof options !== 'object' || options === null)
    throw new InvalidOptionError('options', options, 'an object with at least loss and optimizer')
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
  const loss = trainingLoss(options.loss, data.y)
  return {
    model,
    parameters: model.parameters(),
    data,
    labels: loss.mapLabels(data.y),
    loss,
    optimizer: options.optimizer,
    l2Alpha: nonNegative('l2Alpha', options.l2Alpha ?? 0),
  }
}

function totalSteps(options: TrainOptions, perEpoch: number): number {
  if (options.steps !== undefined && options.epochs !== undefined)
    throw new InvalidOptionError(
      'epochs',
      options.epochs,
      'no epochs when steps is given',
      'Pass one of steps or epochs.',
    )
  if (options.epochs !== undefined) return positiveInteger('epochs', options.epochs) * perEpoch
  return positiveInteger('steps', options.steps ?? 100)
}

function positiveInteger(option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
    throw new InvalidOptionError(option, value, 'a whole number of at least 1')
  return value
}

/** Runs one step, turning an overflow anywhere in it into a {@link TrainingDivergedError}. */
function guard<T>(step: number, run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (error instanceof NonFiniteResultError)
      throw new TrainingDivergedError(
        step,
        `the forward pass produced ${error.result} in ${error.op}.`,
        { cause: error },
      )
    if (error instanceof NonFiniteGradientError)
      throw new TrainingDivergedError(step, `a gradient became ${error.grad}.`, { cause: error })
    if (error instanceof NonFiniteValueError)
      throw new TrainingDivergedError(
        step,
        `the update made parameter ${error.index} ${String(error.value)}.`,
        { cause: error },
      )
    throw error
  }
}
