import { batchIndices, stepsPerEpoch } from './batches.js'
import { compiledTrainingStep } from './compiled-step.js'
import { InvalidOptionError } from './errors.js'
import { guardStep } from './guard-step.js'
import { nonNegative, Optimizer } from './optimizer.js'
import { checkSeed, createSeededRandom, freshSeed } from './random-source.js'
import type { LearningRateSchedule } from './schedules.js'
import { checkModelAndData, type Dataset, type TrainableModel } from './training-data.js'
import { type LossFunction, type LossName, trainingLoss } from './training-loss.js'
import { type StepContext, type StepResult, trainingStep } from './training-step.js'

/** Options for {@link createTrainer}: those of {@link train} without `steps` and `epochs`. */
export interface TrainerOptions {
  /** The loss, by name or as a function of the batch's outputs and labels. */
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
   */
  compiled?: boolean
  /**
   * How many of the latest step records `history.steps` keeps; older ones are dropped. For runs
   * that go on until stopped, such as a page that trains while it is open, so memory stays flat.
   * `0` keeps none (`step()` still returns each call's records). Default: every step.
   */
  historyLimit?: number
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

/** The steps a training run has taken, as {@link train} returns them and a {@link Trainer} keeps them. */
export interface TrainingHistory {
  /** One record per step. */
  steps: StepRecord[]
  /** The seed of the mini-batch shuffle, so the run can be repeated. */
  seed: number
  /** Wall-clock milliseconds spent taking the steps. */
  totalMs: number
}

/** A training run that goes on step by step: what {@link createTrainer} returns. */
export interface Trainer {
  /**
   * Takes `count` more steps (default 1), continuing the run's batches and step numbers, and
   * returns their records.
   *
   * @throws {@link TrainingDivergedError} naming the step if the loss, a gradient or a parameter stops being finite.
   */
  step(count?: number): StepRecord[]
  /**
   * The steps taken so far, or the latest `historyLimit` of them; the same object grows with each
   * call of `step`.
   */
  readonly history: TrainingHistory
  /** How many steps have been taken so far. */
  readonly stepCount: number
  /** Steps per pass over the data: `ceil(n / batchSize)`, or 1 for full batches. */
  readonly stepsPerEpoch: number
}

/**
 * Starts a training run that takes its steps when asked, so a page or a worker can train in
 * bursts and draw between them: `trainer.step(10)` twice takes the very steps of one
 * `train(…, { steps: 20 })`, with the same batches, schedule and numbers, and a compiled step's
 * graphs are recorded once for the whole run. The options and label mapping are those of
 * {@link train}; they are checked here, before any step.
 *
 * @example
 * ```ts
 * const model = new MLP(2, [16, 16, 1], { seed: 1337 })
 * const trainer = createTrainer(model, { X, y }, {
 *   loss: 'hinge', optimizer: new Adam(model.parameters()), batchSize: 32, seed: 1, compiled: true,
 * })
 * for (let frame = 0; frame < 60; frame++) {
 *   const records = trainer.step(5)
 *   draw(model, records.at(-1)?.loss)
 * }
 * trainer.stepCount // 300
 * ```
 */
export function createTrainer(
  model: TrainableModel,
  data: Dataset,
  options: TrainerOptions,
): Trainer {
  const context = prepare(model, data, options)
  const { schedule, onStep } = options
  const seed = options.seed === undefined ? freshSeed() : checkSeed('seed', options.seed)
  const perEpoch = stepsPerEpoch(data.X.length, options.batchSize)
  const batches = batchIndices(data.X.length, options.batchSize, createSeededRandom(seed))
  const runStep: (indices: readonly number[]) => StepResult = options.compiled
    ? compiledTrainingStep(context)
    : (indices) => trainingStep(context, indices)
  const historyLimit = options.historyLimit ?? Number.POSITIVE_INFINITY
  const history: TrainingHistory = { steps: [], seed, totalMs: 0 }
  let stepCount = 0
  return {
    history,
    stepsPerEpoch: perEpoch,
    get stepCount() {
      return stepCount
    },
    step(count = 1) {
      positiveInteger('count', count)
      const records: StepRecord[] = []
      const started = performance.now()
      try {
        for (let taken = 0; taken < count; taken++) {
          const step = stepCount
          if (schedule) context.optimizer.learningRate = schedule(step)
          const learningRate = context.optimizer.learningRate
          const stepStarted = performance.now()
          const result = guardStep(step, () => runStep(batches.next().value))
          const record: StepRecord = {
            step,
            epoch: Math.floor(step / perEpoch),
            ...result,
            learningRate,
            msPerStep: performance.now() - stepStarted,
          }
          stepCount++
          history.steps.push(record)
          if (history.steps.length > historyLimit) history.steps.shift()
          records.push(record)
          onStep?.(record)
        }
      } finally {
        history.totalMs += performance.now() - started
      }
      return records
    },
  }
}

function prepare(model: TrainableModel, data: Dataset, options: TrainerOptions): StepContext {
  checkModelAndData(model, data)
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
  if (
    options.historyLimit !== undefined &&
    options.historyLimit !== Number.POSITIVE_INFINITY &&
    (!Number.isSafeInteger(options.historyLimit) || options.historyLimit < 0)
  )
    throw new InvalidOptionError(
      'historyLimit',
      options.historyLimit,
      'a whole number of at least 0, or Infinity to keep every step',
    )
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

/** Checks that `value`, the option named `option`, is a whole number of at least 1. */
export function positiveInteger(option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
    throw new InvalidOptionError(option, value, 'a whole number of at least 1')
  return value
}
