import type { MgErrorOptions } from '@mg/common'
import { PlaygroundError } from '../errors.js'
import type { Span } from './syntax.js'

/**
 * A mistake in an expression's text, at `span`: the message says what was expected there and
 * what was found, so the page can point at the character.
 */
export class ExpressionSyntaxError extends PlaygroundError {
  constructor(
    /** The characters the mistake is about (an empty span marks a place, e.g. the end). */
    readonly span: Span,
    message: string,
  ) {
    super(message)
  }
}

/**
 * An expression that reads fine but cannot be computed at the inputs' values, such as `log(a)` at
 * `a = 0`: the engine refuses a result that is not a finite number. `span` is the part that failed.
 */
export class ExpressionValueError extends PlaygroundError {
  constructor(
    /** The sub-expression whose value or gradient is not finite. */
    readonly span: Span,
    message: string,
    options?: MgErrorOptions,
  ) {
    super(message, options)
  }
}
