import { describeValue, InvalidOptionError, MgError, type MgErrorOptions } from '@mg/common'

// The kinds every package throws live in @mg/common; the datasets' modules take them from here,
// with their own errors, and the index exports them by name.
export { InvalidLabelError, InvalidOptionError, MgError } from '@mg/common'

/**
 * Base class of the datasets' own errors: a malformed dataset or CSV text. Bad options and labels
 * are the {@link InvalidOptionError} and {@link InvalidLabelError} every package shares; catch
 * {@link MgError} to handle them all.
 *
 * @example
 * ```ts
 * import { DatasetsError, parseCsv } from '@mg/datasets'
 * try { parseCsv('x0,label\n0.5') } catch (error) { if (error instanceof DatasetsError) console.error(error.message) }
 * ```
 *
 * @group Errors
 */
export class DatasetsError extends MgError {}

/**
 * The {@link InvalidOptionError} of `@mg/datasets`, built with the function's name first: catch
 * `InvalidOptionError` to handle it along with the same error from every other package.
 *
 * @group Errors
 */
export class InvalidParameterError extends InvalidOptionError {
  /** The function that was called, e.g. `'makeMoons'`. */
  declare readonly functionName: string

  /**
   * @param functionName - the function that was called.
   * @param parameter - the option's name, e.g. `'nSamples'`.
   * @param received - the value that was given.
   * @param allowed - what is allowed, in words that follow "expected".
   * @param fix - how to fix it, a sentence appended to the message.
   */
  constructor(
    functionName: string,
    parameter: string,
    received: unknown,
    allowed: string,
    fix: string,
    options?: MgErrorOptions,
  ) {
    super(parameter, received, allowed, fix, { ...options, functionName })
  }

  /**
   * The option's name, e.g. `'nSamples'`.
   *
   * @deprecated Read `option`, the name every {@link InvalidOptionError} has.
   */
  get parameter(): string {
    return this.option
  }
}

/**
 * Thrown when a dataset passed in is not `{ X: number[][], y: number[] }` with matching, finite rows.
 *
 * @group Errors
 */
export class InvalidDatasetError extends DatasetsError {
  constructor(
    /** The function that was given the dataset. */
    readonly functionName: string,
    problem: string,
    /** The offending sample's index, or `undefined` when the problem is the dataset as a whole. */
    readonly index: number | undefined,
    /** What was received at that place. */
    readonly received: unknown,
  ) {
    const where = index === undefined ? '' : ` at sample ${index}`
    super(
      `${functionName}: ${problem}${where}, received ${describeValue(received)}. ` +
        'A dataset is { X, y } with one row of finite numbers per sample in X, all rows the same ' +
        'length, and one label per sample in y, e.g. { X: [[0, 1], [1, 0]], y: [0, 1] }.',
    )
  }
}

/**
 * Thrown by `parseCsv` for text that is not one numeric row per sample with the label last.
 *
 * @group Errors
 */
export class CsvParseError extends DatasetsError {
  constructor(
    /** The 1-based line of the text where the problem is. */
    readonly line: number,
    /** The 1-based column of the offending cell, or `undefined` for a problem with the whole line. */
    readonly column: number | undefined,
    /** The offending text: the cell, or the whole line. */
    readonly received: string,
    problem: string,
  ) {
    const where = column === undefined ? `line ${line}` : `line ${line}, column ${column}`
    super(
      `parseCsv: ${where}: ${problem}, received ${JSON.stringify(received)}. ` +
        'Expected comma-separated numbers, one row per sample, the label in the last column, ' +
        'and optionally a header line first, e.g. "x0,x1,label\\n0.5,-1.2,1".',
    )
  }
}
