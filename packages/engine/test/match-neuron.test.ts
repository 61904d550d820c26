import { describe, expect, it } from 'vitest'
import { matchNeuron, Value, walkGraph } from '../src/index.js'

/** The sole consumer of each value of `output`'s graph, as a caller of matchNeuron computes it. */
function soleConsumers(output: Value): (value: Value) => Value | undefined {
  const consumers = new Map<Value, Value[]>()
  for (const edge of walkGraph(output).edges)
    consumers.set(edge.from, [...(consumers.get(edge.from) ?? []), edge.to])
  return (value) => {
    const list = consumers.get(value)
    return list?.length === 1 ? list[0] : undefined
  }
}

const xs = () => [new Value(1), new Value(2)]
const ws = () => [new Value(0.5), new Value(-0.25)]

describe('matchNeuron', () => {
  it('finds activation(dot(xs, ws) + bias), whichever side the bias is on', () => {
    for (const biasFirst of [false, true]) {
      const dot = Value.dot(xs(), ws())
      const bias = new Value(0.1)
      const sum = biasFirst ? bias.add(dot) : dot.add(bias)
      const out = sum.sin()
      const neuron = matchNeuron(dot, soleConsumers(out.mul(2)))
      expect(neuron).toEqual({ dot, biasAdd: sum, bias, activation: out, output: out })
    }
  })

  it('finds a neuron without bias or activation, which is its dot alone', () => {
    const dot = Value.dot(xs(), ws())
    const neuron = matchNeuron(dot, soleConsumers(dot.mul(3)))
    expect(neuron).toMatchObject({ bias: undefined, activation: undefined, output: dot })
  })

  it('stops where an intermediate result is used elsewhere', () => {
    const dot = Value.dot(xs(), ws())
    const sum = dot.add(new Value(0.1))
    const output = sum.tanh().add(sum) // the pre-activation sum feeds two nodes
    const neuron = matchNeuron(dot, soleConsumers(output))
    expect(neuron).toMatchObject({ biasAdd: sum, activation: undefined, output: sum })
  })

  it('refuses a sum of squares and weights that are computed, which are not neurons', () => {
    const p = ws()
    expect(matchNeuron(Value.dot(p, p), () => undefined)).toBeUndefined()
    const computed = Value.dot(xs(), [new Value(1).mul(2), new Value(3)])
    expect(matchNeuron(computed, () => undefined)).toBeUndefined()
    expect(matchNeuron(new Value(1).tanh(), () => undefined)).toBeUndefined()
  })
})
