import { InvalidOptionError, MgError, type MgErrorOptions } from '@mg/common'

// The kind every package throws lives in @mg/common; it is listed here with viz's own errors, so
// the index exports every error from one place.
export { InvalidOptionError, MgError, UnknownOptionError } from '@mg/common'

/**
 * Base class of viz's own errors: data that cannot be drawn, pictures too large, Graphviz
 * failures. Bad arguments and options are {@link InvalidInputError}s, the
 * {@link InvalidOptionError} every package shares; catch {@link MgError} to handle them all.
 *
 * @example
 * ```ts
 * import { lossCurveSvg, VizError } from '@mg/viz'
 * try { lossCurveSvg([{ step: 0, loss: Number.NaN }]) } catch (error) { if (error instanceof VizError) console.error(error.message) }
 * ```
 *
 * @group Errors
 */
export class VizError extends MgError {}

/**
 * The {@link InvalidOptionError} of `@mg/viz`, built with the function's name first: thrown when
 * an argument or option is missing, empty, of the wrong shape or out of range. Catch
 * `InvalidOptionError` to handle it along with the same error from every other package.
 *
 * @group Errors
 */
export class InvalidInputError extends InvalidOptionError {
  /** The function that was given the argument or option, e.g. `'graphToDot'`. */
  declare readonly functionName: string

  /**
   * @param functionName - the function that was called.
   * @param argument - the argument's or option's name, e.g. `'root'` or `'maxNodes'`.
   * @param received - the value that was given.
   * @param expected - what is allowed, in words that follow "expected".
   */
  constructor(
    functionName: string,
    argument: string,
    received: unknown,
    expected: string,
    options?: MgErrorOptions,
  ) {
    super(argument, received, expected, '', { ...options, functionName })
  }

  /**
   * Which argument or option, e.g. `'root'` or `'history'`.
   *
   * @deprecated Read `option`, the name every {@link InvalidOptionError} has.
   */
  get argument(): string {
    return this.option
  }
}

/**
 * Thrown when data to be drawn holds NaN or ±Infinity, which would silently break a picture.
 *
 * @group Errors
 */
export class NonFiniteDataError extends VizError {
  constructor(
    /** The function that was given the data. */
    readonly functionName: string,
    /** Where the number sits, e.g. `'history[3].loss'`. */
    readonly location: string,
    /** The offending number. */
    readonly value: number,
    hint: string,
  ) {
    super(`${functionName}: ${location} is ${value}; expected a finite number. ${hint}`)
  }
}

/**
 * Thrown when a picture would hold more than its limit (`maxNodes` boxes, `maxEdges` weights),
 * instead of handing Graphviz a hairball.
 *
 * @group Errors
 */
export class GraphTooLargeError extends VizError {
  constructor(
    functionName: string,
    /** How many boxes (or edges) would have been drawn. */
    readonly count: number,
    /** The limit that was exceeded. */
    readonly limit: number,
    what: string,
    /** The option that sets the limit: `'maxNodes'` or `'maxEdges'`. */
    readonly limitName: string,
    advice: string,
  ) {
    super(
      `${functionName}: the picture would have ${count.toLocaleString('en-US')} ${what}, more ` +
        `than ${limitName} (${limit.toLocaleString('en-US')}). ${advice}`,
    )
  }
}

/**
 * Thrown when Graphviz cannot lay out a DOT source, or the graph has nothing to draw.
 *
 * @group Errors
 */
export class RenderError extends VizError {
  constructor(
    message: string,
    /** The DOT source that failed. */
    readonly dot: string,
    options?: MgErrorOptions,
  ) {
    super(message, options)
  }
}
