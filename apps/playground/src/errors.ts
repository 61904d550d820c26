/** Base class of the errors the playground reports to its user; the message is shown as is. */
export class PlaygroundError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
  }
}

/** A CSV file that parsed but cannot be trained on here (not two features, bad labels). */
export class CsvDataError extends PlaygroundError {
  /** The file's name. */
  readonly fileName: string

  constructor(fileName: string, problem: string, options?: { cause?: unknown }) {
    super(`${fileName}: ${problem}`, options)
    this.fileName = fileName
  }
}

/** A model file that is not a saved MLP this page can show (wrong inputs or outputs). */
export class ModelFileError extends PlaygroundError {
  /** The file's name. */
  readonly fileName: string

  constructor(fileName: string, problem: string, options?: { cause?: unknown }) {
    super(`${fileName}: ${problem}`, options)
    this.fileName = fileName
  }
}
