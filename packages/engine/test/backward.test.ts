import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Value, zeroGrad } from '../src/index.js'

describe('backward', () => {
  it('accumulates through a reused value (a diamond)', () => {
    const x = new Value(3)
    const y = x.mul(x).add(x) // dy/dx = 2x + 1
    y.backward()
    expect(x.grad).toBe(7)
  })

  it('gives 27 for x·x·x at 3 every time, with no stale intermediate gradient', () => {
    const x = new Value(3)
    const y = x.mul(x).mul(x)
    y.backward()
    expect(x.grad).toBe(27)
    zeroGrad([x])
    y.backward()
    expect(x.grad).toBe(27) // micrograd gives 45 here
  })

  it('accumulates into leaves across calls, as PyTorch does', () => {
    const x = new Value(3)
    const y = x.mul(x).mul(x)
    y.backward()
    y.backward()
    expect(x.grad).toBe(54)
    x.mul(2).backward() // a new graph sharing the leaf adds its gradient
    expect(x.grad).toBe(56)
  })

  it('ignores an intermediate gradient left over from another root', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), (value) => {
        const x = new Value(value)
        const shared = x.tanh()
        shared.mul(5).backward()
        zeroGrad([x])
        shared.mul(shared).backward()
        const t = Math.tanh(value)
        expect(x.grad).toBeCloseTo(2 * t * (1 - t * t), 12)
      }),
    )
  })

  it.skipIf(process.env.MG_MUTATION)(
    'handles a 1,000,000-deep chain without a call stack',
    () => {
      const x = new Value(0.5)
      let y = x
      for (let i = 0; i < 1_000_000; i++) y = y.add(1)
      y.backward()
      expect(y.data).toBe(1_000_000.5)
      expect(x.grad).toBe(1)
    },
    60_000,
  ) // two million values: generous room for a slow or busy machine

  it('sets the root grad to 1', () => {
    const x = new Value(2)
    const y = x.pow(2)
    y.backward()
    expect(y.grad).toBe(1)
    expect(x.grad).toBe(4)
  })

  it('treats a leaf root like any leaf: its gradient accumulates', () => {
    const x = new Value(2)
    x.backward()
    x.backward()
    expect(x.grad).toBe(2)
  })

  it('gives a Value exponent the gradient out·ln(base), and nothing where the base is not positive', () => {
    const base = new Value(2)
    const exponent = new Value(3)
    base.pow(exponent).backward()
    expect(exponent.grad).toBeCloseTo(8 * Math.log(2), 14)
    expect(base.grad).toBe(12)
    const negative = new Value(-2)
    const k = new Value(2)
    negative.pow(k).backward()
    expect(k.grad).toBe(0)
    expect(negative.grad).toBe(-4)
  })
})
