import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Value } from '../src/index.js'

const finite = fc.double({ min: -100, max: 100, noNaN: true })

describe('fused sum and dot', () => {
  it('Value.sum gives the same data and gradients as chained adds', () => {
    fc.assert(
      fc.property(fc.array(finite, { minLength: 1, maxLength: 20 }), (numbers) => {
        const fused = numbers.map((n) => new Value(n))
        const chained = numbers.map((n) => new Value(n))
        const total = Value.sum(fused).mul(3)
        const reference = chained.reduce((acc, v) => acc.add(v), new Value(0)).mul(3)
        total.backward()
        reference.backward()
        expect(total.data).toBeCloseTo(reference.data, 9)
        expect(fused.map((v) => v.grad)).toEqual(chained.map((v) => v.grad))
      }),
    )
  })

  it('Value.dot gives the same data and gradients as chained mul and add', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(finite, finite), { minLength: 1, maxLength: 20 }), (pairs) => {
        const xs = pairs.map(([x]) => new Value(x))
        const ws = pairs.map(([, w]) => new Value(w))
        const xs2 = pairs.map(([x]) => new Value(x))
        const ws2 = pairs.map(([, w]) => new Value(w))
        const fused = Value.dot(xs, ws).tanh()
        const chained = xs2.reduce((acc, x, i) => acc.add(x.mul(ws2[i]!)), new Value(0)).tanh()
        fused.backward()
        chained.backward()
        expect(fused.data).toBeCloseTo(chained.data, 12)
        // Same additions in the same order, so the gradients agree to the last bit.
        const grads = (values: Value[]) => values.map((v) => v.grad)
        expect(grads(xs)).toEqual(grads(xs2))
        expect(grads(ws)).toEqual(grads(ws2))
      }),
    )
  })

  it('makes one node per dot, with xs then ws as children, and accepts plain numbers', () => {
    const w = [new Value(-3), new Value(1)]
    const out = Value.dot([2, 0], w)
    expect(out.op).toBe('dot')
    expect(out.children).toHaveLength(4)
    expect(out.children.slice(2)).toEqual(w)
    out.backward()
    expect(w.map((v) => v.grad)).toEqual([2, 0])
  })

  it('accumulates when the same value appears twice in a dot', () => {
    const x = new Value(3)
    Value.dot([x, x], [x, 2]).backward() // x² + 2x
    expect(x.grad).toBe(8)
  })
})
