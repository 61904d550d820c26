import { Value } from '@mg/engine'

/**
 * The 2-input tanh neuron the micrograd lecture traces, with its labels, after `backward()`:
 * inputs x1 = 2, x2 = 0, weights w1 = −3, w2 = 1, and the bias 6.8813735870195432 chosen so that
 * n = 0.8814 and o = tanh(n) = 0.7071, whose gradients are easy to check by hand (do/dn = 0.5).
 */
export function tracedNeuron(): Value {
  const x1 = new Value(2, { label: 'x1' })
  const x2 = new Value(0, { label: 'x2' })
  const w1 = new Value(-3, { label: 'w1' })
  const w2 = new Value(1, { label: 'w2' })
  const b = new Value(6.881373587019543, { label: 'b' })
  const x1w1 = labelled(x1.mul(w1), 'x1·w1')
  const x2w2 = labelled(x2.mul(w2), 'x2·w2')
  const sum = labelled(x1w1.add(x2w2), 'x1·w1 + x2·w2')
  const n = labelled(sum.add(b), 'n')
  const o = labelled(n.tanh(), 'o')
  o.backward()
  return o
}

/** Sets a computed value's label, as the lecture does with `n.label = 'n'`. */
export function labelled(value: Value, label: string): Value {
  value.label = label
  return value
}
