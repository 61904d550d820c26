import { describeValue, MgError, type MgErrorOptions } from '@mg/common'

// The kinds every package throws live in @mg/common; nn's modules take them from here, with its
// own errors, and the index exports them by name.
export {
  InvalidLabelError,
  InvalidOptionError,
  LengthMismatchError,
  MgError,
  UnknownOptionError,
} from '@mg/common'

/**
 * Base class of nn's own errors (wrong input sizes, non-finite data, diverged training, bad saved
 * models). Invalid options, labels and mismatched lengths are the {@link InvalidOptionError},
 * {@link InvalidLabelError} and {@link LengthMismatchError} every package shares; catch
 * {@link MgError} to handle them all.
 *
 * Errors from `@mg/engine` (such as an op whose result overflows) pass through unchanged, except
 * inside {@link train}, which wraps them in a {@link TrainingDivergedError} naming the step.
 *
 * @example
 * ```ts
 * import { loadModel, NnError } from '@mg/nn'
 * try { loadModel('not a model') } catch (error) { if (error instanceof NnError) console.error(error.message) }
 * ```
 *
 * @group Errors
 */
export class NnError extends MgError {}

/**
 * Thrown when a neuron, layer or model is called on an input of the wrong length.
 *
 * @group Errors
 */
export class InputSizeError extends NnError {
  constructor(
    /** Who was called, e.g. `'MLP.forward'`. */
    readonly caller: string,
    /** The number of inputs the module takes (its `nin`). */
    readonly expected: number,
    /** The length of the input it was given. */
    readonly received: number,
  ) {
    super(
      `${caller}: expected an input of ${expected} number${expected === 1 ? '' : 's'} (the module's nin), ` +
        `received ${received}. Pass one value per input feature, e.g. [x0, x1] for a model built with nin = 2.`,
    )
  }
}

/**
 * Thrown when data or parameter values that must be finite numbers are not.
 *
 * @group Errors
 */
export class NonFiniteValueError extends NnError {
  constructor(
    /** What holds the value, e.g. `'parameter'` or `'X[3]'`. */
    readonly what: string,
    /** Position of the value. */
    readonly index: number,
    /** The value received. */
    readonly value: unknown,
    hint: string,
  ) {
    super(`${what} ${index} must be a finite number, received ${describeValue(value)}. ${hint}`)
  }
}

/**
 * Thrown by {@link train} when the loss, a gradient or a parameter stops being a finite number.
 *
 * @group Errors
 */
export class TrainingDivergedError extends NnError {
  constructor(
    /** The step (0-based) at which training diverged. */
    readonly step: number,
    detail: string,
    options?: MgErrorOptions,
  ) {
    super(
      `train: diverged at step ${step}: ${detail} ` +
        'Lower the learning rate, add an L2 penalty, or scale the input features.',
      options,
    )
  }
}

/**
 * Thrown when a saved model or optimizer state is corrupt, truncated or does not fit.
 *
 * @group Errors
 */
export class ModelFormatError extends NnError {
  constructor(
    /** Where in the document the problem is, e.g. `'layers[1].weights[3]'` (`''` for the whole). */
    readonly path: string,
    problem: string,
    /** What was found there. */
    readonly received: unknown,
    options?: MgErrorOptions,
  ) {
    super(
      `${path ? `${path}: ` : ''}${problem}, received ${describeValue(received)}. ` +
        'Load only text written by saveModel() or model.toJSON(), unmodified.',
      options,
    )
  }
}

/**
 * Thrown when a saved model uses a format version this release cannot read.
 *
 * @group Errors
 */
export class UnsupportedVersionError extends ModelFormatError {
  constructor(received: unknown, supported: number) {
    super('version', `expected format version ${supported}`, received)
  }
}
