import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DIGITS_IMAGE_SHAPE, DIGITS_PIXEL_MAX, loadDigits } from '../src/digits.js'
import { trainTestSplit } from '../src/index.js'
import { expectParameterError } from './helpers.js'

/*
 * Reference values from scikit-learn 1.2.1's load_digits() (Debian's python3-sklearn), the source
 * of the shipped data, printed once with:
 *
 *   d = load_digits()
 *   hashlib.sha256(d.data.astype(np.uint8).tobytes()).hexdigest()
 *   hashlib.sha256(d.target.astype(np.uint8).tobytes()).hexdigest()
 *   d.data[i].astype(int).tolist(), d.target[i]   for i in 0, 1, 1000, 1796
 *   np.bincount(d.target).tolist()
 *   X3, y3 = load_digits(n_class=3, return_X_y=True)
 */

/** SHA-256 of the values as one unsigned byte each, in order. */
function byteDigest(values: readonly number[]): string {
  return createHash('sha256').update(Uint8Array.from(values)).digest('hex')
}

describe('loadDigits equals scikit-learn’s load_digits()', () => {
  const { X, y, imageShape, pixelMax } = loadDigits()

  it('has 1,797 images of 64 integer pixels from 0 to 16, labels 0 to 9', () => {
    expect(X).toHaveLength(1797)
    expect(y).toHaveLength(1797)
    expect(X.every((row) => row.length === 64)).toBe(true)
    const pixels = X.flat()
    expect(pixels.every((value) => Number.isInteger(value) && value >= 0 && value <= 16)).toBe(true)
    expect(Math.max(...pixels)).toBe(16)
    expect(imageShape).toEqual([8, 8])
    expect(DIGITS_IMAGE_SHAPE).toEqual([8, 8])
    expect(pixelMax).toBe(DIGITS_PIXEL_MAX)
  })

  it('matches every pixel and every label (checksums)', () => {
    expect(byteDigest(X.flat())).toBe(
      '8f26b2bd9d135c256808f68f14fdabddde6d9c7f869ae419704b051f0f14b3b3',
    )
    expect(X.flat().reduce((sum, value) => sum + value, 0)).toBe(561_718)
    expect(byteDigest(y)).toBe('8ba4f891220f5e4c9c819638d1602d74b83618f167043c6da52a2a247841ddf0')
  })

  it('matches four whole rows', () => {
    expect([y[0], X[0]]).toEqual([
      0,
      [
        0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0, 0, 3, 15, 2, 0, 11, 8, 0, 0, 4, 12, 0,
        0, 8, 8, 0, 0, 5, 8, 0, 0, 9, 8, 0, 0, 4, 11, 0, 1, 12, 7, 0, 0, 2, 14, 5, 10, 12, 0, 0, 0,
        0, 6, 13, 10, 0, 0, 0,
      ],
    ])
    expect([y[1], X[1]]).toEqual([
      1,
      [
        0, 0, 0, 12, 13, 5, 0, 0, 0, 0, 0, 11, 16, 9, 0, 0, 0, 0, 3, 15, 16, 6, 0, 0, 0, 7, 15, 16,
        16, 2, 0, 0, 0, 0, 1, 16, 16, 3, 0, 0, 0, 0, 1, 16, 16, 6, 0, 0, 0, 0, 1, 16, 16, 6, 0, 0,
        0, 0, 0, 11, 16, 10, 0, 0,
      ],
    ])
    expect([y[1000], X[1000]]).toEqual([
      1,
      [
        0, 0, 1, 14, 2, 0, 0, 0, 0, 0, 0, 16, 5, 0, 0, 0, 0, 0, 0, 14, 10, 0, 0, 0, 0, 0, 0, 11, 16,
        1, 0, 0, 0, 0, 0, 3, 14, 6, 0, 0, 0, 0, 0, 0, 8, 12, 0, 0, 0, 0, 10, 14, 13, 16, 8, 3, 0, 0,
        2, 11, 12, 15, 16, 15,
      ],
    ])
    expect([y[1796], X[1796]]).toEqual([
      8,
      [
        0, 0, 10, 14, 8, 1, 0, 0, 0, 2, 16, 14, 6, 1, 0, 0, 0, 0, 15, 15, 8, 15, 0, 0, 0, 0, 5, 16,
        16, 10, 0, 0, 0, 0, 12, 15, 15, 12, 0, 0, 0, 4, 16, 6, 4, 16, 6, 0, 0, 8, 16, 10, 8, 16, 8,
        0, 0, 1, 8, 12, 14, 12, 1, 0,
      ],
    ])
  })

  it('has scikit-learn’s label counts', () => {
    const counts = Array.from({ length: 10 }, (_, digit) => y.filter((l) => l === digit).length)
    expect(counts).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
  })
})

describe('options', () => {
  it('keeps the digits below nClass, in order, as load_digits(n_class=3)', () => {
    const { X, y } = loadDigits({ nClass: 3 })
    expect(X).toHaveLength(537)
    expect(y.slice(0, 12)).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 0, 1])
    expect(byteDigest(X.flat())).toBe(
      'e7dcd98a68043a070a6e536357da8996c288878d55b1492f092ddf09151d7f40',
    )
  })

  it('scales pixels to [0, 1] with scale: true, and says so', () => {
    const raw = loadDigits()
    const scaled = loadDigits({ scale: true })
    expect(scaled.pixelMax).toBe(1)
    expect(scaled.y).toEqual(raw.y)
    expect(scaled.X[0]!.slice(0, 12)).toEqual([
      0, 0, 0.3125, 0.8125, 0.5625, 0.0625, 0, 0, 0, 0, 0.8125, 0.9375,
    ])
    expect(scaled.X.flat()).toEqual(raw.X.flat().map((value) => value / 16))
  })

  it('returns fresh arrays: changing one result leaves the next intact', () => {
    const first = loadDigits()
    first.X[0]![2] = 99
    first.y[0] = 7
    const second = loadDigits()
    expect(second.X[0]![2]).toBe(5)
    expect(second.y[0]).toBe(0)
  })

  it('splits with trainTestSplit, stratified', () => {
    const { train, test } = trainTestSplit(loadDigits(), {
      testSize: 0.25,
      stratify: true,
      seed: 0,
    })
    expect([train.X.length, test.X.length]).toEqual([1347, 450])
    expect(new Set(test.y).size).toBe(10)
  })

  it.each([0, 11, 2.5, Number.NaN, '3'])('rejects nClass = %s', (nClass) => {
    expectParameterError(() => loadDigits({ nClass: nClass as number }), 'nClass', nClass)
  })

  it('rejects options that are not an object', () => {
    expectParameterError(() => loadDigits(null as never), 'options', null)
  })

  it('rejects a scale that is not a boolean', () => {
    expectParameterError(() => loadDigits({ scale: 1 as unknown as boolean }), 'scale', 1)
  })
})

describe('the entry points', () => {
  it('keep the data out of @mg/datasets: only the digits entry imports it', () => {
    const source = new URL('../src/', import.meta.url)
    const importers = readdirSync(source).filter((file) =>
      /from '\.\/(load-digits|digits-data)\.js'/.test(readFileSync(new URL(file, source), 'utf8')),
    )
    expect(importers.sort()).toEqual(['digits.ts', 'load-digits.ts'])
  })
})
