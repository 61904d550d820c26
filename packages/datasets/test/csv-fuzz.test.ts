/*
 * Arbitrary text given to parseCsv ends in a valid dataset or the library's own error, never in
 * anything else and never in a hang: each property runs a bounded number of inputs of bounded
 * size, and the test's timeout bounds the time (a quadratic regular expression once made a
 * 40,000-digit cell take a second).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectResultOrMgError } from '../../common/test/support/public-surface.js'
import { formatCsv, MgError, type ParsedCsv, parseCsv } from '../src/index.js'

/** What any dataset parseCsv returns must be. */
function expectValid(parsed: ParsedCsv): void {
  expect(parsed.X.length).toBe(parsed.y.length)
  expect(parsed.X.length).toBeGreaterThan(0)
  const width = parsed.X[0]!.length
  expect(width).toBeGreaterThan(0)
  expect(parsed.columns).toHaveLength(width + 1)
  for (const row of parsed.X) {
    expect(row).toHaveLength(width)
    for (const value of row) expect(Number.isFinite(value)).toBe(true)
  }
  for (const label of parsed.y) expect(Number.isFinite(label)).toBe(true)
}

/** parseCsv's outcome on `text`: a checked result, or an MgError. */
function parseOrRefuse(text: string): void {
  expectResultOrMgError(() => parseCsv(text), expectValid)
}

// Pieces of CSV: most random texts are refused on the first line, these often get further.
const cell = fc.oneof(
  fc.double({ noNaN: false }).map(String),
  fc.integer().map(String),
  fc.constantFrom(
    '',
    ' ',
    'x',
    'label',
    '1e',
    '.',
    '-',
    '+.5',
    '1.',
    '0x1f',
    'NaN',
    'Infinity',
    '1e999',
    '\uFEFF',
  ),
  fc.string({ maxLength: 6 }),
)
const csvLike = fc
  .array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 0, maxLength: 8 })
  .chain((rows) =>
    fc
      .constantFrom('\n', '\r\n', '\r')
      .map((newline) => rows.map((row) => row.join(',')).join(newline)),
  )

describe('parseCsv on arbitrary input', () => {
  it('returns a valid dataset or throws an MgError, for any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), parseOrRefuse), {
      numRuns: 1000,
    })
  })

  it('returns a valid dataset or throws an MgError, for text shaped like CSV', () => {
    fc.assert(fc.property(csvLike, parseOrRefuse), { numRuns: 2000 })
  })

  it('reads back every dataset formatCsv writes', () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true })
    const dataset = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }))
      .chain(([width, rows]) =>
        fc.record({
          X: fc.array(fc.array(finite, { minLength: width, maxLength: width }), {
            minLength: rows,
            maxLength: rows,
          }),
          y: fc.array(finite, { minLength: rows, maxLength: rows }),
        }),
      )
    fc.assert(
      fc.property(dataset, (given) => {
        const parsed = parseCsv(formatCsv(given))
        expect(parsed.X).toEqual(given.X)
        expect(parsed.y).toEqual(given.y)
      }),
      { numRuns: 500 },
    )
  })

  it('refuses long malformed cells in linear time', () => {
    for (const tail of ['x', 'e', '.x', 'e+', '..']) {
      const digits = '1'.repeat(500_000) + tail
      expect(() => parseCsv(`a,b\n${digits},1\n`)).toThrow(MgError)
      expect(() => parseCsv(`${digits},1\n`)).toThrow(MgError)
    }
  }, 10_000)
})
