import { Value } from '@mg/engine'

/** The lecture's neuron: o = tanh(x1·w1 + x2·w2 + b), labelled as in micrograd, after backward. */
export function microgradNeuron() {
  const x1 = new Value(2, { label: 'x1' })
  const x2 = new Value(0, { label: 'x2' })
  const w1 = new Value(-3, { label: 'w1' })
  const w2 = new Value(1, { label: 'w2' })
  const b = new Value(6.881373587019543, { label: 'b' })
  const x1w1 = x1.mul(w1)
  x1w1.label = 'x1*w1'
  const x2w2 = x2.mul(w2)
  x2w2.label = 'x2*w2'
  const sum = x1w1.add(x2w2)
  sum.label = 'x1*w1 + x2*w2'
  const n = sum.add(b)
  n.label = 'n'
  const o = n.tanh()
  o.label = 'o'
  o.backward()
  return { x1, x2, w1, w2, b, n, o }
}
