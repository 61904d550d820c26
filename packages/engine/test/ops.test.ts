import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { gradcheck, type Value } from '../src/index.js'

// Each op's backprop derivative must match a central finite difference of its own forward pass.
const within = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true })
const awayFromZero = within(-5, 5).filter((x) => Math.abs(x) > 1e-3)

const unaryOps: Record<string, [(x: Value) => Value, fc.Arbitrary<number>]> = {
  neg: [(x) => x.neg(), within(-10, 10)],
  relu: [(x) => x.relu(), awayFromZero],
  tanh: [(x) => x.tanh(), within(-5, 5)],
  sigmoid: [(x) => x.sigmoid(), within(-20, 20)],
  exp: [(x) => x.exp(), within(-10, 10)],
  log: [(x) => x.log(), within(0.05, 100)],
  'pow by a number': [(x) => x.pow(3), within(-5, 5)],
  'pow by a negative number': [(x) => x.pow(-1.5), within(0.1, 5)],
}

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
