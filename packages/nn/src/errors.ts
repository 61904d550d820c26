/**
 * Base class of every error thrown by `@mg/nn`; catch this to handle them all.
 *
 * Errors from `@mg/engine` (such as an op whose result overflows) pass through unchanged, except
 * inside {@link train}, which wraps them in a {@link TrainingDivergedError} naming the step.
 *
 * @example
 * ```ts
 * try { MLP.fromJSON(text) } catch (error) { if (error instanceof NnError) console.error(error.message) }
 * ```
 *
 * @group Errors
 */
export class NnError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
  }
}

/**
 * Thrown when an option or argument is outside its allowed range.
 *
 * @group Errors
 */
export class InvalidOptionError extends NnError {
  /** The option's name, e.g. `'learningRate'`. */
  readonly option: string
  /** What was received. */
  readonly received: unknown

  constructor(
    option: string,
    received: unknown,
    allowed: string,
    hint = '',
    options?: { cause?: unknown },
  ) {
    super(
      `${option}: expected ${allowed}, received ${describe(received)}.${hint ? ` ${hint}` : ''}`,
      options,
    )
    this.option = option
    this.received = received
  }
}

/**
 * Thrown when a neuron, layer or model is called on an input of the wrong length.
 *
 * @group Errors
 */
export class InputSizeError extends NnError {
  /** Who was called, e.g. `'MLP.forward'`. */
  readonly caller: string
  /** The number of inputs the module takes (its `nin`). */
  readonly expected: number
  /** The length of the input it was given. */
  readonly received: number

  constructor(caller: string, expected: number, received: number) {
    super(
      `${caller}: expected an input of ${expected} number${expected === 1 ? '' : 's'} (the module's nin), ` +
        `received ${received}. Pass one value per input feature, e.g. [x0, x1] for a model built with nin = 2.`,
    )
    this.caller = caller
    this.expected = expected
    this.received = received
  }
}

/**
 * Thrown when two lists that must pair up one to one (scores and labels, X and y) differ in length.
 *
 * @group Errors
 */
export class LengthMismatchError extends NnError {
  /** What was being paired, e.g. `'hingeLoss scores and labels'`. */
  readonly what: string
  /** Length of the first list. */
  readonly expected: number
  /** Length of the second list. */
  readonly received: number

  constructor(what: string, expected: number, received: number) {
    super(
      `${what}: expected lists of the same length, received ${expected} and ${received}. ` +
        'Give exactly one entry of the second list for each entry of the first.',
    )
    this.what = what
    this.expected = expected
    this.received = received
  }
}

/**
 * Thrown when a label is not one a loss or metric accepts (hinge wants ±1, BCE wants [0, 1], …).
 *
 * @group Errors
 */
export class InvalidLabelError extends NnError {
  /** The function that refused the label. */
  readonly caller: string
  /** Position of the label. */
  readonly index: number
  /** The label received. */
  readonly label: unknown

  constructor(caller: string, index: number, label: unknown, allowed: string) {
    super(
      `${caller}: label ${index} must be ${allowed}, received ${describe(label)}. ` +
        'Map your labels first (hinge: y * 2 - 1 turns 0/1 into ±1; train() does this for you).',
    )
    this.caller = caller
    this.index = index
    this.label = label
  }
}

/**
 * Thrown when data or parameter values that must be finite numbers are not.
 *
 * @group Errors
 */
export class NonFiniteValueError extends NnError {
  /** What holds the value, e.g. `'parameter'` or `'X[3]'`. */
  readonly what: string
  /** Position of the value. */
  readonly index: number
  /** The value received. */
  readonly value: unknown

  constructor(what: string, index: number, value: unknown, hint: string) {
    super(`${what} ${index} must be a finite number, received ${describe(value)}. ${hint}`)
    this.what = what
    this.index = index
    this.value = value
  }
}

/**
 * Thrown by {@link train} when the loss, a gradient or a parameter stops being a finite number.
 *
 * @group Errors
 */
export class TrainingDivergedError extends NnError {
  /** The step (0-based) at which training diverged. */
  readonly step: number

  constructor(step: number, detail: string, options?: { cause?: unknown }) {
    super(
      `train: diverged at step ${step}: ${detail} ` +
        'Lower the learning rate, add an L2 penalty, or scale the input features.',
      options,
    )
    this.step = step
  }
}

/**
 * Thrown when a saved model or optimizer state is corrupt, truncated or does not fit.
 *
 * @group Errors
 */
export class ModelFormatError extends NnError {
  /** Where in the document the problem is, e.g. `'layers[1].weights[3]'` (`''` for the whole). */
  readonly path: string
  /** What was found there. */
  readonly received: unknown

  constructor(path: string, problem: string, received: unknown, options?: { cause?: unknown }) {
    super(
      `${path ? `${path}: ` : ''}${problem}, received ${describe(received)}. ` +
        'Load only text written by saveModel() or model.toJSON(), unmodified.',
      options,
    )
    this.path = path
    this.received = received
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

/** A short, readable rendering of any value for error messages. */
function describe(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (Array.isArray(value)) return `an array of length ${value.length}`
  if (typeof value === 'object' && value !== null) return Object.prototype.toString.call(value)
  return String(value)
}
