import { InvalidOptionError } from './errors.js'
import { checkOptionsObject } from './random-source.js'
import { type TrainingHistory, trainerFor } from './trainer.js'
import {
  type Dataset,
  positiveInteger,
  stepsPerEpoch,
  TRAINER_OPTION_NAMES,
  type TrainableModel,
  type TrainerOptions,
} from './training-setup.js'

/** Options for {@link train}: those of {@link createTrainer}, and how long to train. */
export interface TrainOptions extends TrainerOptions {
  /** How many steps to take. Give this or `epochs`; default 100 steps. */
  steps?: number
  /** How many passes over the data; each is `ceil(n / batchSize)` steps. */
  epochs?: number
}

const TRAIN_OPTION_NAMES = [...TRAINER_OPTION_NAMES, 'steps', 'epochs']

/**
 * Trains `model` on `data`: each step runs the batch forward, computes the loss (and L2 penalty),
 * backpropagates and lets the optimizer update the parameters, as micrograd's demo loop does.
 *
 * Labels are mapped to what the loss takes: for `'hinge'` 0 becomes −1 (±1 kept), for `'bce'` −1
 * becomes 0 (0/1 kept); `'softmax-cross-entropy'` takes class indices 0, 1, 2, …
 *
 * With `compiled: true` the step's graph is recorded once for each batch size (the batch's
 * features and labels as inputs) and replayed with the engine's `compileGraph`, the parameters
 * kept in flat arrays that the optimizer updates in place and written back into the model at the
 * end, or as soon as something (an `onStep`) reads it; a run's first step then includes the
 * recording. To train in bursts, use {@link createTrainer}.
 *
 * @throws {@link TrainingDivergedError} naming the step if the loss, a gradient or a parameter stops being finite.
 * @example
 * ```ts
 * import { makeMoons } from '@mg/datasets'
 * import { linearDecay, MLP, SGD, train } from '@mg/nn'
 * const { X, y } = makeMoons({ nSamples: 100, noise: 0.1, seed: 1 })
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
  // An options object names only train's options; what is not one is refused by the trainer.
  const trainerOptions =
    typeof options === 'object' && options !== null
      ? trainerOptionsOf(checkOptionsObject(options, 'train', TRAIN_OPTION_NAMES) as TrainOptions)
      : options
  const trainer = trainerFor(model, data, trainerOptions, 'train', true)
  trainer.step(totalSteps(options, stepsPerEpoch(data.X.length, options.batchSize)))
  return trainer.history
}

/** The options of the trainer: train's, less the run's length, which is train's own. */
function trainerOptionsOf({
  steps: _steps,
  epochs: _epochs,
  ...rest
}: TrainOptions): TrainerOptions {
  return rest
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
