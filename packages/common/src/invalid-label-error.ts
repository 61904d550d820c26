import { describeValue } from './describe-value.js'
import { MgError } from './mg-error.js'

/**
 * Thrown by every `@mg` package when a label is not one the function accepts: hinge losses want
 * ±1, binary cross-entropy a number in [0, 1], softmax and `oneHot` a class index.
 *
 * @example
 * ```ts
 * import { InvalidLabelError } from '@mg/common'
 *
 * const error = new InvalidLabelError('toSignedLabels', 2, -1, '0 or 1')
 * error.message // 'toSignedLabels: label 2 must be 0 or 1, received -1. Map the labels …'
 * ```
 *
 * @group Errors
 */
export class InvalidLabelError extends MgError {
  /**
   * @param allowed - what a label must be, in words that follow "must be".
   */
  constructor(
    /** The function that refused the label. */
    readonly functionName: string,
    /** The label's position in the list of labels. */
    readonly index: number,
    /** The label received. */
    readonly label: unknown,
    allowed: string,
  ) {
    super(
      `${functionName}: label ${index} must be ${allowed}, received ${describeValue(label)}. ` +
        'Map the labels into that range first, e.g. y.map((label) => classes.indexOf(label)) ' +
        'for class indices, or y.map((label) => label * 2 - 1) to turn 0/1 into ±1.',
    )
  }
}
