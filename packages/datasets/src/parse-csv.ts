import type { Dataset } from './dataset.js'
import { CsvParseError, InvalidParameterError } from './errors.js'

/** A dataset read by {@link parseCsv}, with its column names. */
export interface ParsedCsv extends Dataset {
  /** The header's names, or `x0, x1, ..., label` when the text has no header. */
  columns: string[]
}

// A decimal number as formatCsv writes it and spreadsheets export it; rejects "", "0x1f", "1,5".
// Digits after the point only follow a point, so a long cell that fails is refused in linear time
// (`\d+\.?\d*` could split a run of digits every way, quadratic in its length).
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

/**
 * Reads comma-separated numbers, one sample per line with the label in the last column, into a
 * dataset. The first line is taken as a header when any of its cells is not a number. Cells are
 * trimmed; blank lines (such as a trailing newline) are skipped; `\n`, `\r\n` and a byte-order mark
 * are all fine. Quoted cells are not supported.
 *
 * @throws {@link InvalidParameterError} if `text` is not a string.
 * @throws {@link CsvParseError} with the 1-based `line` (and `column`) of a ragged row, a cell that
 * is not a finite number, a row without a label column, or text without data rows.
 * @example
 * ```ts
 * import { parseCsv } from '@mg/datasets'
 * const { X, y } = parseCsv('x0,x1,label\n0.5,-1.25,1\n0.1,0.2,0\n')
 * // X = [[0.5, -1.25], [0.1, 0.2]], y = [1, 0]
 * ```
 */
export function parseCsv(text: string): ParsedCsv {
  if (typeof text !== 'string')
    throw new InvalidParameterError(
      'parseCsv',
      'text',
      text,
      'the CSV as a string',
      "Read the file first, e.g. parseCsv(readFileSync('data.csv', 'utf8')).",
    )
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .map((line, index) => ({
      line,
      number: index + 1,
      cells: line.split(',').map((cell) => cell.trim()),
    }))
    .filter(({ line }) => line.trim() !== '')
  const first = lines[0]
  if (first === undefined) throw new CsvParseError(1, undefined, text, 'found no rows')
  const width = first.cells.length
  if (width < 2) {
    const problem = 'found 1 column, expected at least 2 (one or more features, then the label)'
    throw new CsvParseError(first.number, undefined, first.line, problem)
  }
  const hasHeader = !first.cells.every((cell) => NUMBER.test(cell))
  const rows = hasHeader ? lines.slice(1) : lines
  if (rows.length === 0) {
    throw new CsvParseError(first.number, undefined, first.line, 'found a header but no data rows')
  }
  const X: number[][] = []
  const y: number[] = []
  for (const { line, number, cells } of rows) {
    if (cells.length !== width) {
      const problem = `found ${cells.length} cells, expected ${width} as on line ${first.number}`
      throw new CsvParseError(number, undefined, line, problem)
    }
    const values = cells.map((cell, column) => {
      const value = NUMBER.test(cell) ? Number(cell) : Number.NaN
      if (!Number.isFinite(value)) {
        const problem = cell === '' ? 'the cell is empty' : 'the cell is not a finite number'
        throw new CsvParseError(number, column + 1, cell, problem)
      }
      return value
    })
    y.push(values.pop()!)
    X.push(values)
  }
  const columns = hasHeader
    ? first.cells
    : first.cells.map((_, column) => (column === width - 1 ? 'label' : `x${column}`))
  return { X, y, columns }
}
