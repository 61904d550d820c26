/*
 * What each error says, and that a compiled graph names the same op, inputs and node as the
 * dynamic engine would: the messages are kept in a snapshot, so each stays readable and changes
 * only on purpose.
 */
import { describe, expect, it } from 'vitest'
import {
  CompiledGraph,
  compileGraph,
  DataLengthError,
  DuplicateDeclarationError,
  EngineError,
  gradcheck,
  InvalidOperandError,
  matchNeuron,
  NonFiniteGradientError,
  NonFiniteResultError,
  NotALeafError,
  numericalGradient,
  UnreachableValueError,
  UnsupportedOpError,
  Value,
  zeroGrad,
} from '../src/index.js'
import { catchError } from './support/catch-error.js'

/** `x` with `data` written after it was made. */
function holding(data: unknown, label = ''): Value {
  const value = new Value(1, { label })
  value.data = data as number
  return value
}

const graphOf = () => {
  const x = new Value(0, { label: 'x' })
  const w = new Value(1, { label: 'w' })
  return { x, w, graph: compileGraph({ output: x.mul(w).tanh(), parameters: [w], inputs: [x] }) }
}

describe('error messages', () => {
  it('say what was expected, what was received and how to fix it', () => {
    const square = (inputs: Value[]) => Value.dot(inputs, inputs)
    const messages = [
      new InvalidOperandError('add', '2'),
      new InvalidOperandError('tanh', Number.NaN, 'data'),
      new NonFiniteResultError('log', [0], Number.NEGATIVE_INFINITY),
      new NonFiniteGradientError('', '', Number.NaN),
      new NonFiniteGradientError('tanh', 'h1', Number.POSITIVE_INFINITY),
      new NonFiniteGradientError('', 'w', Number.POSITIVE_INFINITY),
      new UnreachableValueError('input', 0, ''),
      new UnreachableValueError('parameter', 2, 'w'),
      new UnreachableValueError('observed', 1, 'score'),
      new NotALeafError('input', 3, 'mul'),
      new DuplicateDeclarationError('parameter 0', 'input 1'),
      new DataLengthError('setInputs', 2, 3),
      new UnsupportedOpError('softplus'),
      catchError(() => zeroGrad([new Value(1), 'x' as never])),
      catchError(() => compileGraph({ output: new Value(1).mul(2), parameters: [3] as never })),
      catchError(() =>
        compileGraph({ output: new Value(1).mul(2), inputs: new Value(1) as never }),
      ),
      catchError(() => matchNeuron(Value.dot([1], [new Value(1)]), () => 3 as never)),
      catchError(() => numericalGradient(square, [1, Number.NaN])),
      catchError(() => numericalGradient(([x]: Value[]) => x!.mul(1e308), [0], { h: 1.5 })),
      catchError(() => numericalGradient(() => 1 as never, [1])),
      catchError(() => numericalGradient(square, [1], { step: 1e-3 } as never)),
      catchError(() => gradcheck(square, [1], { tolerence: 1e-3 } as never)),
      catchError(() => new Value(1, { lable: 'x' } as never)),
      catchError(() => compileGraph({ output: new Value(1).mul(2), paramters: [] } as never)),
      catchError(() => compileGraph({ output: 2 as never })),
      catchError(() =>
        compileGraph({ output: new Value(1).mul(2), precision: 'float16' as never }),
      ),
      catchError(() => compileGraph({ output: new Value(1).mul(2), simd: 'yes' as never })),
      catchError(() => compileGraph({ output: new Value(1).mul(2), observed: 3 as never })),
      catchError(() => gradcheck(square, [1], { tolerance: 0 })),
      catchError(() => graphOf().graph.setInputs([Number.NaN])),
      catchError(() => graphOf().graph.setInputs(5 as never)),
      catchError(
        () => new CompiledGraph((graphOf().graph as never as { tape: never }).tape, [], []),
      ),
      catchError(() => {
        const { graph } = graphOf()
        graph.inputData[0] = Number.POSITIVE_INFINITY
        graph.forward()
      }),
      catchError(() => {
        const { graph } = graphOf()
        graph.parameterData[0] = Number.NaN
        graph.forward()
      }),
      catchError(() => holding(Number.NaN).div(2)),
      catchError(() => new Value(-1).div(0)),
    ].map((error) => `${(error as Error).name}: ${(error as Error).message}`)
    expect(messages).toMatchSnapshot()
  })

  it('give the infinity a division by zero would have been', () => {
    expect(catchError(() => new Value(2).div(0))).toMatchObject({
      op: 'div',
      inputs: [2, 0],
      result: Number.POSITIVE_INFINITY,
    })
    expect(catchError(() => new Value(-2).div(new Value(0)))).toMatchObject({
      result: Number.NEGATIVE_INFINITY,
    })
  })

  it('are all EngineErrors, carrying what they report', () => {
    const error = new NonFiniteGradientError('relu', 'h', Number.NaN)
    expect(error).toBeInstanceOf(EngineError)
    expect(error).toMatchObject({ op: 'relu', label: 'h', name: 'NonFiniteGradientError' })
  })
})

/** The error `run` throws on the dynamic engine and on the compiled graph of the same expression. */
function bothWays(
  build: (leaves: Value[]) => Value,
  recorded: number[],
  failing: number[],
  run: 'forward' | 'backward',
) {
  const dynamicLeaves = failing.map((data, index) => new Value(data, { label: `p${index}` }))
  const dynamic = catchError(() => {
    const output = build(dynamicLeaves)
    if (run === 'backward') output.backward()
  })
  const leaves = recorded.map((data, index) => new Value(data, { label: `p${index}` }))
  const graph = compileGraph({ output: build(leaves), parameters: leaves })
  graph.parameterData.set(failing)
  const compiled = catchError(() => {
    graph.forward()
    if (run === 'backward') graph.backward()
  })
  return { dynamic, compiled }
}

describe('a compiled graph names the failure as the dynamic engine does', () => {
  const neuron = (activation: 'exp' | 'tanh' | 'relu') => (p: Value[]) =>
    Value.dot([p[0]!, p[1]!], [p[2]!, p[3]!]).add(p[4]!)[activation]().mul(p[5]!)
  it.each([
    [
      'a sum that overflows',
      (p: Value[]) => Value.sum([p[0]!, p[1]!]).mul(p[2]!),
      [1, 2, 3],
      [1e308, 1e308, 1],
    ],
    [
      'a neuron whose dot overflows',
      neuron('tanh'),
      [1, 1, 1, 1, 0, 1],
      [1e200, 1e200, 1e200, 1e200, 0, 1],
    ],
    [
      'a neuron whose bias add overflows',
      neuron('tanh'),
      [1, 1, 1, 1, 0, 1],
      [1e308, 1, 1e308, 1, 1e308, 1],
    ],
    [
      'a neuron whose activation overflows',
      neuron('exp'),
      [1, 1, 1, 1, 0, 1],
      [30, 30, 30, 30, 1, 1],
    ],
    ['a log of 0', (p: Value[]) => p[0]!.mul(p[1]!).log(), [1, 1], [0, 1]],
    ['a power out of its domain', (p: Value[]) => p[0]!.pow(p[1]!).add(p[1]!), [2, 2], [-8, 0.5]],
  ])('forward: %s', (_, build, recorded, failing) => {
    const { dynamic, compiled } = bothWays(build, recorded, failing, 'forward')
    expect(dynamic).toBeInstanceOf(NonFiniteResultError)
    expect(compiled).toBeInstanceOf(NonFiniteResultError)
    const { op, inputs, result } = dynamic as NonFiniteResultError
    expect(compiled).toMatchObject({ op, inputs, result })
  })

  it.each([
    ['a neuron with a tanh', neuron('tanh'), [1, 1, 1, 1, 0, 1], [10, 0, 1e-301, 1, 0, 1e308]],
    ['a neuron with a relu', neuron('relu'), [1, 1, 1, 1, 0, 1], [10, 0, 1e-301, 1, 0, 1e308]],
    ['a square root at 0', (p: Value[]) => p[0]!.pow(0.5).mul(p[1]!), [1, 1], [0, 1]],
    [
      'a leaf only',
      (p: Value[]) => Value.dot([p[0]!, p[0]!], [p[1]!, p[1]!]),
      [1, 1],
      [1e-300, 1e308],
    ],
  ])('backward: %s', (_, build, recorded, failing) => {
    const { dynamic, compiled } = bothWays(build, recorded, failing, 'backward')
    expect(dynamic).toBeInstanceOf(NonFiniteGradientError)
    expect(compiled).toBeInstanceOf(NonFiniteGradientError)
    const { op, label, grad } = dynamic as NonFiniteGradientError
    expect(compiled).toMatchObject({ op, label, grad })
  })
})

describe('details', () => {
  it('names a non-finite first input as an input, not a parameter', () => {
    const { graph } = graphOf()
    graph.inputData[0] = Number.NaN
    expect(catchError(() => graph.forward())).toMatchObject({
      op: 'forward: inputData[0] (labelled "x")',
    })
  })

  it('names an unlabelled leaf without a label', () => {
    const x = new Value(0)
    const graph = compileGraph({ output: x.tanh(), inputs: [x] })
    graph.inputData[0] = Number.NaN
    expect(catchError(() => graph.forward())).toMatchObject({ op: 'forward: inputData[0]' })
  })

  it('adds into the gradient of an output that is itself a declared leaf', () => {
    const w = new Value(3)
    const graph = compileGraph({ output: w, parameters: [w] })
    graph.forward()
    graph.backward()
    graph.backward()
    expect(graph.parameterGrad[0]).toBe(2)
  })

  it('gradcheck: a tolerance of 0 is refused, an error equal to the tolerance passes', () => {
    expect(() => gradcheck((inputs) => Value.sum(inputs), [1], { tolerance: 0 })).toThrow(
      /tolerance/,
    )
    const exact = gradcheck((inputs) => Value.sum(inputs), [1, 2])
    expect(exact.ok).toBe(true)
    expect(exact.maxError).toBe(Math.max(...exact.entries.map((entry) => entry.error)))
    const loose = gradcheck((inputs) => Value.sum(inputs), [1], {
      tolerance: exact.maxError || Number.MIN_VALUE,
    })
    expect(loose.entries[0]!.ok).toBe(true)
  })

  it('gradcheck: one wrong gradient fails the report', () => {
    // relu's derivative at 0 is taken as 0; the central difference says 0.5.
    const report = gradcheck(([a, b]: Value[]) => a!.relu().add(b!.mul(2)), [0, 1])
    expect(report.entries.map((entry) => entry.ok)).toEqual([false, true])
    expect(report.ok).toBe(false)
    expect(report.maxError).toBeCloseTo(0.5, 6)
  })

  it('matchNeuron: only a leaf other than the dot is a bias, and only an op an activation', () => {
    const w = [new Value(1), new Value(2)]
    const dot = Value.dot([1, 2], w)
    expect(matchNeuron(w[0]!, () => undefined)).toBeUndefined()
    expect(matchNeuron(Value.dot([], []), () => undefined)).toBeUndefined()
    const doubled = dot.add(dot)
    expect(matchNeuron(dot, () => doubled)).toMatchObject({ biasAdd: undefined, output: dot })
    const computed = dot.add(w[0]!.mul(2))
    expect(matchNeuron(dot, () => computed)).toMatchObject({ bias: undefined, output: dot })
    const leaf = new Value(5)
    expect(matchNeuron(dot, () => leaf)).toMatchObject({ activation: undefined, output: dot })
  })

  it('prints in Deno as toString() does', () => {
    const value = new Value(2)
    const inspect = (value as unknown as Record<symbol, () => string>)[
      Symbol.for('Deno.customInspect')
    ]!
    expect(inspect.call(value)).toBe('Value(data=2, grad=0)')
  })
})
