import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CsvParseError,
  formatCsv,
  InvalidDatasetError,
  makeSpiral,
  parseCsv,
} from '../src/index.js'
import { expectParameterError } from './helpers.js'

function csvError(text: string): CsvParseError {
  try {
    parseCsv(text)
  } catch (error) {
    expect(error).toBeInstanceOf(CsvParseError)
    return error as CsvParseError
  }
  throw new Error(`expected parseCsv to reject ${JSON.stringify(text)}`)
}

describe('formatCsv and parseCsv', () => {
  it('round-trips any finite numbers exactly, including -0 and extremes', () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true })
    const datasets = fc.integer({ min: 1, max: 4 }).chain((nFeatures) =>
      fc.array(fc.tuple(fc.array(finite, { minLength: nFeatures, maxLength: nFeatures }), finite), {
        minLength: 1,
        maxLength: 20,
      }),
    )
    fc.assert(
      fc.property(datasets, fc.boolean(), (rows, header) => {
        const dataset = { X: rows.map(([features]) => features), y: rows.map(([, label]) => label) }
        const parsed = parseCsv(formatCsv(dataset, { header }))
        expect(parsed.X).toEqual(dataset.X)
        expect(parsed.y).toEqual(dataset.y)
        // toEqual may treat 0 and -0 alike; the sign of zero must survive too.
        const negativeZeros = (values: number[]) => values.map((value) => Object.is(value, -0))
        expect(negativeZeros([...parsed.X.flat(), ...parsed.y])).toEqual(
          negativeZeros([...dataset.X.flat(), ...dataset.y]),
        )
      }),
    )
  })

  it('writes the natural layout: header x0,x1,...,label, one row per sample, final newline', () => {
    expect(
      formatCsv({
        X: [
          [0.5, -1.25],
          [3, 1e-7],
        ],
        y: [1, 0],
      }),
    ).toBe('x0,x1,label\n0.5,-1.25,1\n3,1e-7,0\n')
    expect(formatCsv({ X: [[1]], y: [0] }, { header: false })).toBe('1,0\n')
    expect(formatCsv({ X: [[1, 2]], y: [0] }, { header: ['a', 'b', 'class'] })).toBe(
      'a,b,class\n1,2,0\n',
    )
  })

  it('saves and reloads a generated dataset', () => {
    const spiral = makeSpiral({ seed: 3 })
    const reloaded = parseCsv(formatCsv(spiral))
    expect(reloaded.X).toEqual(spiral.X)
    expect(reloaded.y).toEqual(spiral.y)
    expect(reloaded.columns).toEqual(['x0', 'x1', 'label'])
  })
})

describe('parseCsv', () => {
  it('reads a header, trims cells, skips blank lines and accepts CRLF and a byte-order mark', () => {
    const parsed = parseCsv(
      '\uFEFF sepal , petal ,species\r\n\r\n 1.5, -2 ,0\r\n  \r\n3e2,.5,1\r\n\r\n',
    )
    expect(parsed).toEqual({
      X: [
        [1.5, -2],
        [300, 0.5],
      ],
      y: [0, 1],
      columns: ['sepal', 'petal', 'species'],
    })
  })

  it('treats an all-numeric first line as data and names the columns', () => {
    expect(parseCsv('1,2,3\n4,5,6')).toEqual({
      X: [
        [1, 2],
        [4, 5],
      ],
      y: [3, 6],
      columns: ['x0', 'x1', 'label'],
    })
  })

  it('reports a ragged row with its line number, counting blank lines', () => {
    const error = csvError('x0,x1,label\n1,2,0\n\n3,4\n')
    expect(error.line).toBe(4)
    expect(error.column).toBeUndefined()
    expect(error.received).toBe('3,4')
    expect(error.message).toContain('line 4')
    expect(error.message).toContain('found 2 cells, expected 3 as on line 1')
  })

  it.each([
    ['a word', 'x,label\n1,0\n2,yes\n', 3, 2, 'yes'],
    ['an empty cell', '1,0\n,1\n', 2, 1, ''],
    ['a hexadecimal number', '1,0\n0x10,1\n', 2, 1, '0x10'],
    ['an overflow to Infinity', '1,0\n1e999,1\n', 2, 1, '1e999'],
    ['Infinity', '1,0\nInfinity,1\n', 2, 1, 'Infinity'],
    ['NaN', '1,0\n1,NaN\n', 2, 2, 'NaN'],
  ])('reports %s with its line and column', (_, text, line, column, cell) => {
    const error = csvError(text)
    expect([error.line, error.column, error.received]).toEqual([line, column, cell])
    expect(error.message).toContain(`line ${line}, column ${column}`)
  })

  it('reports a missing label column, a header without rows, and empty text', () => {
    const single = csvError('\n0.5\n0.7\n')
    expect(single.line).toBe(2)
    expect(single.message).toContain('at least 2')
    expect(csvError('x0,label\n\n').message).toContain('header but no data rows')
    expect(csvError('').line).toBe(1)
    expect(csvError(' \n\n').message).toContain('no rows')
  })
})

describe('formatCsv bad input', () => {
  it('rejects a malformed dataset and a header of the wrong length', () => {
    expect(() => formatCsv({ X: [[1, 2], [3]], y: [0, 1] })).toThrow(InvalidDatasetError)
    expect(() => formatCsv({ X: [[Infinity]], y: [0] })).toThrow(InvalidDatasetError)
    expectParameterError(() => formatCsv({ X: [[1]], y: [0] }, { header: ['only'] }), 'header', [
      'only',
    ])
    expectParameterError(
      () => formatCsv({ X: [[1]], y: [0] }, { header: ['a,b', 'c'] }),
      'header',
      ['a,b', 'c'],
    )
  })
})
