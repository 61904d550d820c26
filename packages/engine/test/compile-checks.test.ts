import { describe, expect, it } from 'vitest'
import {
  compileGraph,
  DataLengthError,
  InvalidOperandError,
  InvalidOptionError,
  Value,
} from '../src/index.js'
import { catchError } from './support/catch-error.js'

const INFINITIES = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN]

/** `op(x · w + b)` over two inputs, compiled: every op here turns ±Infinity into a finite number. */
function compiled(op: 'tanh' | 'sigmoid' | 'relu' | 'exp') {
  const xs = [new Value(0, { label: 'x0' }), new Value(0, { label: 'x1' })]
  const ws = [new Value(0.5, { label: 'w0' }), new Value(-0.25, { label: 'w1' })]
  const b = new Value(0.1, { label: 'b' })
  const output = Value.dot(xs, ws).add(b)[op]().mul(1)
  return compileGraph({ output, parameters: [...ws, b], inputs: xs })
}

describe('a compiled forward() refuses non-finite inputs and parameters', () => {
  it.each(['tanh', 'sigmoid', 'relu', 'exp'] as const)(
    'of %s, which would otherwise give a finite output',
    (op) => {
      for (const bad of INFINITIES) {
        const graph = compiled(op)
        graph.inputData[1] = bad
        const error = catchError(() => graph.forward())
        expect(error).toBeInstanceOf(InvalidOperandError)
        expect((error as Error).message).toMatch(/^forward: inputData\[1\] \(labelled "x1"\)/)
        expect(Object.is((error as InvalidOperandError).operand, bad)).toBe(true)
      }
    },
  )

  it('names a non-finite parameter by its slot and label', () => {
    const graph = compiled('tanh')
    graph.parameterData[2] = Number.NEGATIVE_INFINITY
    expect(catchError(() => graph.forward())).toMatchObject({
      op: 'forward: parameterData[2] (labelled "b")',
      operand: Number.NEGATIVE_INFINITY,
    })
  })

  it('names a parameter pulled from a Value whose data was overwritten', () => {
    const w = new Value(1, { label: 'w' })
    const graph = compileGraph({ output: w.mul(2).tanh(), parameters: [w] })
    w.data = Number.POSITIVE_INFINITY
    graph.pullParameters()
    expect(() => graph.forward()).toThrow(/parameterData\[0\] \(labelled "w"\)/)
  })

  it('runs again once the data is finite', () => {
    const graph = compiled('sigmoid')
    graph.inputData[0] = Number.NaN
    expect(() => graph.forward()).toThrow(InvalidOperandError)
    graph.inputData[0] = 2
    expect(graph.forward()).toBeCloseTo(1 / (1 + Math.exp(-(2 * 0.5 + 0.1))), 14)
  })
})

describe('setInputs checks everything before writing anything', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY, '3', null])(
    'leaves inputData as it was when a later entry is %s',
    (bad) => {
      const graph = compiled('tanh')
      graph.setInputs([1, 2])
      expect(() => graph.setInputs([7, bad as number])).toThrow(InvalidOperandError)
      expect([...graph.inputData]).toEqual([1, 2])
    },
  )

  it('leaves inputData as it was for the wrong length or a non-array', () => {
    const graph = compiled('tanh')
    graph.setInputs(Float64Array.of(1, 2))
    expect(() => graph.setInputs([7])).toThrow(DataLengthError)
    expect(() => graph.setInputs(7 as never)).toThrow(InvalidOptionError)
    expect([...graph.inputData]).toEqual([1, 2])
  })
})
