import { MgError } from './mg-error.js'

/**
 * Thrown by every `@mg` package when two lists that must pair up one to one (inputs and weights,
 * scores and labels, `X` and `y`) differ in length.
 *
 * @example
 * ```ts
 * import { LengthMismatchError } from '@mg/common'
 *
 * const error = new LengthMismatchError('data: X and y', 100, 99)
 * error.message // 'data: X and y: expected lists of the same length, received 100 and 99. …'
 * ```
 *
 * @group Errors
 */
export class LengthMismatchError extends MgError {
  constructor(
    /** What was being paired, e.g. `'dot'` or `'hingeLoss: scores and labels'`. */
    readonly what: string,
    /** Length of the first list. */
    readonly expected: number,
    /** Length of the second list. */
    readonly received: number,
  ) {
    super(
      `${what}: expected lists of the same length, received ${expected} and ${received}. ` +
        'Give exactly one entry of the second list for each entry of the first.',
    )
  }
}
