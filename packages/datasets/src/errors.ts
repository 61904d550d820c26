/**
 * Base class of every error thrown by `@mg/datasets`; catch this to handle them all.
 *
 * @example
 * ```ts
 * try { makeMoons({ nSamples: 0 }) } catch (error) { if (error instanceof DatasetsError) console.error(error.message) }
 * ```
 *
 * @group Errors
 */
export class DatasetsError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
  }
}

/**
 * Thrown when an option is missing its required type or lies outside its allowed range.
 *
 * @group Errors
 */
export class InvalidParameterError extends DatasetsError {
  /** The function that was called, e.g. `'makeMoons'`. */
  readonly functionName: string
  /** The option's name, e.g. `'nSamples'`. */
  readonly parameter: string
  /** What was received. */
  readonly received: unknown
  /** What is allowed, in words. */
  readonly allowed: string

  constructor(
    functionName: string,
    parameter: string,
    received: unknown,
    allowed: string,
    fix: string,
    options?: { cause?: unknown },
  ) {
    super(
      `${functionName}: ${parameter} must be ${allowed}, received ${describe(received)}. ${fix}`,
      options,
    )
    this.functionName = functionName
    this.parameter = parameter
    this.received = received
    this.allowed = allowed
  }
}

/**
 * Thrown when a dataset passed in is not `{ X: number[][], y: number[] }` with matching, finite rows.
 *
 * @group Errors
 */
export class InvalidDatasetError extends DatasetsError {
  /** The function that was given the dataset. */
  readonly functionName: string
  /** The offending sample's index, or `undefined` when the problem is the dataset as a whole. */
  readonly index: number | undefined
  /** What was received at that place. */
  readonly received: unknown

  constructor(functionName: string, problem: string, index: number | undefined, received: unknown) {
    const where = index === undefined ? '' : ` at sample ${index}`
    super(
      `${functionName}: ${problem}${where}, received ${describe(received)}. ` +
        'A dataset is { X, y } with one row of finite numbers per sample in X, all rows the same ' +
        'length, and one label per sample in y, e.g. { X: [[0, 1], [1, 0]], y: [0, 1] }.',
    )
    this.functionName = functionName
    this.index = index
    this.received = received
  }
}

/**
 * Thrown when a label is not one the function can encode (e.g. a 2 given to `toSignedLabels`).
 *
 * @group Errors
 */
export class InvalidLabelError extends DatasetsError {
  /** The function that was given the label. */
  readonly functionName: string
  /** The label's index in `y`. */
  readonly index: number
  /** The label received. */
  readonly label: unknown

  constructor(functionName: string, index: number, label: unknown, allowed: string) {
    super(
      `${functionName}: y[${index}] must be ${allowed}, received ${describe(label)}. ` +
        'Map the labels to that range first (e.g. y.map((label) => classes.indexOf(label))).',
    )
    this.functionName = functionName
    this.index = index
    this.label = label
  }
}

/**
 * Thrown by `parseCsv` for text that is not one numeric row per sample with the label last.
 *
 * @group Errors
 */
export class CsvParseError extends DatasetsError {
  /** The 1-based line of the text where the problem is. */
  readonly line: number
  /** The 1-based column of the offending cell, or `undefined` for a problem with the whole line. */
  readonly column: number | undefined
  /** The offending text: the cell, or the whole line. */
  readonly received: string

  constructor(line: number, column: number | undefined, received: string, problem: string) {
    const where = column === undefined ? `line ${line}` : `line ${line}, column ${column}`
    super(
      `parseCsv: ${where}: ${problem}, received ${JSON.stringify(received)}. ` +
        'Expected comma-separated numbers, one row per sample, the label in the last column, ' +
        'and optionally a header line first, e.g. "x0,x1,label\\n0.5,-1.2,1".',
    )
    this.line = line
    this.column = column
    this.received = received
  }
}

/** A short, readable rendering of any value for an error message. */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (Array.isArray(value)) {
    const shown = value.slice(0, 6).map(describe)
    if (value.length > 6) shown.push(`... ${value.length - 6} more`)
    return `[${shown.join(', ')}]`
  }
  if (typeof value === 'object' && value !== null) return Object.prototype.toString.call(value)
  if (Object.is(value, -0)) return '-0'
  return String(value)
}
