import { describe, expect, it } from 'vitest'
import {
  EngineError,
  gradcheck,
  InvalidOperandError,
  InvalidOptionError,
  LengthMismatchError,
  NonFiniteGradientError,
  NonFiniteResultError,
  numericalGradient,
  Value,
} from '../src/index.js'
import { catchError } from './support/catch-error.js'

const one = new Value(1)

describe('bad input', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '3', undefined, null])(
    'refuses to make a Value from %s',
    (bad) => {
      const make = () => new Value(bad as number)
      expect(make).toThrow(InvalidOperandError)
      expect(make).toThrow(/Value: expected a finite number/)
    },
  )

  it.each(['add', 'sub', 'mul', 'div', 'pow'] as const)(
    '%s refuses a NaN or infinite operand, naming the op',
    (op) => {
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, '2']) {
        const apply = () => one[op](bad as number)
        expect(apply).toThrow(InvalidOperandError)
        expect(apply).toThrow(new RegExp(`^${op}: expected a finite number or a Value, received`))
      }
    },
  )

  it('refuses NaN inside sum and dot', () => {
    expect(() => Value.sum([one, Number.NaN])).toThrow(/^sum: expected a finite number/)
    expect(() => Value.dot([1, 2], [one, Number.NaN])).toThrow(/^dot: expected a finite number/)
  })

  it('refuses dot lists of different lengths', () => {
    const error = catchError(() => Value.dot([1, 2, 3], [one]))
    expect(error).toBeInstanceOf(LengthMismatchError)
    expect(error).toMatchObject({ what: 'dot', expected: 3, received: 1 })
  })

  it.each([
    ['log of 0', () => new Value(0).log(), 'log', [0]],
    ['log of a negative number', () => new Value(-1).log(), 'log', [-1]],
    ['division by 0', () => new Value(1).div(0), 'div', [1, 0]],
    ['exp overflow', () => new Value(710).exp(), 'exp', [710]],
    ['0 to a negative power', () => new Value(0).pow(-1), 'pow', [0, -1]],
    ['a negative base to a fractional power', () => new Value(-8).pow(1 / 3), 'pow', [-8, 1 / 3]],
    ['a product overflow', () => new Value(1e200).mul(1e200), 'mul', [1e200, 1e200]],
  ] as const)('throws on %s, naming the op and its inputs', (_, run, op, inputs) => {
    const error = catchError(run)
    expect(error).toBeInstanceOf(NonFiniteResultError)
    expect(error).toBeInstanceOf(EngineError)
    expect(error).toMatchObject({ op, inputs, name: 'NonFiniteResultError' })
    expect((error as Error).message).toContain(`${op}(${inputs.join(', ')})`)
  })

  it('throws when a gradient overflows, naming the node', () => {
    const x = new Value(0, { label: 'x' })
    const root = x.pow(0.5) // finite value 0, infinite slope
    const error = catchError(() => root.backward())
    expect(error).toBeInstanceOf(NonFiniteGradientError)
    expect(error).toMatchObject({ label: 'x', grad: Number.POSITIVE_INFINITY })
  })

  it('keeps sigmoid finite and exact for large |x|', () => {
    expect(new Value(1000).sigmoid().data).toBe(1)
    expect(new Value(-1000).sigmoid().data).toBe(0)
    expect(new Value(-40).sigmoid().data).toBeCloseTo(Math.exp(-40), 30)
    // e^-745 is the smallest double; 1 / (1 + e^745) would round it away to 0.
    expect(new Value(-745).sigmoid().data).toBe(Math.exp(-745))
    const x = new Value(-800)
    x.sigmoid().backward()
    expect(x.grad).toBe(0)
  })

  it('refuses bad numerical-gradient options', () => {
    const f = ([x]: Value[]) => x!.mul(2)
    expect(() => numericalGradient(f, [1], { h: 0 })).toThrow(InvalidOptionError)
    expect(() => numericalGradient(f, [1], { h: Number.NaN })).toThrow(
      /^h: expected a finite number greater than 0/,
    )
    expect(() => numericalGradient(f, [1], { method: 'backward' as 'forward' })).toThrow(
      /^method: expected/,
    )
    expect(() => numericalGradient(f, [Number.NaN])).toThrow(InvalidOperandError)
    expect(() => gradcheck(f, [1], { tolerance: -1 })).toThrow(/^tolerance: expected/)
  })

  it('passes the cause along', () => {
    const cause = new Error('root cause')
    expect(new EngineError('wrapped', { cause }).cause).toBe(cause)
  })
})
