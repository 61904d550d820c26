import { describe, expect, it } from 'vitest'
import { InvalidOperandError, OPS, Value } from '../src/index.js'
import { catchError } from './support/catch-error.js'

// `data` is writable (optimizers write it), so anything can be found there when an op runs.
const BAD_DATA: readonly unknown[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  '2',
  null,
  undefined,
  true,
]

/** A leaf whose data was overwritten with `data` after it was made. */
function holding(data: unknown): Value {
  const value = new Value(1)
  value.data = data as number
  return value
}

function expectRefusal(run: () => unknown, op: string, data: unknown): void {
  const error = catchError(run)
  expect(error).toBeInstanceOf(InvalidOperandError)
  expect(error).toMatchObject({ op })
  expect(Object.is((error as InvalidOperandError).operand, data)).toBe(true)
  expect((error as Error).message).toMatch(new RegExp(`^${op}: expected a Value whose data`))
}

const unaryOps = Object.values(OPS).filter((op) => op.arity === 1)
const binaryOps = Object.values(OPS).filter((op) => op.arity === 2)

describe('ops refuse a non-finite or non-number written into data, naming the op', () => {
  it.each(unaryOps.map((op) => op.name))('%s', (name) => {
    for (const data of BAD_DATA)
      expectRefusal(
        () => (holding(data) as unknown as Record<string, () => Value>)[name]!(),
        name,
        data,
      )
  })

  it.each(binaryOps.map((op) => op.name))('%s, in either operand', (name) => {
    for (const data of BAD_DATA) {
      const method = name as 'add' | 'mul' | 'pow'
      expectRefusal(() => holding(data)[method](new Value(2)), name, data)
      expectRefusal(() => new Value(2)[method](holding(data)), name, data)
    }
  })

  it.each(['sub', 'div'] as const)('the derived %s, in either operand', (name) => {
    for (const data of BAD_DATA) {
      expectRefusal(() => holding(data)[name](new Value(2)), name, data)
      expectRefusal(() => new Value(2)[name](holding(data)), name, data)
    }
  })

  it('the derived neg', () => {
    for (const data of BAD_DATA) expectRefusal(() => holding(data).neg(), 'neg', data)
  })

  it('sum and dot, in any position', () => {
    for (const data of BAD_DATA) {
      expectRefusal(() => Value.sum([new Value(1), holding(data), 3]), 'sum', data)
      expectRefusal(() => Value.dot([holding(data), 1], [new Value(1), 2]), 'dot', data)
      expectRefusal(() => Value.dot([1, 2], [new Value(1), holding(data)]), 'dot', data)
    }
  })

  it.each([
    ['NaN.pow(0), which would be 1', () => holding(Number.NaN).pow(0), 'pow'],
    ['Infinity.tanh(), which would be 1', () => holding(Number.POSITIVE_INFINITY).tanh(), 'tanh'],
    ['-Infinity.relu(), which would be 0', () => holding(Number.NEGATIVE_INFINITY).relu(), 'relu'],
    ["'2' times 3, which would be 6", () => holding('2').mul(3), 'mul'],
    [
      'sigmoid of -Infinity, which would be 0',
      () => holding(Number.NEGATIVE_INFINITY).sigmoid(),
      'sigmoid',
    ],
    ['exp of -Infinity, which would be 0', () => holding(Number.NEGATIVE_INFINITY).exp(), 'exp'],
  ] as const)('%s', (_, run, op) => {
    expect(catchError(run)).toMatchObject({ op, name: 'InvalidOperandError' })
  })

  it('records nothing for a refused op: the operand keeps no new consumer', () => {
    const x = holding(Number.NaN)
    expect(() => x.tanh()).toThrow(InvalidOperandError)
    x.data = 0.5
    const y = x.tanh()
    y.backward()
    expect(x.grad).toBeCloseTo(1 - Math.tanh(0.5) ** 2, 15)
  })

  it('still computes every op on finite data written into data', () => {
    const x = new Value(1)
    x.data = 2
    expect(x.mul(3).data).toBe(6)
    expect(Value.sum([x, 1]).data).toBe(3)
    expect(Value.dot([x], [x]).data).toBe(4)
  })
})
