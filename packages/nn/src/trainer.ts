import { compiledStep } from './compiled-step.js'
import { checkSeed, createRng } from './random-source.js'
import {
  batchSource,
  type Dataset,
  positiveInteger,
  prepareRun,
  stepsPerEpoch,
  type TrainableModel,
  type TrainerOptions,
} from './training-setup.js'
import { divergence, dynamicStep, type StepResult } from './training-step.js'

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
   * returns their records. It starts from the model's parameters as they are now, so changes
   * made between calls are kept, and leaves them updated. With `compiled: true` the numbers stay
   * in the trainer's arrays between steps and calls, and the model's `Value`s are brought up to
   * date the moment anything reads or writes one of them (`holdValues` in `@mg/engine`).
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
 * import { makeMoons } from '@mg/datasets'
 * import { Adam, createTrainer, MLP } from '@mg/nn'
 * const { X, y } = makeMoons({ nSamples: 100, noise: 0.1, seed: 1 })
 * const model = new MLP(2, [16, 16, 1], { seed: 1337 })
 * const trainer = createTrainer(model, { X, y }, {
 *   loss: 'hinge', optimizer: new Adam(model.parameters()), batchSize: 32, seed: 1, compiled: true,
 * })
 * for (let frame = 0; frame < 60; frame++) {
 *   const records = trainer.step(5)
 *   console.log(records.at(-1)?.loss) // or draw the model's decision boundary
 * }
 * trainer.stepCount // 300
 * ```
 */
export function createTrainer(
  model: TrainableModel,
  data: Dataset,
  options: TrainerOptions,
): Trainer {
  return trainerFor(model, data, options, 'createTrainer')
}

/**
 * {@link createTrainer}, naming `functionName` (the public function called) in its errors; with
 * `letGo`, each call of `step` ends by handing the numbers back to the model and letting it go, so
 * that a model kept after a run does not keep the run alive.
 */
export function trainerFor(
  model: TrainableModel,
  data: Dataset,
  options: TrainerOptions,
  functionName: string,
  letGo = false,
): Trainer {
  const context = prepareRun(model, data, options, functionName)
  const { optimizer } = context
  const { schedule, onStep } = options
  const rng = createRng(options.seed === undefined ? undefined : checkSeed('seed', options.seed))
  const seed = rng.seed
  const perEpoch = stepsPerEpoch(data.X.length, options.batchSize)
  const nextBatch = batchSource(data.X.length, options.batchSize, rng)
  const steps = options.compiled ? compiledStep(context) : dynamicStep(context)
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
          if (schedule) optimizer.learningRate = schedule(step)
          const learningRate = optimizer.learningRate
          const stepStarted = performance.now()
          let measured: StepResult
          try {
            measured = steps.take(nextBatch())
          } catch (error) {
            throw divergence(step, error)
          }
          const record: StepRecord = {
            step,
            epoch: Math.floor(step / perEpoch),
            loss: measured.loss,
            dataLoss: measured.dataLoss,
            accuracy: measured.accuracy,
            learningRate,
            msPerStep: performance.now() - stepStarted,
          }
          stepCount++
          history.steps.push(record)
          if (history.steps.length > historyLimit) history.steps.shift()
          records.push(record)
          // onStep may read the model or change it: a compiled step hands the numbers back the
          // moment it does, and takes up its changes at the next step.
          onStep?.(record)
        }
      } finally {
        if (letGo) steps.letGo()
        history.totalMs += performance.now() - started
      }
      return records
    },
  }
}
