import type { Operand, Value } from '@mg/engine'
import { InvalidOptionError, LengthMismatchError, NonFiniteValueError } from './errors.js'

/** A labelled data set: one feature row per sample in `X`, one label per sample in `y`. */
export interface Dataset {
  /** The feature rows, one per sample, of finite numbers, each as long as the model's input. */
  X: readonly (readonly number[])[]
  /**
   * The labels, one per sample, as the loss takes them: ±1 or 0/1 for `'hinge'` and `'bce'`,
   * a class index for `'softmax-cross-entropy'`, a target value for `'mse'`.
   */
  y: readonly number[]
}

/** What {@link train} and {@link evaluate} need of a model; {@link MLP} has it. */
export interface TrainableModel {
  /** Runs the model on one sample's features and returns its outputs (one `Value` per output). */
  forward(x: readonly Operand[]): Value[]
  /** Every trainable parameter; training zeroes their gradients and applies the L2 penalty. */
  parameters(): Value[]
}

/** Throws unless `model` can be trained or evaluated and `data` passes {@link checkDataset}. */
export function checkModelAndData(model: TrainableModel, data: Dataset): void {
  if (typeof model?.forward !== 'function' || typeof model.parameters !== 'function')
    throw new InvalidOptionError(
      'model',
      model,
      'a model with forward() and parameters(), such as an MLP',
    )
  checkDataset(data)
}

/** Throws unless `data` is a non-empty data set of finite numbers with one label per row. */
function checkDataset(data: Dataset): void {
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
