import { type Dataset, toSignedLabels } from '@mg/datasets'
import { NonFiniteGradientError, NonFiniteResultError } from '@mg/engine'
import {
  createOptimizer,
  type LearningRateSchedule,
  LOSSES,
  linearDecay,
  MLP,
  NonFiniteValueError,
  TrainingDivergedError,
  type TrainingHistory,
  train,
} from '@mg/nn'
import { DivergedError } from './cli-error.js'
import { defaultLearningRate, type TrainOptions } from './parse-options.js'
import type { ProgressReporter } from './progress.js'

/** A trained model and how it got there. */
export interface TrainingRun {
  model: MLP
  history: TrainingHistory
  /** The learning rate at the last step, after the linear decay. */
  finalLearningRate: number
}

/** Builds `MLP(nin, [...hidden, nout])` with its weights drawn from `--seed`, `nout` as the loss needs. */
export function createModel(options: TrainOptions, nin: number): MLP {
  const nout = LOSSES[options.loss].outputCount(options.classes)
  return new MLP(nin, [...options.hidden, nout], {
    activation: options.activation,
    seed: options.seed,
  })
}

/**
 * The data with the labels the loss is trained on. nn's `train` maps labels for each loss itself;
 * for MSE with one output the demo regresses on ±1 (micrograd's `y * 2 - 1`), so every one-output
 * model it trains predicts class 1 exactly when its score is above 0.
 */
export function lossTargets(
  options: Pick<TrainOptions, 'loss' | 'classes'>,
  data: Dataset,
): Dataset {
  const oneOutput = LOSSES[options.loss].outputCount(options.classes) === 1
  return options.loss === 'mse' && oneOutput ? { X: data.X, y: toSignedLabels(data.y) } : data
}

/** micrograd's schedule scaled to `--lr` and `--steps`: from `lr` down by 0.9·lr over the run. */
export function learningRateSchedule(
  options: Pick<TrainOptions, 'learningRate' | 'steps'>,
): LearningRateSchedule {
  return linearDecay({
    initial: options.learningRate,
    decay: 0.9 * options.learningRate,
    steps: options.steps,
  })
}

/**
 * Trains `model` as micrograd's demo does: the chosen loss plus an L2 penalty, the learning rate
 * decaying linearly from `--lr` to a tenth of it over the run, every step reported to `progress`;
 * with `--compiled`, on a graph recorded once and replayed each step.
 *
 * @throws {@link DivergedError} naming the (1-based) step if the loss or a parameter stops being
 * finite, or the loss grows to a million times its start.
 */
export function runTraining(
  options: TrainOptions,
  model: MLP,
  data: Dataset,
  progress: ProgressReporter,
): TrainingRun {
  const optimizer = createOptimizer(options.optimizer, model.parameters(), {
    learningRate: options.learningRate,
  })
  const schedule = learningRateSchedule(options)
  const advice =
    `--lr ${options.learningRate} is too large here: lower it (the default for ` +
    `${options.optimizer} with ${options.loss} is ${defaultLearningRate(options.optimizer, options.loss)}).`
  let firstLoss = Number.NaN
  try {
    const history = train(model, lossTargets(options, data), {
      loss: options.loss,
      optimizer,
      schedule,
      steps: options.steps,
      batchSize: options.batchSize,
      seed: options.seed,
      l2Alpha: options.l2,
      compiled: options.compiled,
      onStep: (record) => {
        if (record.step === 0) firstLoss = record.loss
        // A loss a million times its start is on its way to overflow; say so now, not 50 steps on.
        if (record.loss > BLOW_UP * Math.max(1, firstLoss)) {
          const growth = `the loss grew from ${firstLoss.toPrecision(3)} to ${record.loss.toPrecision(3)}`
          throw new DivergedError(record.step + 1, growth, advice)
        }
        progress.update({ step: record.step + 1, loss: record.loss, accuracy: record.accuracy })
      },
    })
    return { model, history, finalLearningRate: schedule(options.steps - 1) }
  } catch (error) {
    if (error instanceof TrainingDivergedError) {
      throw new DivergedError(error.step + 1, divergenceDetail(error.cause), advice, {
        cause: error,
      })
    }
    throw error
  }
}

const BLOW_UP = 1e6

/** Says what stopped being finite, from the engine or nn error `train` wrapped. */
function divergenceDetail(cause: unknown): string {
  if (cause instanceof NonFiniteResultError)
    return `${cause.op} gave ${cause.result} in the forward pass`
  if (cause instanceof NonFiniteGradientError) return `a gradient became ${cause.grad}`
  if (cause instanceof NonFiniteValueError)
    return `the update made a parameter ${String(cause.value)}`
  return 'the loss stopped being a finite number'
}
