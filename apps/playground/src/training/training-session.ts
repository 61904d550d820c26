import {
  createOptimizer,
  createTrainer,
  type Evaluation,
  evaluate,
  type MLP,
  type Optimizer,
  type Trainer,
} from '@mg/nn'
import type { PreparedData } from '../data/prepared-data.js'
import type { OptimizerChoice, Settings } from '../state/settings.js'
import { createModel } from './create-model.js'
import { type Mesh, MeshEvaluator } from './mesh.js'
import { createObjective, type Objective } from './objective.js'

/** The knobs that can change while a model trains, without starting over. */
export interface Hyperparameters {
  learningRate: number
  /** Samples per step; 0 means all of them. */
  batchSize: number
  /** Strength of the L2 penalty added to the loss. */
  l2: number
  /** Step on graphs recorded once and replayed (the `compiled` option of `@mg/nn`'s trainer). */
  compiled: boolean
}

/** What the page draws after a burst of training. */
export interface Snapshot {
  /** Steps taken so far. */
  step: number
  /** Passes over the training set so far (fractional with mini-batches). */
  epoch: number
  /** Every parameter, in `model.parameters()` order. */
  parameters: Float64Array
  train: Evaluation
  test: Evaluation
  mesh: Mesh
  /** Mean wall-clock time per step of the last burst, in milliseconds. */
  msPerStep: number
}

/**
 * One model being trained on one dataset: it owns the model, the optimizer and the bookkeeping of
 * steps, and trains in bursts with `createTrainer` from `@mg/nn`, so the page can interleave
 * drawing between them. Runs the same in a worker and in a test.
 */
export class TrainingSession {
  readonly model: MLP
  readonly objective: Objective
  readonly data: PreparedData
  private readonly optimizer: Optimizer
  private readonly mesh: MeshEvaluator
  private hyperparameters: Hyperparameters
  private readonly seed: number
  private stepCount = 0
  private epochCount = 0
  private trainerCount = 0
  private lastMsPerStep = 0
  private trainer: Trainer | undefined

  constructor(settings: Settings, data: PreparedData, parameters?: ArrayLike<number>) {
    this.data = data
    this.objective = createObjective(settings.loss, data.classCount)
    this.model = createModel(settings, this.objective.outputs)
    if (parameters !== undefined) this.model.setParameterValues(parameters)
    this.seed = settings.seed
    this.hyperparameters = {
      learningRate: settings.learningRate,
      batchSize: settings.batchSize,
      l2: settings.l2,
      compiled: settings.compiled,
    }
    this.optimizer = optimizerFor(settings.optimizer, this.model, settings.learningRate)
    this.mesh = new MeshEvaluator(this.model, this.objective)
  }

  /** Steps taken so far. */
  get steps(): number {
    return this.stepCount
  }

  /** Changes the learning rate, batch size or L2 strength from the next step on. */
  setHyperparameters(hyperparameters: Hyperparameters): void {
    const { batchSize, l2, compiled } = this.hyperparameters
    // A trainer keeps these for its whole run (its recorded graphs bake them in): start a new one.
    if (
      hyperparameters.batchSize !== batchSize ||
      hyperparameters.l2 !== l2 ||
      hyperparameters.compiled !== compiled
    )
      this.trainer = undefined
    this.hyperparameters = { ...hyperparameters }
    this.optimizer.learningRate = hyperparameters.learningRate
  }

  /**
   * Takes `count` training steps.
   *
   * @throws {@link TrainingDivergedError} (from `@mg/nn`) if the loss or a parameter stops being finite.
   */
  train(count: number): void {
    const started = performance.now()
    this.trainer ??= this.createTrainer()
    this.trainer.step(count)
    this.stepCount += count
    const { batchSize } = this.hyperparameters
    const trainSize = this.data.train.y.length
    this.epochCount +=
      batchSize > 0 && batchSize < trainSize ? (count * batchSize) / trainSize : count
    this.lastMsPerStep = (performance.now() - started) / count
  }

  /** Loss and accuracy on both splits, the parameters and the boundary mesh at this moment. */
  snapshot(meshResolution: number): Snapshot {
    const { loss } = this.objective
    return {
      step: this.stepCount,
      epoch: this.epochCount,
      parameters: this.model.getParameterValues(),
      train: evaluate(this.model, this.data.train, { loss }),
      test: evaluate(this.model, this.data.test, { loss }),
      mesh: this.mesh.evaluate(this.data.domain, meshResolution),
      msPerStep: this.lastMsPerStep,
    }
  }

  /** A trainer for the current hyperparameters, continuing from the model's present parameters. */
  private createTrainer(): Trainer {
    const { batchSize, l2, compiled } = this.hyperparameters
    return createTrainer(this.model, this.data.train, {
      loss: this.objective.loss,
      optimizer: this.optimizer,
      batchSize: batchSize > 0 ? batchSize : undefined,
      l2Alpha: l2,
      // Each trainer its own seed, so a new batch size does not replay the previous batches;
      // wrapped into the 32 bits a seed may have (seed 42950 × 100003 is already past them).
      seed: (this.seed * 100_003 + this.trainerCount++) % 2 ** 32,
      compiled,
      // The page trains for as long as it stays open and reads each burst's records from
      // `step()`, so the trainer keeps none: memory stays flat however long it plays.
      historyLimit: 0,
    })
  }
}

/** The optimizer `@mg/nn` builds for a choice; `'momentum'` is its SGD with momentum 0.9. */
function optimizerFor(choice: OptimizerChoice, model: MLP, learningRate: number): Optimizer {
  if (choice === 'momentum')
    return createOptimizer('sgd', model.parameters(), { learningRate, momentum: 0.9 })
  return createOptimizer(choice, model.parameters(), { learningRate })
}
