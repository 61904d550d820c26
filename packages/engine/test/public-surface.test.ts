import { describe, expect, it } from 'vitest'
import {
  describePublicSurface,
  type SurfaceEntry,
} from '../../common/test/support/public-surface.js'
import * as engine from '../src/index.js'
import {
  CompiledGraph,
  compileGraph,
  gradcheck,
  holdValues,
  InvalidOperandError,
  InvalidOptionError,
  isGradEnabled,
  MgError,
  matchNeuron,
  noGrad,
  numericalGradient,
  topologicalSort,
  Value,
  walkGraph,
  zeroGrad,
} from '../src/index.js'
import { catchError } from './support/catch-error.js'

// TypeScript-private members, visible at run time but not part of the API.
const PRIVATE = ['Value#binary', 'Value#unary', 'Value.derive']

function smallGraph() {
  const x = new Value(0.5, { label: 'x' })
  const w = new Value(-2, { label: 'w' })
  const output = x.mul(w).tanh()
  return { x, w, output, graph: compileGraph({ output, parameters: [w], inputs: [x] }) }
}

// Takes any number of inputs, so that only the library's checks decide what is refused.
const square = (inputs: Value[]) => Value.dot(inputs, inputs)

const ENTRIES: SurfaceEntry[] = [
  {
    name: 'Value',
    args: [1, { label: 'a' }],
    run: (data: number, options) => new Value(data, options),
  },
  { name: 'Value.sum', args: [[1, new Value(2)]], run: (values: Value[]) => Value.sum(values) },
  {
    name: 'Value.dot',
    args: [
      [1, 2],
      [new Value(3), 4],
    ],
    run: (xs: Value[], ws: Value[]) => Value.dot(xs, ws),
  },
  ...(['add', 'sub', 'mul', 'div', 'pow'] as const).map(
    (op): SurfaceEntry => ({
      name: `Value#${op}`,
      args: [2],
      run: (other: number) => new Value(3)[op](other),
    }),
  ),
  ...(
    [
      'neg',
      'relu',
      'tanh',
      'exp',
      'log',
      'sigmoid',
      'sin',
      'cos',
      'abs',
      'backward',
      'toString',
    ] as const
  ).map(
    (method): SurfaceEntry => ({
      name: `Value#${method}`,
      args: [],
      run: () => new Value(0.5)[method](),
    }),
  ),
  { name: 'zeroGrad', args: [[new Value(1)]], run: (values: Value[]) => zeroGrad(values) },
  {
    name: 'holdValues',
    args: [[new Value(1)], () => {}],
    run: (values: Value[], handBack: () => void) => holdValues(values, handBack),
  },
  { name: 'Value#toJSON', args: [], run: () => new Value(1).toJSON() },
  // data and grad take anything: ops refuse a non-finite number where they use it.
  ...(['data', 'grad'] as const).map(
    (field): SurfaceEntry => ({
      name: `Value#${field}=`,
      args: [1],
      run: (number: number) => {
        new Value(0)[field] = number
      },
      anything: [0],
    }),
  ),
  { name: 'noGrad', args: [() => 1], run: (fn: () => number) => noGrad(fn) },
  { name: 'isGradEnabled', args: [], run: () => isGradEnabled() },
  { name: 'topologicalSort', args: [new Value(1)], run: (root: Value) => topologicalSort(root) },
  { name: 'walkGraph', args: [new Value(1)], run: (root: Value) => walkGraph(root) },
  {
    name: 'matchNeuron',
    args: [Value.dot([1], [new Value(2)]), () => undefined],
    run: (dot: Value, consumer: () => undefined) => matchNeuron(dot, consumer),
  },
  {
    name: 'numericalGradient',
    args: [square, [3], { h: 1e-5 }],
    run: (f: typeof square, at: number[], options) => numericalGradient(f, at, options),
  },
  {
    name: 'gradcheck',
    args: [square, [3], { tolerance: 1e-4 }],
    run: (f: typeof square, at: number[], options) => gradcheck(f, at, options),
  },
  {
    name: 'compileGraph',
    args: [{ output: smallGraph().output }],
    run: (options: never) => compileGraph(options),
  },
  {
    name: 'CompiledGraph',
    args: (() => {
      const { graph, x, w } = smallGraph()
      return [(graph as unknown as { tape: unknown }).tape, [w], [x]]
    })(),
    run: (tape: never, parameters: Value[], inputs: Value[]) =>
      new CompiledGraph(tape, parameters, inputs),
  },
  {
    name: 'CompiledGraph#setInputs',
    args: [[1]],
    run: (data: number[]) => smallGraph().graph.setInputs(data),
  },
  ...(['forward', 'backward', 'zeroGrad', 'pullParameters', 'pushParameters'] as const).map(
    (method): SurfaceEntry => ({
      name: `CompiledGraph#${method}`,
      args: [],
      run: () => {
        const { graph } = smallGraph()
        graph.forward()
        graph[method]()
      },
    }),
  ),
]

describePublicSurface(engine, ENTRIES, { internal: PRIVATE, snapshot: true })

describe('the wrong arguments of issue 17, each refused naming the argument', () => {
  it.each([
    ['Value.sum(undefined)', () => Value.sum(undefined as never), 'values'],
    ['Value.dot(null, null)', () => Value.dot(null as never, null as never), 'xs'],
    ['noGrad(5)', () => noGrad(5 as never), 'fn'],
    ['zeroGrad(null)', () => zeroGrad(null as never), 'values'],
    ['zeroGrad([1])', () => zeroGrad([1] as never), 'values[0]'],
    ['topologicalSort(null)', () => topologicalSort(null as never), 'root'],
    ['walkGraph(2)', () => walkGraph(2 as never), 'root'],
    ['compileGraph(undefined)', () => compileGraph(undefined as never), 'options'],
    [
      'compileGraph given one Value for parameters',
      () => {
        const w = new Value(1)
        return compileGraph({ output: w.mul(2), parameters: w as never })
      },
      'parameters',
    ],
    [
      'compileGraph given a number among the inputs',
      () => compileGraph({ output: new Value(1).mul(2), inputs: [3] as never }),
      'inputs[0]',
    ],
    ["numericalGradient(f, '12')", () => numericalGradient(square, '12' as never), 'at'],
    [
      'numericalGradient(f, [1], null)',
      () => numericalGradient(square, [1], null as never),
      'options',
    ],
    ['gradcheck of a function returning a number', () => gradcheck(() => 1 as never, [1]), 'f'],
    ['gradcheck(f, [1], null)', () => gradcheck(square, [1], null as never), 'options'],
    ['new Value(1, null)', () => new Value(1, null as never), 'options'],
    ['new Value(1, { label: 5 })', () => new Value(1, { label: 5 as never }), 'label'],
    ['matchNeuron(undefined, f)', () => matchNeuron(undefined as never, () => undefined), 'dot'],
    [
      'matchNeuron with a consumer returning a number',
      () => matchNeuron(Value.dot([1], [new Value(1)]), () => 3 as never),
      'soleConsumer',
    ],
    ['setInputs(null)', () => smallGraph().graph.setInputs(null as never), 'data'],
    ['new CompiledGraph()', () => new CompiledGraph(undefined as never, [], []), 'tape'],
  ])('%s', (_, run, option) => {
    const error = catchError(run)
    expect(error).toBeInstanceOf(InvalidOptionError)
    expect(error).toMatchObject({ option })
  })

  it('names the function that was called, not a helper it calls', () => {
    expect(catchError(() => gradcheck(() => 1 as never, [1]))).toMatchObject({
      functionName: 'gradcheck',
    })
    expect((catchError(() => Value.sum(undefined as never)) as Error).message).toMatch(
      /^Value\.sum: values: expected an array/,
    )
  })

  it('refuses a point of numericalGradient that is not a finite number', () => {
    expect(() => numericalGradient(square, [1, '2' as never])).toThrow(InvalidOperandError)
  })

  it('refuses an estimate that overflows instead of returning Infinity', () => {
    // f(1.5) − f(−1.5) = 3e308 overflows although every value of f is finite.
    const steep = ([x]: Value[]) => x!.mul(1e308)
    expect(() => numericalGradient(steep, [0], { h: 1.5 })).toThrow(MgError)
  })

  it('leaves every gradient as it was when zeroGrad is given a bad entry', () => {
    const w = new Value(1)
    w.grad = 5
    expect(() => zeroGrad([w, 'x' as never])).toThrow(InvalidOptionError)
    expect(w.grad).toBe(5)
  })

  it('still takes any iterable of Values in zeroGrad', () => {
    const w = new Value(1)
    w.grad = 5
    zeroGrad(new Set([w]))
    expect(w.grad).toBe(0)
  })
})
