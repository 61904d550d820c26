import { createOptimizer, createTrainer, type Evaluation, type MLP, type Trainer } from '@mg/nn'
import { createDigitsModel, DIGITS_SEED, type DigitsSplit, splitDigits } from './digits-model.js'
import { LogitsEvaluator } from './logits-evaluator.js'

/** Samples per step: small batches learn the digits in a few hundred steps. */
const DIGITS_BATCH_SIZE = 32
/** Adam's step size: fast, and steady without a schedule however long the page trains. */
const DIGITS_LEARNING_RATE = 0.01

/** What the page draws after a burst of training. */
export interface DigitsSnapshot {
  step: number
  /** Passes over the training images so far. */
  epoch: number
  /** Every parameter, in `model.parameters()` order, for the page's copy of the model. */
  parameters: Float64Array
  train: Evaluation
  test: Evaluation
  /** The predicted class of each test image, in the split's order. */
  testPredictions: Uint8Array
  /** Mean wall-clock time per step of the last burst, in milliseconds. */
  msPerStep: number
}

/**
 * The digits network in training: `MLP(64, [32, 10])`, softmax cross-entropy, Adam on batches of
 * 32, stepped in bursts with `createTrainer` from `@mg/nn` on a compiled graph. Runs the same in the
 * worker and in a test.
 */
export class DigitsSession {
  readonly model: MLP
  readonly data: DigitsSplit
  private readonly trainer: Trainer
  private readonly evaluator: LogitsEvaluator
  private lastMsPerStep = 0

  constructor(seed = DIGITS_SEED, data: DigitsSplit = splitDigits(seed)) {
    this.data = data
    this.model = createDigitsModel(seed)
    this.trainer = createTrainer(this.model, data.train, {
      loss: 'softmax-cross-entropy',
      optimizer: createOptimizer('adam', this.model.parameters(), {
        learningRate: DIGITS_LEARNING_RATE,
      }),
      batchSize: DIGITS_BATCH_SIZE,
      l2Alpha: 1e-4,
      seed,
      compiled: true,
      // The page reads each burst's progress from the snapshots, so the trainer keeps no history.
      historyLimit: 0,
    })
    this.evaluator = new LogitsEvaluator(this.model)
  }

  /** Steps taken so far. */
  get steps(): number {
    return this.trainer.stepCount
  }

  /**
   * Takes `count` training steps.
   *
   * @throws {@link TrainingDivergedError} (from `@mg/nn`) if the loss or a parameter stops being finite.
   */
  train(count: number): void {
    const started = performance.now()
    this.trainer.step(count)
    this.lastMsPerStep = (performance.now() - started) / count
  }

  /** Loss and accuracy on both splits, the test predictions and the parameters at this moment. */
  snapshot(): DigitsSnapshot {
    const train = this.evaluator.evaluate(this.data.train)
    const test = this.evaluator.evaluate(this.data.test)
    return {
      step: this.steps,
      epoch: (this.steps * DIGITS_BATCH_SIZE) / this.data.train.y.length,
      parameters: this.model.getParameterValues(),
      train: { loss: train.loss, accuracy: train.accuracy },
      test: { loss: test.loss, accuracy: test.accuracy },
      testPredictions: test.predictions,
      msPerStep: this.lastMsPerStep,
    }
  }
}
