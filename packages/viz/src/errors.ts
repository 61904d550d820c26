/**
 * Base class of every error thrown by `@mg/viz`; catch this to handle them all.
 *
 * @example
 * ```ts
 * try { graphToDot(loss) } catch (error) { if (error instanceof VizError) console.error(error.message) }
 * ```
 *
 * @group Errors
 */
export class VizError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
  }
}

/**
 * Thrown when an option is unknown or outside its allowed range.
 *
 * @group Errors
 */
export class InvalidOptionError extends VizError {
  /** The function that was given the option, e.g. `'graphToDot'`. */
  readonly functionName: string
  /** The option's name. */
  readonly option: string
  /** What was received. */
  readonly received: unknown

  constructor(
    functionName: string,
    option: string,
    received: unknown,
    expected: string,
    message?: string,
  ) {
    super(
      message ??
        `${functionName}: option "${option}" must be ${expected}; received ${describe(received)}.`,
    )
    this.functionName = functionName
    this.option = option
    this.received = received
  }
}

/**
 * Thrown when an options object names an option the function does not have (often a typo).
 *
 * @group Errors
 */
export class UnknownOptionError extends InvalidOptionError {
  /** The options the function does accept. */
  readonly knownOptions: readonly string[]

  constructor(
    functionName: string,
    option: string,
    knownOptions: readonly string[],
    suggestion?: string,
  ) {
    const hint = suggestion ? ` Did you mean "${suggestion}"?` : ''
    super(
      functionName,
      option,
      option,
      'a known option',
      `${functionName}: unknown option "${option}".${hint} Known options: ${knownOptions.join(', ')}.`,
    )
    this.knownOptions = knownOptions
  }
}

/**
 * Thrown when an argument is missing, empty or of the wrong shape.
 *
 * @group Errors
 */
export class InvalidInputError extends VizError {
  /** The function that was given the argument. */
  readonly functionName: string
  /** Which argument, e.g. `'root'` or `'history'`. */
  readonly argument: string
  /** What was received. */
  readonly received: unknown

  constructor(
    functionName: string,
    argument: string,
    received: unknown,
    expected: string,
    options?: { cause?: unknown },
  ) {
    super(
      `${functionName}: ${argument} must be ${expected}; received ${describe(received)}.`,
      options,
    )
    this.functionName = functionName
    this.argument = argument
    this.received = received
  }
}

/**
 * Thrown when data to be drawn holds NaN or ±Infinity, which would silently break a picture.
 *
 * @group Errors
 */
export class NonFiniteDataError extends VizError {
  /** The function that was given the data. */
  readonly functionName: string
  /** Where the number sits, e.g. `'history[3].loss'`. */
  readonly location: string
  /** The offending number. */
  readonly value: number

  constructor(functionName: string, location: string, value: number, hint: string) {
    super(`${functionName}: ${location} is ${value}; expected a finite number. ${hint}`)
    this.functionName = functionName
    this.location = location
    this.value = value
  }
}

/**
 * Thrown when a picture would hold more than its limit (`maxNodes` boxes, `maxEdges` weights),
 * instead of handing Graphviz a hairball.
 *
 * @group Errors
 */
export class GraphTooLargeError extends VizError {
  /** How many boxes (or edges) would have been drawn. */
  readonly count: number
  /** The limit that was exceeded. */
  readonly limit: number
  /** The option that sets the limit: `'maxNodes'` or `'maxEdges'`. */
  readonly limitName: string

  constructor(
    functionName: string,
    count: number,
    limit: number,
    what: string,
    limitName: string,
    advice: string,
  ) {
    super(
      `${functionName}: the picture would have ${count.toLocaleString('en-US')} ${what}, more ` +
        `than ${limitName} (${limit.toLocaleString('en-US')}). ${advice}`,
    )
    this.count = count
    this.limit = limit
    this.limitName = limitName
  }
}

/**
 * Thrown when Graphviz cannot lay out a DOT source, or the graph has nothing to draw.
 *
 * @group Errors
 */
export class RenderError extends VizError {
  /** The DOT source that failed. */
  readonly dot: string

  constructor(message: string, dot: string, options?: { cause?: unknown }) {
    super(message, options)
    this.dot = dot
  }
}

/** A short, readable rendering of any received value for error messages. */
function describe(value: unknown): string {
  if (typeof value === 'string') {
    return value.length > 60 ? `${JSON.stringify(value.slice(0, 60))}…` : JSON.stringify(value)
  }
  if (Array.isArray(value)) return `an array of length ${value.length}`
  if (typeof value === 'function') return 'a function'
  if (typeof value === 'object' && value !== null) return Object.prototype.toString.call(value)
  return String(value)
}
