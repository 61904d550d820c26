import { describeValue } from './describe-value.js'
import { MgError, type MgErrorOptions } from './mg-error.js'

/** The last argument of {@link InvalidOptionError}'s constructor. */
export interface InvalidOptionErrorOptions extends MgErrorOptions {
  /** The function that was called, e.g. `'makeMoons'`, when the option's name alone is ambiguous. */
  functionName?: string
}

/**
 * Thrown when an option or argument is missing, of the wrong type or outside its allowed range,
 * by every `@mg` package. The message names the option, what is allowed and what was received,
 * then how to fix it: `makeMoons: noise: expected a finite number >= 0, received -1. e.g. 0.1.`
 *
 * @example
 * ```ts
 * import { createRng, InvalidOptionError } from '@mg/common'
 *
 * try {
 *   createRng(1.5)
 * } catch (error) {
 *   if (error instanceof InvalidOptionError) console.error(error.option, error.received) // seed 1.5
 * }
 * ```
 *
 * @group Errors
 */
export class InvalidOptionError extends MgError {
  /** The function that was called, if the message names it. */
  readonly functionName: string | undefined

  /**
   * @param hint - how to fix it, a sentence appended to the message.
   */
  constructor(
    /** The option's or argument's name, e.g. `'learningRate'` or `'layers[1].weights'`. */
    readonly option: string,
    /** What was received: the offending value itself. */
    readonly received: unknown,
    /** What is allowed, in words that follow "expected", e.g. `'a finite number greater than 0'`. */
    readonly allowed: string,
    hint = '',
    options: InvalidOptionErrorOptions = {},
  ) {
    const where = options?.functionName ? `${options.functionName}: ` : ''
    super(
      `${where}${option}: expected ${allowed}, received ${describeValue(received)}.${hint ? ` ${hint}` : ''}`,
      options,
    )
    this.functionName = options?.functionName
  }
}
