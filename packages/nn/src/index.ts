export type { AccuracyOptions } from './accuracy.js'
export { accuracy } from './accuracy.js'
export type { Activation } from './activation.js'
export type { AdamOptions } from './adam.js'
export { Adam, AdamW } from './adam.js'
export { binaryCrossEntropyWithLogits } from './binary-cross-entropy.js'
export {
  InputSizeError,
  InvalidLabelError,
  InvalidOptionError,
  LengthMismatchError,
  MgError,
  ModelFormatError,
  NnError,
  NonFiniteValueError,
  TrainingDivergedError,
  UnknownOptionError,
  UnsupportedVersionError,
} from './errors.js'
export type { EvaluateOptions, Evaluation } from './evaluate.js'
export { evaluate } from './evaluate.js'
export { hingeLoss } from './hinge-loss.js'
export type { Initialization } from './initialization.js'
export { l2Penalty } from './l2-penalty.js'
export { Layer } from './layer.js'
export type { LossFunction } from './loss-option.js'
export { getLoss } from './loss-option.js'
export type { LabelInputs, LossName, NamedLoss } from './losses.js'
export { LOSSES, lossNames } from './losses.js'
export type { MlpOptions } from './mlp.js'
export { MLP } from './mlp.js'
export type { LayerJson, ModelJson } from './model-json.js'
export { MODEL_FORMAT, MODEL_FORMAT_VERSION } from './model-json.js'
export { Module } from './module.js'
export { mseLoss } from './mse-loss.js'
export type { NeuronOptions } from './neuron.js'
export { Neuron } from './neuron.js'
export type { AdamState, OptimizerState, SgdState } from './optimizer.js'
export { Optimizer } from './optimizer.js'
export type { NamedOptimizer, OptimizerName, OptimizerOptionsByName } from './optimizers.js'
export { createOptimizer, OPTIMIZERS, optimizerNames, restoreOptimizer } from './optimizers.js'
export type { RandomSource, Rng } from './random-source.js'
export { createRng, createSeededRandom } from './random-source.js'
export type { LoadedModel, SavedModel } from './save-load.js'
export { loadModel, saveModel } from './save-load.js'
export type { LearningRateSchedule } from './schedules.js'
export { constantSchedule, cosineSchedule, linearDecay, stepSchedule } from './schedules.js'
export type { SgdOptions } from './sgd.js'
export { SGD } from './sgd.js'
export { softmaxCrossEntropy } from './softmax-cross-entropy.js'
export type { TrainOptions } from './train.js'
export { train } from './train.js'
export type { StepRecord, Trainer, TrainingHistory } from './trainer.js'
export { createTrainer } from './trainer.js'
export type { Dataset, TrainableModel, TrainerOptions } from './training-setup.js'
