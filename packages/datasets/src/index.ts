/**
 * Seeded toy datasets that match scikit-learn, splits, label encodings and CSV. The handwritten
 * digits are in `@mg/datasets/digits`.
 *
 * @module @mg/datasets
 */

// The one seeded generator of every @mg package, re-exported where users have always found it.
export type { Rng } from '@mg/common'
export { createRng } from '@mg/common'
export type { Dataset, GeneratedDataset } from './dataset.js'
export {
  CsvParseError,
  DatasetsError,
  InvalidDatasetError,
  InvalidLabelError,
  InvalidOptionError,
  InvalidParameterError,
  MgError,
} from './errors.js'
export type { FormatCsvOptions } from './format-csv.js'
export { formatCsv } from './format-csv.js'
export { oneHot, toSignedLabels } from './labels.js'
export type { BlobsDataset, MakeBlobsOptions } from './make-blobs.js'
export { makeBlobs } from './make-blobs.js'
export type { MakeCirclesOptions } from './make-circles.js'
export { makeCircles } from './make-circles.js'
export type { MakeMoonsOptions } from './make-moons.js'
export { makeMoons } from './make-moons.js'
export type { MakeSpiralOptions } from './make-spiral.js'
export { makeSpiral } from './make-spiral.js'
export type { MakeXorOptions } from './make-xor.js'
export { makeXor } from './make-xor.js'
export type { ParsedCsv } from './parse-csv.js'
export { parseCsv } from './parse-csv.js'
export type { RandomOptions } from './random-source.js'
export type { TrainTestSplit, TrainTestSplitOptions } from './train-test-split.js'
export { trainTestSplit } from './train-test-split.js'
