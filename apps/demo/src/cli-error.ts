/**
 * Base class of every error the demo reports to its user: the top-level handler prints its message
 * as one line and exits with its `exitCode`, never with a stack trace.
 */
export class CliError extends Error {
  /** The process exit code: 2 for bad input, 1 for a run that failed on its own. */
  readonly exitCode: number

  constructor(message: string, exitCode: number, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
    this.exitCode = exitCode
  }
}

/** Thrown when a command-line option or argument is malformed or out of range (exit code 2). */
export class UsageError extends CliError {
  /** The option as typed, e.g. `'--hidden'`. */
  readonly option: string
  /** What was received. */
  readonly received: unknown

  constructor(option: string, received: unknown, expected: string, hint = '') {
    super(
      `${option}: expected ${expected}, received ${describe(received)}.${hint ? ` ${hint}` : ''}`,
      2,
    )
    this.option = option
    this.received = received
  }
}

/** Thrown when a file the user named cannot be read or is not what it should be (exit code 2). */
export class InputFileError extends CliError {
  /** The path as given. */
  readonly path: string

  constructor(path: string, message: string, options?: { cause?: unknown }) {
    super(message, 2, options)
    this.path = path
  }
}

/** Thrown when the output folder cannot be created or written (exit code 2). */
export class OutputFolderError extends CliError {
  /** The folder as given. */
  readonly path: string

  constructor(path: string, problem: string, options?: { cause?: unknown }) {
    super(
      `--out ${path}: ${problem}. Pass --out a folder you can write to, e.g. --out out`,
      2,
      options,
    )
    this.path = path
  }
}

/**
 * Thrown when training stops because the loss or a parameter is no longer a finite number, or the
 * loss has grown a millionfold (exit code 1).
 */
export class DivergedError extends CliError {
  /** The step (1-based, as printed in the progress) at which training diverged. */
  readonly step: number

  constructor(step: number, detail: string, hint: string, options?: { cause?: unknown }) {
    super(`training diverged at step ${step}: ${detail}. ${hint}`, 1, options)
    this.step = step
  }
}

/** A short rendering of a received value for error messages. */
function describe(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (value === undefined) return 'nothing'
  return String(value)
}
