import { InvalidInputError, NonFiniteDataError } from '../errors.js'

/** Points in the plane with a class label each, as `@mg/datasets` makes them. */
export interface Dataset2d {
  /** One `[x0, x1]` row per sample. */
  readonly X: readonly (readonly number[])[]
  /** One label per sample: ±1, 0/1, or class indices 0 … K−1. */
  readonly y: readonly number[]
}

/** How the labels of a dataset read, which decides how scores become classes. */
export interface LabelScheme {
  /** The classes in order: `[-1, 1]`, `[0, 1]` or `[0, 1, …, K−1]`. */
  readonly classes: readonly number[]
  readonly kind: 'signs' | 'binary' | 'indices'
}

/** Checks a 2-D dataset and works out its label scheme. */
export function readDataset(functionName: string, dataset: Dataset2d): LabelScheme {
  const X = (dataset as Partial<Dataset2d> | undefined)?.X
  const y = (dataset as Partial<Dataset2d> | undefined)?.y
  if (!Array.isArray(X) || !Array.isArray(y) || X.length === 0 || X.length !== y.length) {
    throw new InvalidInputError(
      functionName,
      'dataset',
      dataset,
      '{ X, y } with as many labels as rows and at least one row, e.g. makeMoons({ nSamples: 100 })',
    )
  }
  X.forEach((row, index) => {
    if (!Array.isArray(row) || row.length !== 2) {
      throw new InvalidInputError(
        functionName,
        `dataset.X[${index}]`,
        row,
        'a point [x0, x1] (decision boundaries are drawn for 2 features)',
      )
    }
    for (const [axis, coordinate] of row.entries()) {
      if (typeof coordinate !== 'number' || !Number.isFinite(coordinate)) {
        throw new NonFiniteDataError(
          functionName,
          `dataset.X[${index}][${axis}]`,
          coordinate,
          'Remove or repair that sample.',
        )
      }
    }
  })
  const seen = new Set<number>()
  y.forEach((label, index) => {
    if (typeof label !== 'number' || !Number.isInteger(label) || label < -1) {
      throw new InvalidInputError(
        functionName,
        `dataset.y[${index}]`,
        label,
        'a class label: -1 or 1, 0 or 1, or a class index 0, 1, 2, …',
      )
    }
    seen.add(label)
  })
  if (seen.has(-1)) {
    if ([...seen].some((label) => label !== -1 && label !== 1)) {
      throw new InvalidInputError(
        functionName,
        'dataset.y',
        [...seen].sort((a, b) => a - b),
        'labels that are all ±1, or all class indices 0, 1, 2, … (not a mix)',
      )
    }
    return { classes: [-1, 1], kind: 'signs' }
  }
  const largest = Math.max(...seen)
  if (largest <= 1) return { classes: [0, 1], kind: 'binary' }
  return { classes: Array.from({ length: largest + 1 }, (_, index) => index), kind: 'indices' }
}
