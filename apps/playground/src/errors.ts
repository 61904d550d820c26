import { MgError, type MgErrorOptions } from '@mg/common'

/** Base class of the errors the playground reports to its user; the message is shown as is. */
export class PlaygroundError extends MgError {}

/** A CSV file that parsed but cannot be trained on here (not two features, bad labels). */
export class CsvDataError extends PlaygroundError {
  constructor(
    /** The file's name. */
    readonly fileName: string,
    problem: string,
    options?: MgErrorOptions,
  ) {
    super(`${fileName}: ${problem}`, options)
  }
}

/** A model file that is not a saved MLP this page can show (wrong inputs or outputs). */
export class ModelFileError extends PlaygroundError {
  constructor(
    /** The file's name. */
    readonly fileName: string,
    problem: string,
    options?: MgErrorOptions,
  ) {
    super(`${fileName}: ${problem}`, options)
  }
}
