import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allFinite, InvalidOptionError } from '../src/index.js'

describe('allFinite', () => {
  it('agrees with Number.isFinite on every entry up to the end, in every array type', () => {
    const entry = fc.oneof(
      fc.double(),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e308),
    )
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), fc.nat(), (numbers, cut) => {
        const end = numbers.length === 0 ? 0 : cut % (numbers.length + 1)
        const expected = numbers.slice(0, end).every(Number.isFinite)
        expect(allFinite(numbers, end)).toBe(expected)
        expect(allFinite(Float64Array.from(numbers), end)).toBe(expected)
        // float32 rounds 1e308 up to Infinity: the check sees the stored number.
        const float32 = Float32Array.from(numbers)
        expect(allFinite(float32, end)).toBe(
          Array.from(float32.subarray(0, end)).every(Number.isFinite),
        )
        expect(allFinite(numbers)).toBe(numbers.every(Number.isFinite))
      }),
    )
  })

  it('refuses what is not a list of numbers, and an end outside it', () => {
    expect(() => allFinite({ length: 2 } as never)).toThrow(InvalidOptionError)
    expect(() => allFinite(new DataView(new ArrayBuffer(8)) as never)).toThrow(InvalidOptionError)
    expect(() => allFinite([1, 2], 3)).toThrow('end: expected a whole number from 0 to 2')
    expect(() => allFinite([1, 2], 0.5)).toThrow(InvalidOptionError)
  })
})
