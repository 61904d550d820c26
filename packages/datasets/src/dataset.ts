import { InvalidDatasetError } from './errors.js'

/**
 * Samples and their labels, in the shapes scikit-learn users expect: `X[i]` is the feature row of
 * sample `i` and `y[i]` its label.
 */
export interface Dataset {
  /** One row of features per sample (`n × nFeatures`). */
  X: number[][]
  /** One label per sample, class indices `0, 1, ...` for the generated sets. */
  y: number[]
}

/** A generated dataset, with the seed that reproduces it. */
export interface GeneratedDataset extends Dataset {
  /**
   * Pass this as `seed` to get the same dataset again: the seed given, or the fresh one drawn when
   * none was given. `undefined` when an `rng` was passed in (its state decides the data).
   */
  seed: number | undefined
}

/** Checks the shape of a dataset given to `functionName` and returns its feature count. */
export function checkDataset(functionName: string, dataset: unknown): number {
  if (typeof dataset !== 'object' || dataset === null) {
    throw new InvalidDatasetError(functionName, 'expected an object { X, y }', undefined, dataset)
  }
  const { X, y } = dataset as { X?: unknown; y?: unknown }
  if (!Array.isArray(X))
    throw new InvalidDatasetError(functionName, 'X is not an array', undefined, X)
  if (!Array.isArray(y))
    throw new InvalidDatasetError(functionName, 'y is not an array', undefined, y)
  if (X.length !== y.length) {
    const lengths = `X has ${X.length} rows but y has ${y.length} labels`
    throw new InvalidDatasetError(functionName, lengths, undefined, dataset)
  }
  const nFeatures = Array.isArray(X[0]) ? X[0].length : 0
  for (let i = 0; i < X.length; i++) {
    const row: unknown = X[i]
    if (!Array.isArray(row) || row.length !== nFeatures || nFeatures === 0) {
      const problem = `expected a row of ${nFeatures || 'one or more'} features`
      throw new InvalidDatasetError(functionName, problem, i, row)
    }
    if (!row.every(isFiniteNumber)) {
      throw new InvalidDatasetError(functionName, 'expected finite numbers', i, row)
    }
    if (!isFiniteNumber(y[i])) {
      throw new InvalidDatasetError(functionName, 'expected a finite numeric label', i, y[i])
    }
  }
  return nFeatures
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}
