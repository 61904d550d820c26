import { checkOptions } from './checks.js'
import { checkDataset, type Dataset } from './dataset.js'
import { InvalidParameterError } from './errors.js'

/** Options of {@link formatCsv}. */
export interface FormatCsvOptions {
  /** Write a header line first: `true` for `x0,x1,...,label`, or the column names. Default `true`. */
  header?: boolean | readonly string[]
}

/**
 * Writes a dataset as comma-separated text, one line per sample with the label last, ending in a
 * newline. Numbers are written in JavaScript's shortest round-trip form, so {@link parseCsv} reads
 * back exactly the same values.
 *
 * @throws {@link InvalidDatasetError} if `dataset` is not a well-formed `{ X, y }`.
 * @throws {@link InvalidParameterError} if `header` names the wrong number of columns or has a
 * comma or line break in a name.
 * @example
 * ```ts
 * import { formatCsv } from '@mg/datasets'
 * formatCsv({ X: [[0.5, -1.25]], y: [1] }) // 'x0,x1,label\n0.5,-1.25,1\n'
 * ```
 */
export function formatCsv(dataset: Dataset, options: FormatCsvOptions = {}): string {
  const nFeatures = checkDataset('formatCsv', dataset)
  checkOptions('formatCsv', options)
  const header = options.header ?? true
  const names =
    header === true ? [...Array.from({ length: nFeatures }, (_, i) => `x${i}`), 'label'] : header
  if (names !== false) {
    const valid =
      Array.isArray(names) &&
      names.length === nFeatures + 1 &&
      names.every((name) => typeof name === 'string' && !/[,\r\n]/.test(name))
    if (!valid) {
      const allowed = `true, false, or ${nFeatures + 1} names without commas or line breaks`
      const fix = 'Name every feature column, then the label, e.g. header: ["x", "y", "class"].'
      throw new InvalidParameterError('formatCsv', 'header', header, allowed, fix)
    }
  }
  const lines = dataset.X.map((row, i) => [...row, dataset.y[i]!].map(formatNumber).join(','))
  if (names !== false) lines.unshift(names.join(','))
  return `${lines.join('\n')}\n`
}

function formatNumber(value: number): string {
  // String(-0) is "0"; keep the sign so a round trip returns the very same value.
  return Object.is(value, -0) ? '-0' : String(value)
}
