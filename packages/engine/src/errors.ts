import { describeValue, MgError } from '@mg/common'

// The kinds every package throws live in @mg/common; the engine's modules take them from here,
// with its own errors, and the index exports them by name.
export { InvalidOptionError, LengthMismatchError, MgError, UnknownOptionError } from '@mg/common'

/**
 * Base class of the engine's own errors (bad operands, non-finite results and gradients, compile
 * errors). Invalid options and mismatched lengths are the {@link InvalidOptionError} and
 * {@link LengthMismatchError} every package shares; catch {@link MgError} to handle them all.
 *
 * @example
 * ```ts
 * import { EngineError, Value } from '@mg/engine'
 * try { new Value(0).log() } catch (error) { if (error instanceof EngineError) console.error(error.message) }
 * ```
 *
 * @group Errors
 */
export class EngineError extends MgError {}

/**
 * Thrown when a `Value` is made from, or an op is given, something that is not a finite number:
 * a plain number operand, or the `data` of a `Value` operand (which is writable, so a NaN, an
 * infinity or a string can be written there after the value was made).
 *
 * @group Errors
 */
export class InvalidOperandError extends EngineError {
  /**
   * @param source - `'data'` when the bad number was read from a `Value` operand's `data`.
   */
  constructor(
    /** The op that was given the operand (`'Value'` for the constructor). */
    readonly op: string,
    /** What was received. */
    readonly operand: unknown,
    source?: 'data',
  ) {
    super(
      source === 'data'
        ? `${op}: expected a Value whose data is a finite number, received one holding ` +
            `${describeValue(operand)}. Its data was overwritten after it was made: check what ` +
            'writes .data (an optimizer step that overflowed, an assignment).'
        : `${op}: expected a finite number or a Value, received ${describeValue(operand)}. ` +
            'Check the data feeding this op (a NaN often comes from an earlier division or an uninitialised input).',
    )
  }
}

/**
 * Thrown when an op's result is not finite (log of 0, division by 0, exp overflow), so NaN never flows on.
 *
 * @group Errors
 */
export class NonFiniteResultError extends EngineError {
  constructor(
    /** The op that overflowed or was undefined. */
    readonly op: string,
    /** The data of the op's inputs. */
    readonly inputs: readonly number[],
    /** The non-finite result. */
    readonly result: number,
  ) {
    super(
      `${op}(${inputs.join(', ')}) is ${result}, not a finite number. ` +
        'Keep inputs inside the op’s domain (e.g. log of a positive number, no division by 0) or rescale them.',
    )
  }
}

/**
 * Thrown by `backward()` when a gradient overflows or becomes NaN.
 *
 * @group Errors
 */
export class NonFiniteGradientError extends EngineError {
  constructor(
    /** The op of the node whose gradient is not finite (`''` for a leaf). */
    readonly op: string,
    /** The node's label. */
    readonly label: string,
    /** The non-finite gradient. */
    readonly grad: number,
  ) {
    const node = [op ? `an output of ${op}` : 'a leaf', label ? `labelled "${label}"` : ''].join(
      ' ',
    )
    super(
      `backward: the gradient of ${node.trim()} is ${grad}. ` +
        'A derivative overflowed (e.g. x ** 0.5 at 0); lower the learning rate or keep inputs away from the singularity.',
    )
  }
}
