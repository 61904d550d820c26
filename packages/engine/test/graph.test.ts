import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { isGradEnabled, noGrad, topologicalSort, Value, walkGraph, zeroGrad } from '../src/index.js'

function neuron() {
  const x1 = new Value(2, { label: 'x1' })
  const x2 = new Value(0, { label: 'x2' })
  const w1 = new Value(-3, { label: 'w1' })
  const w2 = new Value(1, { label: 'w2' })
  const b = new Value(6.881373587019543, { label: 'b' })
  const n = x1.mul(w1).add(x2.mul(w2)).add(b)
  const o = n.tanh()
  return { x1, x2, w1, w2, b, n, o }
}

describe('graph walk', () => {
  it('lists inputs before outputs, in micrograd build_topo order, ending at the root', () => {
    const { x1, x2, w1, w2, b, o } = neuron()
    const order = topologicalSort(o)
    expect(order.at(-1)).toBe(o)
    expect(order.slice(0, 2)).toEqual([x1, w1])
    expect(order.indexOf(x2)).toBeLessThan(order.indexOf(w2))
    expect(order.indexOf(b)).toBeGreaterThan(order.indexOf(w2))
    for (const node of order) {
      for (const child of node.children)
        expect(order.indexOf(child)).toBeLessThan(order.indexOf(node))
    }
  })

  it('gives every node once and every input-to-op edge once, the same way every time', () => {
    const { o } = neuron()
    const first = walkGraph(o)
    const second = walkGraph(o)
    expect(first.nodes).toHaveLength(10)
    expect(first.edges).toHaveLength(9)
    expect(second.nodes).toEqual(first.nodes)
    expect(second.edges).toEqual(first.edges)
    expect(first.edges.at(-1)).toMatchObject({ to: o, slot: 0 })
  })

  it("reproduces the lecture's neuron: o = 0.7071, dw1 = 1, dx1 = -1.5", () => {
    const { x1, x2, w1, w2, o } = neuron()
    o.backward()
    expect(o.data).toBeCloseTo(Math.SQRT1_2, 12)
    expect(x1.grad).toBeCloseTo(-1.5, 12)
    expect(w1.grad).toBeCloseTo(1, 12)
    expect(x2.grad).toBeCloseTo(0.5, 12)
    expect(w2.grad).toBe(0)
  })
})

describe('noGrad', () => {
  it('computes data but records no inputs or backward step', () => {
    const w = new Value(3)
    const y = noGrad(() => {
      expect(isGradEnabled()).toBe(false)
      return w.mul(2).add(1)
    })
    expect(y.data).toBe(7)
    expect(y.children).toHaveLength(0)
    expect(y.op).toBe('')
    expect(isGradEnabled()).toBe(true)
  })

  it('restores recording after an error', () => {
    expect(() => noGrad(() => new Value(0).log())).toThrow()
    expect(isGradEnabled()).toBe(true)
  })
})

describe('Value basics', () => {
  it('reads like micrograd', () => {
    const v = new Value(2, { label: 'a' })
    expect(String(v)).toBe('Value(data=2, grad=0)')
    expect(v.label).toBe('a')
    expect(v.op).toBe('')
  })

  it('keeps data writable and children in argument order', () => {
    const a = new Value(1)
    const b = new Value(2)
    const c = a.mul(b)
    expect(c.children).toEqual([a, b])
    a.data = 5
    expect(a.data).toBe(5)
  })

  it('zeroGrad clears the given values only', () => {
    const a = new Value(1)
    const b = new Value(2)
    a.mul(b).backward()
    zeroGrad([a])
    expect(a.grad).toBe(0)
    expect(b.grad).toBe(1)
  })
})

describe('printing a Value', () => {
  it('reads like micrograd’s repr in toString, console.log and template strings', () => {
    const { o } = neuron()
    o.backward()
    const repr = `Value(data=${o.data}, grad=1)`
    expect(String(o)).toBe(repr)
    expect(inspect(o)).toBe(repr)
    expect(inspect({ o })).toBe(`{ o: ${repr} }`)
  })
})
