import { parseCsv } from '@mg/datasets'
import { CsvDataError } from '../errors.js'
import { CLASS_COLOURS } from '../render/palette.js'
import type { LabelledPoints } from './prepared-data.js'

/**
 * Reads a CSV of two feature columns and a label column (class indices 0, 1, …, or ±1) into
 * points. Labels −1 and 1 become 0 and 1, the page's two-class convention.
 *
 * @throws {@link CsvDataError} saying what is wrong with the file and how to fix it.
 * @example
 * ```ts
 * import { csvPoints } from './csv-points.js'
 * csvPoints('x0,x1,label\n0.5,-1.2,1\n0.1,0.2,0\n', 'points.csv').classCount // 2
 * ```
 */
export function csvPoints(text: string, fileName: string): LabelledPoints {
  let parsed: ReturnType<typeof parseCsv>
  try {
    parsed = parseCsv(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new CsvDataError(fileName, reason, { cause: error })
  }
  const featureCount = parsed.columns.length - 1
  if (featureCount !== 2)
    throw new CsvDataError(
      fileName,
      `expected 2 feature columns and a label column, received ${featureCount} feature column(s). ` +
        'The page draws a plane, so keep two features, e.g. "x0,x1,label".',
    )
  const signed = parsed.y.every((label) => label === -1 || label === 1)
  const y = signed ? parsed.y.map((label) => (label === 1 ? 1 : 0)) : parsed.y
  const bad = y.findIndex(
    (label) => !Number.isInteger(label) || label < 0 || label >= CLASS_COLOURS.length,
  )
  if (bad >= 0)
    throw new CsvDataError(
      fileName,
      `expected class labels 0 to ${CLASS_COLOURS.length - 1} (or ±1), received ${parsed.y[bad]} on data row ${bad + 1}.`,
    )
  const classCount = Math.max(...y) + 1
  if (new Set(y).size < 2)
    throw new CsvDataError(fileName, `expected at least two classes, received only label ${y[0]}.`)
  return { X: parsed.X, y, classCount }
}
