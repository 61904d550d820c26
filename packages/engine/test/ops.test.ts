import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { gradcheck, type LaneAlgebra, OPS, type OpName, Value } from '../src/index.js'

// Each op's backprop derivative must match a central finite difference of its own forward pass.
const within = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true })
const awayFromZero = within(-5, 5).filter((x) => Math.abs(x) > 1e-3)

// Where each one-input op of the table is smooth; an op added to the table is tested on (-5, 5)
// unless it is listed here.
const DOMAINS: Partial<Record<OpName, fc.Arbitrary<number>>> = {
  relu: awayFromZero,
  abs: awayFromZero,
  sigmoid: within(-20, 20),
  exp: within(-10, 10),
  log: within(0.05, 100),
}
const tableOps = Object.values(OPS).flatMap((op) => (op.arity === 1 ? [op.name] : []))
/** The `Value` method of a one-input op of the table, e.g. `x.tanh()`. */
const apply = (x: Value, name: string) => (x as unknown as Record<string, () => Value>)[name]!()

const unaryOps: Record<string, [(x: Value) => Value, fc.Arbitrary<number>]> = {
  ...Object.fromEntries(
    tableOps.map((name) => [name, [(x: Value) => apply(x, name), DOMAINS[name] ?? within(-5, 5)]]),
  ),
  neg: [(x) => x.neg(), within(-10, 10)],
  'pow by a number': [(x) => x.pow(3), within(-5, 5)],
  'pow by a negative number': [(x) => x.pow(-1.5), within(0.1, 5)],
}

describe('the op table', () => {
  it('has a Value method for every one-input op, which records that op', () => {
    for (const name of tableOps) {
      const out = apply(new Value(0.5), name)
      expect(out.op).toBe(name)
      expect(out.data).toBe(OPS[name].forward(0.5))
    }
  })

  it('computes sin, cos and abs and their derivatives in closed form', () => {
    const x = new Value(0.7)
    const y = x.sin().mul(x.cos()).add(x.neg().abs()) // sin·cos + |−x|
    y.backward()
    expect(y.data).toBeCloseTo(Math.sin(0.7) * Math.cos(0.7) + 0.7, 15)
    // d/dx: cos² − sin² + sign(x)
    expect(x.grad).toBeCloseTo(Math.cos(1.4) + 1, 14)
    const zero = new Value(0)
    zero.abs().backward()
    expect(zero.grad).toBe(0)
  })
})

const binaryOps: Record<
  string,
  [(a: Value, b: Value) => Value, fc.Arbitrary<number>, fc.Arbitrary<number>]
> = {
  add: [(a, b) => a.add(b), within(-10, 10), within(-10, 10)],
  sub: [(a, b) => a.sub(b), within(-10, 10), within(-10, 10)],
  mul: [(a, b) => a.mul(b), within(-10, 10), within(-10, 10)],
  div: [(a, b) => a.div(b), within(-10, 10), within(0.1, 10)],
  'pow with a Value exponent': [(a, b) => a.pow(b), within(0.1, 4), within(-3, 3)],
}

describe('the lane forms the SIMD kernel is generated from', () => {
  /** The lane algebra on plain numbers: one lane. */
  const oneLane: LaneAlgebra<number> = {
    constant: (value) => value,
    add: (a, b) => a + b,
    sub: (a, b) => a - b,
    mul: (a, b) => a * b,
    wherePositive: (test, value) => (test > 0 ? value : 0),
  }
  const withLanes = Object.values(OPS).flatMap((op) =>
    op.arity === 1 && op.lanes !== undefined ? [op] : [],
  )
  const anyNumber = fc.double({ noNaN: true })

  const binaryWithLanes = Object.values(OPS).flatMap((op) =>
    op.arity === 2 && op.lanes !== undefined ? [op] : [],
  )

  it('cover the activations a compiled layer fuses, and add and mul', () => {
    expect(withLanes.map((op) => op.name).sort()).toEqual(['exp', 'relu', 'sigmoid', 'tanh'])
    expect(binaryWithLanes.map((op) => op.name).sort()).toEqual(['add', 'mul'])
  })

  it.each(binaryWithLanes)('give $name’s forward and derivatives to the bit', (op) => {
    fc.assert(
      fc.property(anyNumber, anyNumber, (a, b) => {
        const out = op.forward(a, b)
        const lanes = op.lanes!
        expect(Object.is(lanes.forward?.(a, b, oneLane), out)).toBe(true)
        expect(Object.is(lanes.derivativeA?.(a, b, out, oneLane), op.derivativeA(a, b, out))).toBe(
          true,
        )
        expect(Object.is(lanes.derivativeB?.(a, b, out, oneLane), op.derivativeB(a, b, out))).toBe(
          true,
        )
      }),
    )
  })

  it.each(withLanes)('give $name’s forward and derivative to the bit', (op) => {
    fc.assert(
      fc.property(anyNumber, (x) => {
        const out = op.forward(x)
        if (op.lanes?.forward) expect(Object.is(op.lanes.forward(x, oneLane), out)).toBe(true)
        if (op.lanes?.derivativeFromOutput)
          expect(
            Object.is(op.lanes.derivativeFromOutput(out, oneLane), op.derivative(x, out)),
          ).toBe(true)
      }),
    )
  })
})

describe('every op against central finite differences', () => {
  for (const [name, [op, domain]] of Object.entries(unaryOps)) {
    it(name, () => {
      fc.assert(
        fc.property(domain, (x) => {
          const report = gradcheck(([input]) => op(input!), [x], { h: 1e-6, tolerance: 1e-6 })
          expect(report.entries[0]!.error).toBeLessThan(1e-6)
        }),
      )
    })
  }
  for (const [name, [op, left, right]] of Object.entries(binaryOps)) {
    it(name, () => {
      fc.assert(
        fc.property(left, right, (a, b) => {
          const report = gradcheck(([x, y]) => op(x!, y!), [a, b], { h: 1e-6, tolerance: 1e-6 })
          expect(report.maxError).toBeLessThan(1e-6)
        }),
      )
    })
  }
})

// A random program over three inputs: each step applies a smooth op to two earlier results, so
// inputs and intermediates are reused (diamonds) as often as the generator likes.
type Step = { op: number; left: number; right: number }
const smoothOps: ((a: Value, b: Value) => Value)[] = [
  (a, b) => a.add(b),
  (a, b) => a.sub(b),
  (a, b) => a.mul(b).tanh(),
  (a, b) => a.div(b.mul(b).add(1)),
  (a, b) => a.sigmoid().mul(b),
  (a, b) => a.tanh().exp().add(b),
  (a, b) => a.mul(a).add(1).log().mul(b.tanh()),
  (a, b) => a.mul(a).add(b.mul(b)).add(0.5).pow(-0.5),
]

function runProgram(inputs: Value[], steps: readonly Step[]): Value {
  const results = [...inputs]
  for (const { op, left, right } of steps) {
    const a = results[left % results.length]!
    const b = results[right % results.length]!
    results.push(smoothOps[op % smoothOps.length]!(a, b))
  }
  return results[results.length - 1]!
}

describe('random compositions with reused subexpressions', () => {
  it('match central finite differences', () => {
    const step = fc.record({ op: fc.nat(), left: fc.nat(), right: fc.nat() })
    fc.assert(
      fc.property(
        fc.array(within(-2, 2), { minLength: 3, maxLength: 3 }),
        fc.array(step, { minLength: 1, maxLength: 12 }),
        (at, steps) => {
          const report = gradcheck((inputs) => runProgram(inputs, steps), at, { h: 1e-6 })
          expect(report.maxError).toBeLessThan(1e-5)
        },
      ),
      { numRuns: 300 },
    )
  })
})
