import { describe, expect, it } from 'vitest'
import {
  compileGraph,
  DataLengthError,
  DuplicateDeclarationError,
  EngineError,
  InvalidOperandError,
  InvalidOptionError,
  NonFiniteGradientError,
  NonFiniteResultError,
  NotALeafError,
  UnreachableValueError,
  UnsupportedOpError,
  Value,
} from '../src/index.js'
import { catchError } from './support/catch-error.js'

describe('compileGraph rejects declarations the graph cannot honour', () => {
  it('names a parameter the output does not depend on', () => {
    const w = new Value(1, { label: 'w' })
    const unused = new Value(2, { label: 'unused' })
    const error = catchError(() => compileGraph({ output: w.mul(2), parameters: [w, unused] }))
    expect(error).toBeInstanceOf(UnreachableValueError)
    expect(error).toBeInstanceOf(EngineError)
    expect(error).toMatchObject({ role: 'parameter', index: 1, label: 'unused' })
    expect((error as Error).message).toMatch(/parameter 1 \(labelled "unused"\) is not reachable/)
  })

  it('detects data-dependent code that read an input through .data', () => {
    const x = new Value(3, { label: 'x' })
    const w = new Value(0.5)
    // Branching on x.data and using it as a number records a constant, not x.
    const output = x.data > 0 ? w.mul(x.data) : w.neg()
    expect(() => compileGraph({ output, parameters: [w], inputs: [x] })).toThrow(
      UnreachableValueError,
    )
  })

  it('detects an output built under noGrad, which records no graph', () => {
    const w = new Value(2)
    const output = new Value(w.mul(3).data)
    const error = catchError(() => compileGraph({ output, parameters: [w] }))
    expect(error).toMatchObject({ role: 'parameter', index: 0 })
  })

  it('names an observed value outside the graph', () => {
    const w = new Value(2)
    const elsewhere = w.mul(5)
    const error = catchError(() =>
      compileGraph({ output: w.mul(3), parameters: [w], observed: [elsewhere] }),
    )
    expect(error).toMatchObject({ role: 'observed', index: 0 })
  })

  it('refuses a declared parameter or input that is the result of an op', () => {
    const w = new Value(2)
    const doubled = w.mul(2)
    const error = catchError(() => compileGraph({ output: doubled.tanh(), inputs: [doubled] }))
    expect(error).toBeInstanceOf(NotALeafError)
    expect(error).toMatchObject({ role: 'input', index: 0, op: 'mul' })
  })

  it('refuses a Value declared twice', () => {
    const w = new Value(2)
    const error = catchError(() => compileGraph({ output: w.mul(w), parameters: [w], inputs: [w] }))
    expect(error).toBeInstanceOf(DuplicateDeclarationError)
    expect(error).toMatchObject({ first: 'parameter 0', second: 'input 0' })
  })

  it('names an op it cannot replay', () => {
    const w = new Value(2)
    const output = w.mul(3)
    // No public op is unsupported; stand in for one added to Value without a replay kernel.
    Object.assign(output, { _op: 'max' })
    const error = catchError(() => compileGraph({ output, parameters: [w] }))
    expect(error).toBeInstanceOf(UnsupportedOpError)
    expect(error).toMatchObject({ op: 'max' })
    expect(w.grad).toBe(0)
  })

  it('refuses an output that is not a Value', () => {
    expect(() => compileGraph({ output: 3 as unknown as Value })).toThrow(InvalidOptionError)
    expect(() => compileGraph({ output: 3 as unknown as Value })).toThrow(
      'compileGraph: output: expected a Value',
    )
  })
})

describe('a compiled graph checks its data', () => {
  it('wants one number per input in setInputs', () => {
    const x = new Value(1)
    const graph = compileGraph({ output: x.mul(2), inputs: [x] })
    const error = catchError(() => graph.setInputs([1, 2]))
    expect(error).toBeInstanceOf(DataLengthError)
    expect(error).toMatchObject({ expected: 1, received: 2 })
    expect(() => graph.setInputs([Number.NaN])).toThrow(InvalidOperandError)
  })

  it('raises the dynamic engine’s error, never NaN, when a result stops being finite', () => {
    const x = new Value(1)
    const graph = compileGraph({ output: x.log().mul(2), inputs: [x] })
    graph.setInputs([0])
    const error = catchError(() => graph.forward())
    expect(error).toBeInstanceOf(NonFiniteResultError)
    expect(error).toMatchObject({ op: 'log', inputs: [0], result: Number.NEGATIVE_INFINITY })
    expect(() => new Value(0).log()).toThrow(NonFiniteResultError)
  })

  it('sees an overflow that a fused activation would hide', () => {
    const x = new Value(1)
    const w = new Value(1)
    // tanh(huge) is a finite 1, but the dot below it overflows, which the Value API reports.
    const output = Value.dot([x, x], [w, w]).add(1).tanh()
    const graph = compileGraph({ output, parameters: [w], inputs: [x] })
    graph.setInputs([1e308])
    graph.parameterData[0] = 10
    const error = catchError(() => graph.forward())
    expect(error).toBeInstanceOf(NonFiniteResultError)
    expect(error).toMatchObject({ op: 'dot', result: Number.POSITIVE_INFINITY })
  })

  it('names a fused activation whose own result is not finite, with the dynamic engine’s inputs', () => {
    const x = new Value(1)
    const w = new Value(1)
    const b = new Value(0)
    const neuron = (activation: 'log' | 'exp') => Value.dot([x], [w]).add(b)[activation]()
    for (const [activation, input, result] of [
      ['log', -3, Number.NaN],
      ['exp', 800, Number.POSITIVE_INFINITY],
    ] as const) {
      const graph = compileGraph({ output: neuron(activation), parameters: [w, b], inputs: [x] })
      graph.setInputs([input])
      const compiled = catchError(() => graph.forward())
      x.data = input
      const dynamic = catchError(() => neuron(activation))
      expect(compiled).toBeInstanceOf(NonFiniteResultError)
      expect(compiled).toMatchObject({ op: activation, inputs: [input], result })
      expect(dynamic).toMatchObject({ op: activation, inputs: [input], result })
    }
  })

  it('raises NonFiniteGradientError when a derivative overflows, as backward() does', () => {
    const x = new Value(1, { label: 'x' })
    const output = x.pow(0.5)
    const graph = compileGraph({ output, inputs: [x] })
    graph.setInputs([0])
    expect(graph.forward()).toBe(0)
    const error = catchError(() => graph.backward())
    expect(error).toBeInstanceOf(NonFiniteGradientError)
    expect(error).toMatchObject({ label: 'x', grad: Number.POSITIVE_INFINITY })
    const dynamic = new Value(0, { label: 'x' })
    expect(() => dynamic.pow(0.5).backward()).toThrow(NonFiniteGradientError)
  })

  it('names the node whose gradient overflowed inside the graph, as backward() does', () => {
    const build = (w: Value) => {
      const k = w.mul(2)
      k.label = 'k'
      return k.mul(1e200).mul(1e200)
    }
    const w = new Value(1e-300)
    const graph = compileGraph({ output: build(w), parameters: [w] })
    expect(graph.forward()).toBeCloseTo(2e100, -90)
    const compiled = catchError(() => graph.backward())
    const dynamic = catchError(() => build(new Value(1e-300)).backward())
    expect(compiled).toBeInstanceOf(NonFiniteGradientError)
    expect(compiled).toMatchObject({ op: 'mul', label: 'k', grad: Number.POSITIVE_INFINITY })
    expect(dynamic).toMatchObject({ op: 'mul', label: 'k', grad: Number.POSITIVE_INFINITY })
  })
})
