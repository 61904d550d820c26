import { Value } from '../../src/index.js'

/**
 * The expression of micrograd's README, which micrograd's test_engine.py checks against PyTorch:
 * g = 24.7041, dg/da = 138.8338, dg/db = 645.5773. Returns its two leaves and its output.
 */
export function microgradReadmeExpression(): { a: Value; b: Value; g: Value } {
  const a = new Value(-4)
  const b = new Value(2)
  let c = a.add(b)
  let d = a.mul(b).add(b.pow(3))
  c = c.add(c.add(1))
  c = c.add(new Value(1).add(c).add(a.neg()))
  d = d.add(d.mul(2).add(b.add(a).relu()))
  d = d.add(new Value(3).mul(d).add(b.sub(a).relu()))
  const e = c.sub(d)
  const f = e.pow(2)
  let g = f.div(2)
  g = g.add(new Value(10).div(f))
  return { a, b, g }
}
