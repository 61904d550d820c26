import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { describeValue } from '../src/index.js'

describe('describeValue', () => {
  it.each([
    ['a string, quoted', '16,,16', '"16,,16"'],
    ['an empty string', '', '""'],
    ['a string with quotes and a newline', 'say "hi"\n', '"say \\"hi\\"\\n"'],
    ['a number', 1.5, '1.5'],
    ['negative zero', -0, '-0'],
    ['NaN', Number.NaN, 'NaN'],
    ['Infinity', Number.NEGATIVE_INFINITY, '-Infinity'],
    ['a bigint', 10n, '10n'],
    ['a symbol', Symbol('seed'), 'Symbol(seed)'],
    ['a symbol without description', Symbol(), 'Symbol()'],
    ['true', true, 'true'],
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['an array', [1, 2, 3], 'an array of length 3'],
    ['a typed array', new Float64Array(4), 'a Float64Array of length 4'],
    ['an Int8Array', new Int8Array(2), 'an Int8Array of length 2'],
    ['an empty object', {}, 'an empty object'],
    ['an object', { nSamples: 100, noise: 0.1 }, 'an object with keys nSamples, noise'],
    ['an object with one key', { x: 1 }, 'an object with key x'],
    ['odd keys', { 'two words': 1, '': 2 }, 'an object with keys "two words", ""'],
    [
      'a null-prototype object',
      Object.assign(Object.create(null), { a: 1 }),
      'an object with key a',
    ],
    ['a Map', new Map(), 'a Map'],
    ['a Date', new Date(0), 'a Date'],
    ['an Error', new Error('inner'), 'an Error'],
    ['a class instance', new (class Value {})(), 'a Value'],
    ['a named function', function train() {}, 'a function named train'],
    [
      'an arrow function',
      (
        () => () =>
          0
      )(),
      'a function',
    ],
  ])('describes %s', (_, value, expected) => {
    expect(describeValue(value)).toBe(expected)
  })

  it('cuts long strings after 60 characters', () => {
    const long = 'x'.repeat(100)
    expect(describeValue(long)).toBe(`"${'x'.repeat(60)}…"`)
    expect(describeValue('y'.repeat(60))).toBe(`"${'y'.repeat(60)}"`)
  })

  it('shows at most five keys of a large object', () => {
    const wide = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`k${i}`, i]))
    expect(describeValue(wide)).toBe('an object with keys k0, k1, k2, k3, k4, … (8 keys)')
  })

  it('survives cyclic objects, huge arrays and hostile proxies', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' }
    cyclic.self = cyclic
    expect(describeValue(cyclic)).toBe('an object with keys name, self')
    const cyclicArray: unknown[] = []
    cyclicArray.push(cyclicArray)
    expect(describeValue(cyclicArray)).toBe('an array of length 1')
    expect(describeValue(new Array(1e6))).toBe('an array of length 1000000')
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    expect(describeValue(proxy)).toBe('an object')
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no keys for you')
        },
      },
    )
    expect(describeValue(hostile)).toBe('an object')
  })

  it('never throws and always returns a non-empty string', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true }), (value) => {
        const text = describeValue(value)
        expect(typeof text).toBe('string')
        expect(text.length).toBeGreaterThan(0)
      }),
    )
  })
})
