import { describeValue, MgError, type MgErrorOptions } from '@mg/common'

/**
 * Base class of every error the demo reports to its user: the top-level handler prints its message
 * as one line and exits with its `exitCode`, never with a stack trace.
 */
export class CliError extends MgError {
  constructor(
    message: string,
    /** The process exit code: 2 for bad input, 1 for a run that failed on its own. */
    readonly exitCode: number,
    options?: MgErrorOptions,
  ) {
    super(message, options)
  }
}

/** Thrown when a command-line option or argument is malformed or out of range (exit code 2). */
export class UsageError extends CliError {
  constructor(
    /** The option as typed, e.g. `'--hidden'`. */
    readonly option: string,
    /** What was received. */
    readonly received: unknown,
    expected: string,
    hint = '',
  ) {
    super(
      `${option}: expected ${expected}, received ${describeValue(received)}.${hint ? ` ${hint}` : ''}`,
      2,
    )
  }
}

/** Thrown when a file the user named cannot be read or is not what it should be (exit code 2). */
export class InputFileError extends CliError {
  constructor(
    /** The path as given. */
    readonly path: string,
    message: string,
    options?: MgErrorOptions,
  ) {
    super(message, 2, options)
  }
}

/** Thrown when the output folder cannot be created or written (exit code 2). */
export class OutputFolderError extends CliError {
  constructor(
    /** The folder as given. */
    readonly path: string,
    problem: string,
    options?: MgErrorOptions,
  ) {
    super(
      `--out ${path}: ${problem}. Pass --out a folder you can write to, e.g. --out out`,
      2,
      options,
    )
  }
}

/**
 * Thrown when training stops because the loss or a parameter is no longer a finite number, or the
 * loss has grown a millionfold (exit code 1).
 */
export class DivergedError extends CliError {
  constructor(
    /** The step (1-based, as printed in the progress) at which training diverged. */
    readonly step: number,
    detail: string,
    hint: string,
    options?: MgErrorOptions,
  ) {
    super(`training diverged at step ${step}: ${detail}. ${hint}`, 1, options)
  }
}
