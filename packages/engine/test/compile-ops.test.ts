import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileGraph, OPS, Value } from '../src/index.js'
import { microgradReadmeExpression } from './support/micrograd-readme.js'

/** Every one-input op of the table: an op added there is tested here with no edit. */
const UNARY = Object.values(OPS).flatMap((op) => (op.arity === 1 ? [op.name] : []))
type UnaryName = (typeof UNARY)[number]

/** A random expression over leaves `p0..p2` (parameters), `x0..x2` (inputs) and constants. */
type Expression =
  | { kind: 'leaf'; index: number }
  | { kind: 'constant'; value: number }
  | { kind: 'unary'; op: UnaryName | 'neg'; arg: Expression }
  | {
      kind: 'binary'
      op: 'add' | 'sub' | 'mul' | 'div' | 'pow'
      left: Expression
      right: Expression
    }
  | { kind: 'sum'; terms: Expression[] }
  | { kind: 'dot'; xs: Expression[]; ws: Expression[]; bias: boolean; activation: string }

const LEAVES = 6

const expression: fc.Arbitrary<Expression> = fc.letrec<{ node: Expression }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('leaf' as const), index: fc.nat(LEAVES - 1) }),
    fc.record({
      kind: fc.constant('constant' as const),
      value: fc.double({ min: -2, max: 2, noNaN: true }),
    }),
    fc.record({
      kind: fc.constant('unary' as const),
      op: fc.constantFrom<UnaryName | 'neg'>(...UNARY, 'neg'),
      arg: tie('node'),
    }),
    fc.record({
      kind: fc.constant('binary' as const),
      op: fc.constantFrom('add', 'sub', 'mul', 'div', 'pow' as const),
      left: tie('node'),
      right: tie('node'),
    }),
    fc.record({
      kind: fc.constant('sum' as const),
      terms: fc.array(tie('node'), { minLength: 1, maxLength: 4 }),
    }),
    fc
      .record({
        kind: fc.constant('dot' as const),
        xs: fc.array(tie('node'), { minLength: 1, maxLength: 4 }),
        ws: fc.array(tie('node'), { minLength: 4, maxLength: 4 }),
        bias: fc.boolean(),
        // log would need a positive sum: it is tested as a unary op of a squashed argument.
        activation: fc.constantFrom(...UNARY.filter((name) => name !== 'log'), 'none'),
      })
      .map((dot) => ({ ...dot, ws: dot.ws.slice(0, dot.xs.length) })),
  ),
})).node

/** Builds the expression with `Value` ops, squashing operands so every op stays in its domain. */
function build(node: Expression, leaves: readonly Value[]): Value {
  switch (node.kind) {
    case 'leaf':
      return leaves[node.index]!
    case 'constant':
      return new Value(node.value)
    case 'unary': {
      const arg = build(node.arg, leaves).tanh()
      if (node.op === 'log') return arg.mul(arg).add(0.5).log()
      if (node.op === 'neg') return arg.neg()
      return arg[node.op]()
    }
    case 'binary': {
      const left = build(node.left, leaves).tanh()
      const right = build(node.right, leaves).tanh()
      if (node.op === 'div') return left.div(right.mul(right).add(0.5))
      // A positive base keeps the exponent's gradient ln(base) defined.
      if (node.op === 'pow') return left.sigmoid().add(0.25).pow(right)
      return left[node.op](right)
    }
    case 'sum':
      return Value.sum(node.terms.map((term) => build(term, leaves).tanh()))
    case 'dot': {
      const xs = node.xs.map((x) => build(x, leaves))
      let total = Value.dot(
        xs,
        node.ws.map((w) => build(w, leaves)),
      )
      if (node.bias) total = total.add(leaves[0]!)
      return node.activation === 'none' ? total : total[node.activation as UnaryName]()
    }
  }
}

const data = fc.array(fc.double({ min: -1.5, max: 1.5, noNaN: true }), {
  minLength: LEAVES,
  maxLength: LEAVES,
})

function expectClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)))
}

describe('compiled graphs give the numbers of the dynamic engine', () => {
  it('for random expressions over every op, on the recorded and on new data', () => {
    fc.assert(
      fc.property(expression, data, data, (tree, first, second) => {
        const leaves = first.map((value, index) => new Value(value, { label: `leaf${index}` }))
        const parameters = leaves.slice(0, 3)
        const inputs = leaves.slice(3)
        // Squash the output too, and add every leaf so that each one is reachable.
        const output = build(tree, leaves).tanh().add(Value.sum(leaves).mul(1e-3))
        const graph = compileGraph({ output, parameters, inputs })
        for (const values of [first, second]) {
          values.forEach((value, index) => {
            leaves[index]!.data = value
            leaves[index]!.grad = 0
          })
          const dynamic = build(tree, leaves).tanh().add(Value.sum(leaves).mul(1e-3))
          dynamic.backward()
          graph.parameterData.set(values.slice(0, 3))
          graph.setInputs(values.slice(3))
          expectClose(graph.forward(), dynamic.data)
          graph.zeroGrad()
          graph.backward()
          for (const [index, parameter] of parameters.entries())
            expectClose(graph.parameterGrad[index]!, parameter.grad)
          for (const [index, input] of inputs.entries())
            expectClose(graph.inputGrad[index]!, input.grad)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('matches micrograd’s published example (g = 24.7041, dg/da = 138.8338, dg/db = 645.5773)', () => {
    const { a, b, g } = microgradReadmeExpression()
    const graph = compileGraph({ output: g, parameters: [a, b] })
    expect(graph.forward()).toBeCloseTo(24.7041, 4)
    graph.backward()
    expect(graph.parameterGrad[0]).toBeCloseTo(138.8338, 4)
    expect(graph.parameterGrad[1]).toBeCloseTo(645.5773, 4)
  })

  it('gives a variable exponent the gradient out·ln(base) only where the base is positive', () => {
    const base = new Value(-2)
    const exponent = new Value(3)
    const graph = compileGraph({ output: base.pow(exponent), parameters: [base, exponent] })
    expect(graph.forward()).toBe(-8)
    graph.backward()
    expect(graph.parameterGrad[0]).toBe(12)
    expect(graph.parameterGrad[1]).toBe(0)
    graph.parameterData[0] = 2
    expect(graph.forward()).toBe(8)
    graph.zeroGrad()
    graph.backward()
    expect(graph.parameterGrad[1]).toBeCloseTo(8 * Math.log(2), 14)
  })

  it('handles a reused subexpression (a diamond) and a value used twice by one op', () => {
    const x = new Value(0.7)
    const square = x.mul(x)
    const output = square.add(square).mul(square.tanh())
    const graph = compileGraph({ output, parameters: [x] })
    output.backward()
    expect(graph.forward()).toBe(output.data)
    graph.backward()
    expect(graph.parameterGrad[0]).toBe(x.grad)
  })

  it('differentiates an output that is itself a parameter', () => {
    const w = new Value(3)
    const graph = compileGraph({ output: w, parameters: [w] })
    expect(graph.forward()).toBe(3)
    graph.backward()
    expect(graph.parameterGrad[0]).toBe(1)
  })
})

describe('the documented example', () => {
  it('runs as the compiled-graphs guide says', () => {
    const w = [new Value(0.5), new Value(-0.3)]
    const b = new Value(0.1)
    const x = [new Value(0), new Value(0)]
    const y = Value.dot(x, w).add(b).tanh()
    const graph = compileGraph({ output: y, parameters: [...w, b], inputs: x })
    graph.setInputs([1, 2])
    expect(graph.forward()).toBeCloseTo(0, 15)
    graph.backward()
    expect(Array.from(graph.parameterGrad)).toEqual([1, 2, 1])
    expect(graph.inputGrad[0]).toBeCloseTo(0.5, 15)
  })
})

describe('a neuron fused into one step', () => {
  it('runs any one-input op of the table as its activation, to the bit of the dynamic engine', () => {
    const x = [new Value(0.3), new Value(-1.2)]
    const w = [new Value(0.8), new Value(0.45)]
    const b = new Value(1.5) // keeps the sum positive, so log is defined too
    for (const name of UNARY) {
      const neuron = () => Value.dot(x, w).add(b)[name]().mul(2)
      const graph = compileGraph({ output: neuron(), parameters: [...w, b], inputs: x })
      graph.setInputs([-0.7, 0.25])
      const compiled = graph.forward()
      graph.backward()
      x[0]!.data = -0.7
      x[1]!.data = 0.25
      for (const leaf of [...x, ...w, b]) leaf.grad = 0
      const dynamic = neuron()
      dynamic.backward()
      expect(compiled, name).toBe(dynamic.data)
      expect(Array.from(graph.parameterGrad), name).toEqual([...w, b].map((leaf) => leaf.grad))
      expect(Array.from(graph.inputGrad), name).toEqual(x.map((leaf) => leaf.grad))
      x[0]!.data = 0.3
      x[1]!.data = -1.2
    }
  })
})
