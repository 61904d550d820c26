/**
 * Base class of every error thrown by `@mg/engine`; catch this to handle them all.
 *
 * @example
 * ```ts
 * try { new Value(0).log() } catch (error) { if (error instanceof EngineError) console.error(error.message) }
 * ```
 *
 * @group Errors
 */
export class EngineError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
  }
}

/**
 * Thrown when a `Value` is made from, or an op is given, something that is not a finite number.
 *
 * @group Errors
 */
export class InvalidOperandError extends EngineError {
  /** The op that was given the operand (`'Value'` for the constructor). */
  readonly op: string
  /** What was received. */
  readonly operand: unknown

  constructor(op: string, operand: unknown) {
    super(
      `${op}: expected a finite number or a Value, received ${describe(operand)}. ` +
        'Check the data feeding this op (a NaN often comes from an earlier division or an uninitialised input).',
    )
    this.op = op
    this.operand = operand
  }
}

/**
 * Thrown when an op's result is not finite (log of 0, division by 0, exp overflow), so NaN never flows on.
 *
 * @group Errors
 */
export class NonFiniteResultError extends EngineError {
  /** The op that overflowed or was undefined. */
  readonly op: string
  /** The data of the op's inputs. */
  readonly inputs: readonly number[]
  /** The non-finite result. */
  readonly result: number

  constructor(op: string, inputs: readonly number[], result: number) {
    super(
      `${op}(${inputs.join(', ')}) is ${result}, not a finite number. ` +
        'Keep inputs inside the op’s domain (e.g. log of a positive number, no division by 0) or rescale them.',
    )
    this.op = op
    this.inputs = inputs
    this.result = result
  }
}

/**
 * Thrown by `backward()` when a gradient overflows or becomes NaN.
 *
 * @group Errors
 */
export class NonFiniteGradientError extends EngineError {
  /** The op of the node whose gradient is not finite (`''` for a leaf). */
  readonly op: string
  /** The node's label. */
  readonly label: string
  /** The non-finite gradient. */
  readonly grad: number

  constructor(op: string, label: string, grad: number) {
    const node = [op ? `an output of ${op}` : 'a leaf', label ? `labelled "${label}"` : ''].join(
      ' ',
    )
    super(
      `backward: the gradient of ${node.trim()} is ${grad}. ` +
        'A derivative overflowed (e.g. x ** 0.5 at 0); lower the learning rate or keep inputs away from the singularity.',
    )
    this.op = op
    this.label = label
    this.grad = grad
  }
}

/**
 * Thrown when an n-ary op gets lists of different lengths.
 *
 * @group Errors
 */
export class LengthMismatchError extends EngineError {
  /** The op, e.g. `'dot'`. */
  readonly op: string
  /** Length of the first list. */
  readonly expected: number
  /** Length of the second list. */
  readonly received: number

  constructor(op: string, expected: number, received: number) {
    super(
      `${op}: both lists must have the same length, received ${expected} and ${received}. ` +
        'Pass one weight per input.',
    )
    this.op = op
    this.expected = expected
    this.received = received
  }
}

/**
 * Thrown when an option is outside its allowed range.
 *
 * @group Errors
 */
export class InvalidOptionError extends EngineError {
  /** The option's name. */
  readonly option: string
  /** What was received. */
  readonly received: unknown

  constructor(option: string, received: unknown, allowed: string) {
    super(`${option}: expected ${allowed}, received ${describe(received)}.`)
    this.option = option
    this.received = received
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'object' && value !== null) return Object.prototype.toString.call(value)
  return String(value)
}
