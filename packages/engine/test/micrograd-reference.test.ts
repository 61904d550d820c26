import { describe, expect, it } from 'vitest'
import { Value } from '../src/index.js'
import { microgradReadmeExpression } from './support/micrograd-readme.js'

// micrograd's test_engine.py checks these two expressions against PyTorch. The expected numbers
// were recomputed exactly with rational arithmetic (forward-mode duals over Python's Fraction),
// then rounded once to float64.
const closeTo = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(1e-12)

describe("micrograd's PyTorch-checked tests", () => {
  it('sanity check: y = -20, dy/dx = 46 at x = -4', () => {
    const x = new Value(-4)
    const z = x.mul(2).add(2).add(x)
    const q = z.relu().add(z.mul(x))
    const h = z.mul(z).relu()
    const y = h.add(q).add(q.mul(x))
    y.backward()
    closeTo(y.data, -20)
    closeTo(x.grad, 46)
  })

  it('more ops: g = 24.7041, dg/da = 138.8338, dg/db = 645.5773', () => {
    const { a, b, g } = microgradReadmeExpression()
    g.backward()
    closeTo(g.data, 24.70408163265306)
    closeTo(a.grad, 138.8338192419825)
    closeTo(b.grad, 645.5772594752186)
  })
})
